package org.origins.explain;

import org.origins.kb.Ability;
import org.origins.reasoning.LevelTrace;
import org.origins.reasoning.Reasoning;
import org.origins.reasoning.Step;
import org.origins.rules.RuleInfo;

import java.util.ArrayList;
import java.util.List;

/** Each ability of a model with its level, grade and the rule that decided it. */
public final class AbilitiesQuery {
    private AbilitiesQuery() {
    }

    public static AbilityRow.Table of(Reasoning r, String model) {
        List<AbilityRow> rows = new ArrayList<>();
        for (Ability a : r.kb().abilities()) {
            rows.add(row(r, model, a));
        }
        return new AbilityRow.Table(AbilityRow.Table.SCHEMA, model, r.kb().require(model).hypothetical(), rows,
                Notes.doubts(r, model), null);
    }

    /** The same, with the missing facts of the model's lineage probed (rules run again on the lineage for each). */
    public static AbilityRow.Table withMissingFacts(Reasoning r, String model, long maxFirings) {
        AbilityRow.Table t = of(r, model);
        MissingFacts.Result missing = MissingFacts.of(r, model, maxFirings, true);
        List<AbilityRow> rows = t.abilities().stream()
                .map(a -> missing.undetermined().containsKey(a.ability()) ? a.undetermined(missing.undetermined().get(a.ability())) : a)
                .toList();
        return new AbilityRow.Table(t.schema(), model, t.hypothetical(), rows, t.baseDoubts(), missing.missing());
    }

    static AbilityRow row(Reasoning r, String model, Ability a) {
        LevelTrace t = r.trace(model, a.id());
        Step decided = t.decidingStep();
        RuleInfo rule = decided == null ? null : decidingRule(r, decided);
        return new AbilityRow(a.id(), a.name(), t.level(), t.grade(), rule == null ? null : rule.id(),
                decided == null ? null : Describe.stage(decided.stage()), rule == null ? null : rule.claim(),
                Notes.mechanisms(r, model, a.id()), null);
    }

    /** The strongest rule behind the step's deciding effects. */
    static RuleInfo decidingRule(Reasoning r, Step step) {
        var best = r.bestDerivation(step.effects());
        return best == null ? null : best.rule();
    }
}
