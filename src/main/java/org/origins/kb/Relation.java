package org.origins.kb;

import java.util.Set;

/** The comparisons analysts write in scenarios and observations: =, >=, <=, >, <. */
public final class Relation {
    public static final Set<String> OPS = Set.of("=", ">=", "<=", ">", "<");

    private Relation() {
    }

    public static <T extends Comparable<T>> boolean holds(T actual, String op, T expected) {
        int c = actual.compareTo(expected);
        return switch (op) {
            case "=" -> c == 0;
            case ">=" -> c >= 0;
            case "<=" -> c <= 0;
            case ">" -> c > 0;
            case "<" -> c < 0;
            default -> throw new IllegalArgumentException("unknown comparison " + op);
        };
    }
}
