package org.origins.scenario;

import java.util.List;

/** The result of one expectation: passed or not, what was found, and (when it failed) the proof behind it. */
public record Outcome(String scenario, String file, int line, String expectation, boolean passed, String actual,
                      org.origins.explain.AbilityProof proof) {

    /** All outcomes of a run, with the closing counts. */
    public record Report(String schema, int passed, int failed, List<Outcome> outcomes) {
        public static final String SCHEMA = "origins.test/1";

        public Report {
            outcomes = List.copyOf(outcomes);
        }
    }
}
