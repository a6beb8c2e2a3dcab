package org.origins.explain;

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
     * @param split        what the file is
     * @param file         the file as the user reads its name
     * @param undetermined per model, the abilities a missing fact leaves undetermined (their possible levels)
     */
    public static FileAgreement of(Reasoning r, FileAgreement.Split split, String file, List<Observation> observations,
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
                        allHold(r, o, possible) ? Agreement.AGREE : Agreement.UNDETERMINED, c.evidence(),
                        c.source(), c.status(), c.proofs());
            }
            checks.add(c);
            boolean p = constant(o, Level.PRESENT);
            boolean n = constant(o, Level.NONE);
            present += p ? 1 : 0;
            absent += n ? 1 : 0;
            int[] a = per.computeIfAbsent(o.ability(), k -> new int[4]);
            a[0]++;
            a[1] += c.verdict() == Agreement.AGREE ? 1 : 0;
            a[2] += p ? 1 : 0;
            a[3] += n ? 1 : 0;
        }
        int agree = count(checks, Agreement.AGREE);
        int contra = count(checks, Agreement.CONTRADICT);
        int und = count(checks, Agreement.UNDETERMINED);
        int unpredicted = checks.size() - agree - contra - und;
        List<FileAgreement.ByAbility> byAbility = new ArrayList<>();
        per.forEach((ability, a) -> byAbility.add(new FileAgreement.ByAbility(ability, a[0], a[1], a[2], a[3])));
        ObservationReport report = new ObservationReport(ObservationReport.SCHEMA, agree, contra, unpredicted, checks);
        return new FileAgreement(split, file, checks.size(), agree, contra, und, unpredicted, present, absent, byAbility, report);
    }

    private static List<Level> possible(Map<String, MissingFacts.Result> undetermined, String model, String ability) {
        MissingFacts.Result m = undetermined.get(model);
        return m == null ? null : m.undetermined().get(ability);
    }

    /** Whether the observation holds whichever of the possible levels the model has. */
    private static boolean allHold(Reasoning r, Observation o, List<Level> possible) {
        Level other = o.than() == null ? o.level() : r.level(o.than(), o.ability());
        return possible.stream().allMatch(l -> o.op().holds(l, other));
    }

    /** Whether predicting {@code level} for every model and ability agrees with the observation. */
    static boolean constant(Observation o, Level level) {
        return o.op().holds(level, o.than() == null ? o.level() : level);
    }

    private static int count(List<ObservationReport.Check> checks, Agreement verdict) {
        return (int) checks.stream().filter(c -> c.verdict() == verdict).count();
    }

    /** The models an observation file names (for probing what is undetermined about them). */
    public static Set<String> models(List<Observation> observations) {
        Set<String> out = new TreeSet<>();
        observations.forEach(o -> out.add(o.model()));
        return out;
    }
}
