package org.origins.scenario;

import org.origins.rules.View;

import java.nio.file.Path;
import java.util.List;

/**
 * A named group of expectations, checked against the knowledge base plus the scenario's own
 * hypothetical models and assumptions, in the scenario's view ({@code view: essay}; null: the
 * runner's, the default view unless {@code --view} says otherwise).
 */
public record Scenario(String name, Path file, int line, List<org.origins.kb.ModelRecord> models,
                       List<String> assumptions, List<ExpectationLine> expectations, View view) {

    public Scenario {
        models = List.copyOf(models);
        assumptions = List.copyOf(assumptions);
        expectations = List.copyOf(expectations);
    }

    /** An expectation with the line it was written on. */
    public record ExpectationLine(Expectation expectation, int line) {
    }
}
