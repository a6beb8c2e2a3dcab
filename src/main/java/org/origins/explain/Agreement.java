package org.origins.explain;

import java.util.List;

/**
 * Predictions against one file of observations ({@code check --observations}): how many agree,
 * against the two constant guesses ("always present": every ability predicted present; "always
 * absent": every ability predicted none), overall and per ability. {@code undetermined}: the rules'
 * answer is undetermined (a missing fact would decide it) and some of its possible levels
 * contradict the observation; it does not count as agreement.
 */
public record Agreement(String split, String file, int total, int agree, int contradict, int undetermined, int unpredicted,
                        int alwaysPresent, int alwaysAbsent, List<ByAbility> abilities, ObservationReport observations) {

    public Agreement {
        abilities = List.copyOf(abilities);
    }

    /** The same counts for the observations of one ability. */
    public record ByAbility(String ability, int total, int agree, int alwaysPresent, int alwaysAbsent) {
    }
}
