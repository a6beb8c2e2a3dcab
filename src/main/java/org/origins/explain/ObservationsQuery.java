package org.origins.explain;

import org.origins.kb.Comparison;
import org.origins.kb.Level;
import org.origins.kb.Observation;
import org.origins.reasoning.Reasoning;

import java.util.ArrayList;
import java.util.List;

/** Compares every observation in facts/observations.json with what the rules predict. */
public final class ObservationsQuery {
    public static final String AGREE = "agree";
    public static final String CONTRADICT = "contradict";
    public static final String UNPREDICTED = "unpredicted";
    /** The answer is undetermined (a missing fact decides it) and some possible level contradicts the observation. */
    public static final String UNDETERMINED = "undetermined";

    private ObservationsQuery() {
    }

    public static ObservationReport check(Reasoning r) {
        List<ObservationReport.Check> out = new ArrayList<>();
        for (Observation o : r.kb().observations()) {
            if (r.kb().model(o.model()).isEmpty() || (o.than() != null && r.kb().model(o.than()).isEmpty())) {
                continue;
            }
            out.add(check(r, o));
        }
        int agree = (int) out.stream().filter(c -> c.verdict().equals(AGREE)).count();
        int contra = (int) out.stream().filter(c -> c.verdict().equals(CONTRADICT)).count();
        return new ObservationReport(ObservationReport.SCHEMA, agree, contra, out.size() - agree - contra, out);
    }

    /**
     * The verdict for one observation. The rules' silence is a prediction (none) whenever some rule
     * can conclude the ability; only an ability no rule concludes at all is unpredicted.
     */
    public static String verdict(Reasoning r, Observation o) {
        if (r.rules().concluding(o.ability()).isEmpty()) {
            return UNPREDICTED;
        }
        Level mine = r.level(o.model(), o.ability());
        Level expected = o.than() == null ? o.level() : r.level(o.than(), o.ability());
        return Comparison.holds(mine, o.op(), expected) ? AGREE : CONTRADICT;
    }

    static ObservationReport.Check check(Reasoning r, Observation o) {
        String verdict = verdict(r, o);
        Level mine = r.level(o.model(), o.ability());
        String observed = o.than() == null ? o.op() + " " + o.level() : o.op() + " " + o.than();
        String predicted = o.than() == null ? mine.id()
                : mine.id() + " vs " + r.level(o.than(), o.ability()).id() + " for " + o.than();
        List<AbilityProof> proofs = new ArrayList<>();
        if (verdict.equals(CONTRADICT)) {
            proofs.add(WhyQuery.why(r, o.model(), o.ability(), 2));
            if (o.than() != null) {
                proofs.add(WhyQuery.why(r, o.than(), o.ability(), 2));
            }
        }
        return new ObservationReport.Check(o.id(), o.model(), o.ability(), observed, predicted, verdict, o.evidence(),
                o.provenance().citation(), o.provenance().status().id(), proofs);
    }
}
