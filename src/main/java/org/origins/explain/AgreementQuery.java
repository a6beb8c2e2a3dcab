package org.origins.explain;

import org.origins.kb.Comparison;
import org.origins.kb.Level;
import org.origins.kb.Observation;
import org.origins.reasoning.Reasoning;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** Compares one file of observations with the predictions, and with the two constant guesses. */
public final class AgreementQuery {
    private AgreementQuery() {
    }

    /**
     * @param split        what the file is ("essay models", "development", "held out")
     * @param undetermined per model, the abilities a missing fact leaves undetermined (their possible levels)
     */
    public static Agreement of(Reasoning r, String split, String file, List<Observation> observations,
                               Map<String, MissingFacts.Result> undetermined) {
        List<ObservationReport.Check> checks = new ArrayList<>();
        Map<String, int[]> per = new LinkedHashMap<>();
        int present = 0;
        int absent = 0;
        for (Observation o : observations) {
            if (r.kb().model(o.model()).isEmpty() || (o.than() != null && r.kb().model(o.than()).isEmpty())) {
                continue;
            }
            ObservationReport.Check c = ObservationsQuery.check(r, o);
            List<Level> possible = possible(undetermined, o.model(), o.ability());
            if (possible != null) { // agrees only when it holds whichever level the missing fact gives
                c = new ObservationReport.Check(c.id(), c.model(), c.ability(), c.observed(),
                        "undetermined: " + String.join(" or ", possible.stream().map(Level::id).toList()),
                        allHold(r, o, possible) ? ObservationsQuery.AGREE : ObservationsQuery.UNDETERMINED, c.evidence(),
                        c.source(), c.status(), c.proofs());
            }
            checks.add(c);
            boolean p = constant(o, Level.PRESENT);
            boolean n = constant(o, Level.NONE);
            present += p ? 1 : 0;
            absent += n ? 1 : 0;
            int[] a = per.computeIfAbsent(o.ability(), k -> new int[4]);
            a[0]++;
            a[1] += c.verdict().equals(ObservationsQuery.AGREE) ? 1 : 0;
            a[2] += p ? 1 : 0;
            a[3] += n ? 1 : 0;
        }
        int agree = count(checks, ObservationsQuery.AGREE);
        int contra = count(checks, ObservationsQuery.CONTRADICT);
        int und = count(checks, ObservationsQuery.UNDETERMINED);
        List<Agreement.ByAbility> byAbility = new ArrayList<>();
        per.forEach((ability, a) -> byAbility.add(new Agreement.ByAbility(ability, a[0], a[1], a[2], a[3])));
        ObservationReport report = new ObservationReport(ObservationReport.SCHEMA, agree, contra,
                checks.size() - agree - contra - und, checks);
        return new Agreement(split, file, checks.size(), agree, contra, und, checks.size() - agree - contra - und, present, absent,
                byAbility, report);
    }

    private static List<Level> possible(Map<String, MissingFacts.Result> undetermined, String model, String ability) {
        MissingFacts.Result m = undetermined.get(model);
        return m == null ? null : m.undetermined().get(ability);
    }

    /** Whether the observation holds whichever of the possible levels the model has. */
    private static boolean allHold(Reasoning r, Observation o, List<Level> possible) {
        Level other = o.than() == null ? o.level() : r.level(o.than(), o.ability());
        return possible.stream().allMatch(l -> Comparison.holds(l, o.op(), other));
    }

    /** Whether predicting {@code level} for every model and ability agrees with the observation. */
    static boolean constant(Observation o, Level level) {
        return Comparison.holds(level, o.op(), o.than() == null ? o.level() : level);
    }

    private static int count(List<ObservationReport.Check> checks, String verdict) {
        return (int) checks.stream().filter(c -> c.verdict().equals(verdict)).count();
    }

    /** The models an observation file names (for probing what is undetermined about them). */
    public static Set<String> models(List<Observation> observations) {
        Set<String> out = new TreeSet<>();
        observations.forEach(o -> out.add(o.model()));
        return out;
    }
}
