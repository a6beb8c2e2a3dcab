package org.origins.batch;

import org.origins.explain.MissingFacts;
import org.origins.kb.Field;
import org.origins.kb.Level;
import org.origins.kb.ModelRecord;
import org.origins.kb.Statement;
import org.origins.reasoning.Reasoning;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The undetermined abilities of a chunk's models ({@link MissingFacts}: a value their lineage leaves
 * undisclosed, with no default, would change them), found in one run of the rules for the whole
 * chunk instead of one per value tried. Each value tried becomes a copy of the model's lineage from
 * the model whose value is missing down to the model, under ids of its own, with the value assumed;
 * rules reason within a lineage (they never name a model), so the copies do not disturb one another,
 * and each copy's levels are those a run over that lineage alone gives.
 */
final class ChunkProbes {
    /** Joins a copy's id to the original's: no model id read from a file holds it. */
    private static final String COPY = "~probe";

    private final List<MissingFacts.Plan> plans = new ArrayList<>();
    /** The copies to reason about, by id. */
    private final Map<String, ModelRecord> copies = new LinkedHashMap<>();
    /** Per plan, the id of each probe's copy of the model, in the plan's order. */
    private final List<List<String>> copyIds = new ArrayList<>();

    /** The values to try for the models of a chunk's run {@code r}. */
    ChunkProbes(Reasoning r, List<String> models) {
        for (String model : models) {
            MissingFacts.Plan plan = MissingFacts.plan(r, model, false);
            if (plan.probes().isEmpty()) {
                continue;
            }
            List<ModelRecord> chain = r.kb().chain(model);
            List<String> ids = new ArrayList<>();
            for (MissingFacts.Probe p : plan.probes()) {
                String suffix = COPY + copies.size();
                Map<String, String> renamed = new HashMap<>();
                boolean copying = false;
                for (ModelRecord m : chain) {
                    copying |= m.id().equals(p.owner());
                    if (copying) {
                        renamed.put(m.id(), m.id() + suffix);
                        ModelRecord copy = renamed(m.id().equals(p.owner()) ? p.assumption().applyTo(m) : m, renamed);
                        copies.put(copy.id(), copy);
                    }
                }
                ids.add(model + suffix);
            }
            plans.add(plan);
            copyIds.add(ids);
        }
    }

    boolean isEmpty() {
        return plans.isEmpty();
    }

    /** The copies to reason about: their parents are the originals' (a real model, or a model of the chunk). */
    Map<String, ModelRecord> copies() {
        return copies;
    }

    /**
     * The undetermined abilities of each model probed (model → ability → the levels it could have),
     * from the run over the copies; {@code now} gives a model's levels.
     */
    Map<String, Map<String, List<Level>>> undetermined(Reasoning copiesRun, Function<String, Map<String, Level>> now) {
        Map<String, Map<String, List<Level>>> out = new HashMap<>();
        for (int i = 0; i < plans.size(); i++) {
            MissingFacts.Plan plan = plans.get(i);
            List<Map<String, Level>> outcomes = new ArrayList<>();
            for (String id : copyIds.get(i)) {
                Map<String, Level> levels = new LinkedHashMap<>();
                copiesRun.standings(id).forEach((ability, s) -> levels.put(ability, s.level()));
                outcomes.add(levels);
            }
            var result = MissingFacts.result(plan, now.apply(plan.model()), outcomes);
            if (!result.undetermined().isEmpty()) {
                out.put(plan.model(), result.undetermined());
            }
        }
        return out;
    }

    /** The model under its copy's id, its parent links to copied models renamed with it. */
    private static ModelRecord renamed(ModelRecord m, Map<String, String> ids) {
        List<Statement<String>> parents = m.parent().statements().stream()
                .map(s -> s.value() == null || !ids.containsKey(s.value()) ? s
                        : new Statement<>(ids.get(s.value()), s.source(), s.where(), s.status(), s.note(), s.checked(), s.confidence()))
                .toList();
        return m.withId(ids.get(m.id())).withField(new Field<>("parent", parents));
    }
}
