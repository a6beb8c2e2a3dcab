package org.origins.explain;

import org.origins.io.InputException;
import org.origins.io.Suggest;
import org.origins.kb.KnowledgeBase;
import org.origins.kb.ModelReader;
import org.origins.kb.ModelRecord;
import org.origins.kb.StageRecord;
import org.origins.kb.StageSpec;
import org.origins.reasoning.Assumptions;
import org.origins.reasoning.LiveSession;
import org.origins.reasoning.Reasoning;
import org.origins.rules.RuleBase;

import java.util.ArrayList;
import java.util.List;

/**
 * A counterfactual: one live session holds the knowledge base, the changed facts replace the
 * old ones in it (truth maintenance retracts every conclusion that loses its support and derives
 * the new ones), and only what changed is reported — for the model and every model below it.
 */
public final class WhatIfQuery {
    private WhatIfQuery() {
    }

    /**
     * A change to try on a model: its own stages removed ({@code KIND} or {@code N}), stages added
     * after its own ({@code KIND[:NAME=VALUE,...]}, as {@code predict --stage}), fields set
     * ({@code FIELD=VALUE}, as {@code --assume}).
     */
    public record Change(List<String> withoutStages, List<String> withStages, List<String> sets) {
        public Change {
            withoutStages = List.copyOf(withoutStages);
            withStages = List.copyOf(withStages);
            sets = List.copyOf(sets);
        }

        public boolean isEmpty() {
            return withoutStages.isEmpty() && withStages.isEmpty() && sets.isEmpty();
        }
    }

    /** The conclusions that {@code change} to {@code model} changes, for it and every model trained from it. */
    public static WhatIf run(KnowledgeBase before, RuleBase rules, String model, Change change, long maxFirings) {
        if (change.isEmpty()) {
            throw new InputException("what-if needs a change: --without-stage, --with-stage or --set");
        }
        ModelRecord m = before.require(model);
        List<String> described = new ArrayList<>();
        List<StageRecord> stages = new ArrayList<>(m.stages());
        for (String x : change.withoutStages()) {
            List<StageRecord> gone = stages.stream()
                    .filter(s -> s.kind().equals(x) || String.valueOf(s.order()).equals(x.replace("#", ""))).toList();
            if (gone.isEmpty()) {
                throw new InputException("--without-stage " + x + ": " + model + " has no stage of its own like that"
                        + Suggest.hint(x, m.stages().stream().map(StageRecord::kind).distinct().toList())
                        + "; its stages: " + String.join(", ", m.stages().stream().map(s -> "#" + s.order() + " " + s.kind()).toList())
                        + (m.stages().isEmpty() ? "none (it inherits all its training)" : ""));
            }
            stages.removeAll(gone);
            gone.forEach(s -> described.add("without " + model + "#" + s.order() + " " + s.kind()));
        }
        int next = m.stages().stream().mapToInt(StageRecord::order).max().orElse(0);
        for (String spec : change.withStages()) {
            StageRecord s = stage(before, spec).withOrder(++next);
            stages.add(s);
            described.add("with " + model + "#" + s.order() + " " + spec);
        }
        KnowledgeBase after = before.with(List.of(m.withStages(stages)));
        if (!change.sets().isEmpty()) {
            // FIELD=VALUE is the model's field; #N.FIELD=VALUE an attribute of its stage N
            after = Assumptions.parse(after, change.sets().stream().map(x -> model + (x.startsWith("#") ? "" : ".") + x).toList(),
                    "--set", change.sets()).apply(after);
            change.sets().forEach(x -> described.add("set " + x));
        }
        return run(before, after, rules, model, described, maxFirings);
    }

    /** A stage written as KIND[:NAME=VALUE,...], read and validated as a model file's would be. */
    private static StageRecord stage(KnowledgeBase kb, String spec) {
        return ModelReader.against(kb).flags(StageSpec.model("what-if-stage", null, null, List.of(spec), kb, "--with-stage"))
                .stages().get(0);
    }

    private static WhatIf run(KnowledgeBase before, KnowledgeBase after, RuleBase rules, String model,
                              List<String> trainingChanges, long maxFirings) {
        Reasoning was;
        Reasoning now;
        try (LiveSession session = LiveSession.open(before, rules, maxFirings)) {
            was = session.snapshot();
            session.replace(after);
            now = session.snapshot();
        }
        List<String> affected = new ArrayList<>();
        for (ModelRecord m : after.models()) {
            if (after.chain(m.id()).stream().anyMatch(x -> x.id().equals(model))) {
                affected.add(m.id());
            }
        }
        return new WhatIf(WhatIf.SCHEMA, model, trainingChanges, Diff.levels(was, now, affected), Diff.others(was, now));
    }
}
