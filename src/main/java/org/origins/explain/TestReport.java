package org.origins.explain;

import java.util.List;

/** The answer to {@code origins test}: every expectation's outcome, with the closing counts. */
public record TestReport(String schema, int passed, int failed, List<Outcome> outcomes) implements Answer {
    public static final String SCHEMA = "origins.test/1";

    @Override
    public <R> R accept(Answer.Visitor<R> visitor) {
        return visitor.test(this);
    }

    public TestReport {
        outcomes = List.copyOf(outcomes);
    }

    /** The result of one expectation: passed or not, what was found, and (when it failed) the proof behind it. */
    public record Outcome(String scenario, String file, int line, String expectation, boolean passed, String actual,
                          AbilityProof proof) {
    }
}
