package org.origins.explain;

import org.origins.kb.Level;
import org.origins.kb.Observation;
import org.origins.reasoning.Reasoning;

import java.util.ArrayList;
import java.util.List;

/** Compares every observation in facts/observations.json with what the rules predict. */
public final class ObservationsQuery {
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
        int agree = (int) out.stream().filter(c -> c.verdict() == Agreement.AGREE).count();
        int contra = (int) out.stream().filter(c -> c.verdict() == Agreement.CONTRADICT).count();
        return new ObservationReport(ObservationReport.SCHEMA, agree, contra, out.size() - agree - contra, out);
    }

    /**
     * The verdict for one observation. The rules' silence is a prediction (none) whenever some rule
     * can conclude the ability; only an ability no rule concludes at all is unpredicted.
     */
    public static Agreement verdict(Reasoning r, Observation o) {
        if (r.rules().concluding(o.ability()).isEmpty()) {
            return Agreement.UNPREDICTED;
        }
        Level mine = r.level(o.model(), o.ability());
        Level expected = o.than() == null ? o.level() : r.level(o.than(), o.ability());
        return o.op().holds(mine, expected) ? Agreement.AGREE : Agreement.CONTRADICT;
    }

    static ObservationReport.Check check(Reasoning r, Observation o) {
        Agreement verdict = verdict(r, o);
        Level mine = r.level(o.model(), o.ability());
        String observed = o.than() == null ? o.op() + " " + o.level() : o.op() + " " + o.than();
        String predicted = o.than() == null ? mine.id()
                : mine.id() + " vs " + r.level(o.than(), o.ability()).id() + " for " + o.than();
        List<AbilityProof> proofs = new ArrayList<>();
        if (verdict == Agreement.CONTRADICT) {
            proofs.add(WhyQuery.why(r, o.model(), o.ability(), 2));
            if (o.than() != null) {
                proofs.add(WhyQuery.why(r, o.than(), o.ability(), 2));
            }
        }
        return new ObservationReport.Check(o.id(), o.model(), o.ability(), observed, predicted, verdict, o.evidence(),
                o.provenance().citation(), o.provenance().status(), proofs);
    }
}
