package org.origins.explain;

import org.origins.facts.BaseDoubt;
import org.origins.facts.Mechanism;
import org.origins.kb.Ability;
import org.origins.kb.ModelRecord;
import org.origins.reasoning.Reasoning;
import org.origins.reasoning.Step;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/** What changed between two reasoning runs: levels (with the rules that decided them), doubts, mechanisms. */
public final class Diff {
    private Diff() {
    }

    public static List<WhatIf.LevelChange> levels(Reasoning before, Reasoning after, Collection<String> models) {
        List<WhatIf.LevelChange> out = new ArrayList<>();
        for (String m : models) {
            for (Ability a : before.kb().abilities()) {
                var b = before.trace(m, a.id());
                var c = after.trace(m, a.id());
                if (b.level() != c.level()) {
                    List<String> was = deciding(before, b.decisive());
                    List<String> now = deciding(after, c.decisive());
                    out.add(new WhatIf.LevelChange(m, a.id(), b.level(), c.level(),
                            was.stream().filter(x -> !now.contains(x)).toList(),
                            now.stream().filter(x -> !was.contains(x)).toList()));
                }
            }
        }
        return out;
    }

    public static List<String> allModels(Reasoning r) {
        return r.kb().models().stream().map(ModelRecord::id).toList();
    }

    /** "rule at stage" for each deciding effect of the steps. */
    static List<String> deciding(Reasoning r, List<Step> steps) {
        List<String> out = new ArrayList<>();
        for (Step s : steps) {
            for (String id : r.rulesOf(s)) {
                String x = id + " at " + Describe.stage(s.stage());
                if (!out.contains(x)) {
                    out.add(x);
                }
            }
        }
        return out;
    }

    public static List<String> others(Reasoning before, Reasoning after) {
        List<String> out = new ArrayList<>();
        compare(out, labels(before, BaseDoubt.class), labels(after, BaseDoubt.class));
        compare(out, labels(before, Mechanism.class), labels(after, Mechanism.class));
        return out;
    }

    private static Set<String> labels(Reasoning r, Class<?> type) {
        return r.derived(type).stream().map(Describe::fact).collect(Collectors.toCollection(TreeSet::new));
    }

    private static void compare(List<String> out, Set<String> before, Set<String> after) {
        before.stream().filter(x -> !after.contains(x)).forEach(x -> out.add("no longer: " + x));
        after.stream().filter(x -> !before.contains(x)).forEach(x -> out.add("now: " + x));
    }
}
