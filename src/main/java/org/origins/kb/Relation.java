package org.origins.kb;

import java.util.Optional;

/** The comparisons analysts write in scenarios and observations: =, >=, <=, >, <. */
public enum Relation {
    EQUAL("="), AT_LEAST(">="), AT_MOST("<="), ABOVE(">"), BELOW("<");

    private final String symbol;

    Relation(String symbol) {
        this.symbol = symbol;
    }

    /** The relation written {@code symbol}, if there is one. */
    public static Optional<Relation> parse(String symbol) {
        for (Relation r : values()) {
            if (r.symbol.equals(symbol)) {
                return Optional.of(r);
            }
        }
        return Optional.empty();
    }

    /** Whether {@code actual} stands in this relation to {@code expected}. */
    public <T extends Comparable<T>> boolean holds(T actual, T expected) {
        int c = actual.compareTo(expected);
        return switch (this) {
            case EQUAL -> c == 0;
            case AT_LEAST -> c >= 0;
            case AT_MOST -> c <= 0;
            case ABOVE -> c > 0;
            case BELOW -> c < 0;
        };
    }

    @Override
    public String toString() {
        return symbol;
    }
}
