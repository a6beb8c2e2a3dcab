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
    /** Per plan, the id of each probe's copy of the model, in the plan's order. */
    private final List<List<String>> copyIds = new ArrayList<>();
    /** The copies of each value tried: the lineage from the model whose value is missing down to the model. */
    private final List<Map<String, ModelRecord>> tries = new ArrayList<>();

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
                String suffix = COPY + tries.size();
                Map<String, String> renamed = new HashMap<>();
                Map<String, ModelRecord> copies = new LinkedHashMap<>();
                boolean copying = false;
                for (ModelRecord m : chain) {
                    copying |= m.id().equals(p.owner());
                    if (copying) {
                        renamed.put(m.id(), m.id() + suffix);
                        ModelRecord copy = renamed(m.id().equals(p.owner()) ? p.assumption().applyTo(m) : m, renamed);
                        copies.put(copy.id(), copy);
                    }
                }
                tries.add(copies);
                ids.add(model + suffix);
            }
            plans.add(plan);
            copyIds.add(ids);
        }
    }

    boolean isEmpty() {
        return plans.isEmpty();
    }

    /**
     * The copies to reason about, in groups of about {@code size} models (each value's copies in one
     * group, which bounds a session's memory as a chunk's size does), each copy's id to read after it,
     * its parents the originals' (a real model, or a model of the chunk).
     */
    List<Group> groups(int size) {
        List<String> outcomes = copyIds.stream().flatMap(List::stream).toList();
        List<Group> out = new ArrayList<>();
        Map<String, ModelRecord> models = new LinkedHashMap<>();
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < tries.size(); i++) {
            models.putAll(tries.get(i));
            ids.add(outcomes.get(i));
            if (models.size() >= size || i == tries.size() - 1) {
                out.add(new Group(models, ids));
                models = new LinkedHashMap<>();
                ids = new ArrayList<>();
            }
        }
        return out;
    }

    /** Copies reasoned about together, and the ids of those whose levels are read. */
    record Group(Map<String, ModelRecord> copies, List<String> outcomes) {
    }

    /**
     * The undetermined abilities of each model probed (model → ability → the levels it could have):
     * {@code levels} gives the levels of a copy of {@link #outcomeIds()} in the run over the copies,
     * {@code now} a model's own.
     */
    Map<String, Map<String, List<Level>>> undetermined(Function<String, Map<String, Level>> levels,
                                                       Function<String, Map<String, Level>> now) {
        Map<String, Map<String, List<Level>>> out = new HashMap<>();
        for (int i = 0; i < plans.size(); i++) {
            MissingFacts.Plan plan = plans.get(i);
            List<Map<String, Level>> outcomes = new ArrayList<>();
            for (String id : copyIds.get(i)) {
                outcomes.add(levels.apply(id));
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
