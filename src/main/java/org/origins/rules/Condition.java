package org.origins.rules;

import java.util.List;

/**
 * One pattern of a rule's left-hand side: {@code $s : Stage( kinds contains "code-training" )}.
 * {@code scope} is empty for a plain pattern, or "not" / "exists" for one inside those.
 */
public record Condition(String type, String binding, List<Constraint> constraints, String scope, int line,
                        int column) {

    public Condition {
        constraints = List.copyOf(constraints);
    }

    /** The pattern as written (normalised spacing). */
    public String text() {
        String body = type + "( " + String.join(", ", constraints.stream().map(Constraint::text).toList()) + " )";
        String pattern = binding == null ? body : binding + " : " + body;
        return scope.isEmpty() ? pattern : scope + " " + pattern;
    }

    /** One constraint with its place in the file. */
    public record Constraint(String text, int line, int column) {
    }
}
