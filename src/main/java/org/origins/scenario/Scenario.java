package org.origins.scenario;

import java.nio.file.Path;
import java.util.List;
import org.origins.rules.View;

/**
 * A named group of expectations, checked against the knowledge base plus the scenario's own
 * hypothetical models and assumptions, in the scenario's view ({@code view: essay}; null: the
 * runner's, the default view unless {@code --view} says otherwise).
 */
public record Scenario(String name, Path file, int line, List<org.origins.kb.ModelRecord> models,
                       List<String> assumptions, List<ExpectationLine> expectations, View view) {

    /** A scenario checked in the runner's view. */
    public Scenario(String name, Path file, int line, List<org.origins.kb.ModelRecord> models, List<String> assumptions,
                    List<ExpectationLine> expectations) {
        this(name, file, line, models, assumptions, expectations, null);
    }

    public Scenario {
        models = List.copyOf(models);
        assumptions = List.copyOf(assumptions);
        expectations = List.copyOf(expectations);
    }

    /** An expectation with the line it was written on. */
    public record ExpectationLine(Expectation expectation, int line) {
    }
}
