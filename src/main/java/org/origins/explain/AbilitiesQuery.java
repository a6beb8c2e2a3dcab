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
                Notes.doubts(r, model));
    }

    static AbilityRow row(Reasoning r, String model, Ability a) {
        LevelTrace t = r.trace(model, a.id());
        Step decided = t.decidingStep();
        RuleInfo rule = decided == null ? null : decidingRule(r, decided);
        return new AbilityRow(a.id(), a.name(), t.level(), t.grade(), rule == null ? null : rule.id(),
                decided == null ? null : Describe.stage(decided.stage()), rule == null ? null : rule.claim(),
                Notes.mechanisms(r, model, a.id()));
    }

    /** The strongest rule behind the step's deciding effects. */
    static RuleInfo decidingRule(Reasoning r, Step step) {
        var best = r.bestDerivation(step.effects());
        return best == null ? null : best.rule();
    }
}
