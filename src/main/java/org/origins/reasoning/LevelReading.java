package org.origins.reasoning;

import org.drools.core.common.InternalFactHandle;
import org.drools.tms.TruthMaintenanceSystemEqualityKey;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.rule.FactHandle;
import org.origins.facts.Effect;
import org.origins.facts.Stage;
import org.origins.kb.Ability;
import org.origins.kb.Grade;
import org.origins.kb.KnowledgeBase;
import org.origins.kb.Level;
import org.origins.kb.ModelRecord;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The leanest reading of a fired session: the levels of some of its models, folded from the derived
 * effects alone with the arithmetic of {@link LevelFold}; no justifications and no grades are read
 * (the values a batch tries for what a model leaves out need its levels only). The levels are those
 * of {@link Reasoning#standings} (a test compares them through the batch's output).
 */
final class LevelReading {
    private LevelReading() {
    }

    static Map<String, Map<String, Level>> of(KieSession session, KnowledgeBase kb, StatedFacts stated, Collection<String> models) {
        Map<String, Map<String, List<Effect>>> byStage = new HashMap<>();
        for (FactHandle h : session.getFactHandles()) {
            InternalFactHandle ih = (InternalFactHandle) h;
            if (ih.getObject() instanceof Effect e && ih.getEqualityKey() instanceof TruthMaintenanceSystemEqualityKey key
                    && key.getBeliefSet() != null) {
                byStage.computeIfAbsent(e.stage().id(), k -> new HashMap<>()).computeIfAbsent(e.ability(), k -> new ArrayList<>()).add(e);
            }
        }
        Map<String, List<Stage>> stages = new HashMap<>();
        for (Stage s : stated.stages()) {
            stages.computeIfAbsent(s.model(), k -> new ArrayList<>()).add(s);
        }
        Map<String, Map<String, Level>> out = new LinkedHashMap<>();
        for (String model : models) {
            Map<String, LevelFold> folds = new HashMap<>();
            for (ModelRecord m : kb.chain(model)) {
                List<Stage> own = new ArrayList<>(stages.getOrDefault(m.id(), List.of()));
                own.sort(java.util.Comparator.comparingInt(Stage::order));
                for (Stage s : own) {
                    byStage.getOrDefault(s.id(), Map.of()).forEach((ability, effects) -> folds
                            .computeIfAbsent(ability, a -> new LevelFold(false)).stage(s, effects, Grade.CONCLUSION, e -> Grade.CONCLUSION));
                }
            }
            Map<String, Level> levels = new LinkedHashMap<>();
            for (Ability a : kb.abilities()) {
                LevelFold f = folds.get(a.id());
                levels.put(a.id(), f == null ? Level.NONE : f.level());
            }
            out.put(model, levels);
        }
        return out;
    }
}
