package org.origins.explain;

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
                    Diff.levels(base, other, Diff.allModels(base)), Diff.others(base, other)));
        }
        return new Disputes.Dispute(model, key, Describe.value(unit, chosen.value()), chosen.citation() + ", " + chosen.status(), alts);
    }

    private static String assumedText(Object value) {
        return value instanceof Double d && d == Math.rint(d) ? String.valueOf(d.longValue()) : String.valueOf(value);
    }
}
