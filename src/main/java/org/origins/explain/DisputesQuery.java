package org.origins.explain;

import org.origins.facts.BaseDoubt;
import org.origins.facts.Mechanism;
import org.origins.kb.Ability;
import org.origins.kb.Field;
import org.origins.kb.KnowledgeBase;
import org.origins.kb.ModelRecord;
import org.origins.kb.StageRecord;
import org.origins.kb.Statement;
import org.origins.reasoning.Assumptions;
import org.origins.reasoning.Reasoner;
import org.origins.reasoning.Reasoning;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Lists the disputed facts and, for each alternative value, re-runs the rules with that value
 * assumed and reports every conclusion that changes: levels, mechanisms, doubts about bases.
 */
public final class DisputesQuery {
    private DisputesQuery() {
    }

    public static Disputes all(Reasoning base, long maxFirings) {
        KnowledgeBase kb = base.kb();
        List<Disputes.Dispute> out = new ArrayList<>();
        for (ModelRecord m : kb.models()) {
            for (Field<?> f : m.fields()) {
                if (f.isDisputed()) {
                    out.add(dispute(base, m.id(), m.id() + "." + f.name(), f, f.name(), maxFirings));
                }
            }
            for (StageRecord s : m.stages()) {
                if (!s.present().statements().isEmpty() && s.present().isDisputed()) {
                    out.add(dispute(base, m.id(), m.id() + "." + s.assumeAs(), s.present(), "present", maxFirings));
                }
                for (Field<?> f : s.attributes()) {
                    if (f.isDisputed()) {
                        out.add(dispute(base, m.id(), m.id() + "#" + s.order() + "." + f.name(), f, f.name(), maxFirings));
                    }
                }
            }
        }
        return new Disputes(Disputes.SCHEMA, out);
    }

    private static Disputes.Dispute dispute(Reasoning base, String model, String key, Field<?> f, String unit, long maxFirings) {
        Statement<?> chosen = f.chosen().orElseThrow();
        List<Disputes.Alternative> alts = new ArrayList<>();
        for (Object value : f.values()) {
            if (Objects.equals(value, chosen.value())) {
                continue;
            }
            Statement<?> by = f.statements().stream().filter(s -> Objects.equals(s.value(), value)).findFirst().orElseThrow();
            String assume = key + "=" + assumedText(value);
            KnowledgeBase kb = Assumptions.parse(base.kb(), List.of(assume)).apply(base.kb());
            Reasoning other = Reasoner.run(kb, base.rules(), maxFirings);
            alts.add(new Disputes.Alternative(Describe.value(unit, value), by.citation() + ", " + by.status(), assume,
                    levelChanges(base, other), otherChanges(base, other)));
        }
        return new Disputes.Dispute(model, key, Describe.value(unit, chosen.value()), chosen.citation() + ", " + chosen.status(), alts);
    }

    private static String assumedText(Object value) {
        return value instanceof Double d && d == Math.rint(d) ? String.valueOf(d.longValue()) : String.valueOf(value);
    }

    static List<Disputes.ChangedLevel> levelChanges(Reasoning before, Reasoning after) {
        List<Disputes.ChangedLevel> out = new ArrayList<>();
        for (ModelRecord m : before.kb().models()) {
            for (Ability a : before.kb().abilities()) {
                var b = before.level(m.id(), a.id());
                var c = after.level(m.id(), a.id());
                if (b != c) {
                    out.add(new Disputes.ChangedLevel(m.id(), a.id(), b, c));
                }
            }
        }
        return out;
    }

    static List<String> otherChanges(Reasoning before, Reasoning after) {
        List<String> out = new ArrayList<>();
        diff(out, labels(before, BaseDoubt.class), labels(after, BaseDoubt.class));
        diff(out, labels(before, Mechanism.class), labels(after, Mechanism.class));
        return out;
    }

    private static Set<String> labels(Reasoning r, Class<?> type) {
        return r.derived(type).stream().map(Describe::fact).collect(Collectors.toCollection(java.util.TreeSet::new));
    }

    private static void diff(List<String> out, Set<String> before, Set<String> after) {
        before.stream().filter(x -> !after.contains(x)).forEach(x -> out.add("no longer: " + x));
        after.stream().filter(x -> !before.contains(x)).forEach(x -> out.add("now: " + x));
    }
}
