package org.origins.kb;

import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A sourced field: the statements made about it, possibly disagreeing. The chosen statement
 * follows a stated preference: a value beats "undisclosed", published beats inferred, and among
 * equals the first listed wins.
 */
public record Field<T>(String name, List<Statement<T>> statements) {

    public Field {
        statements = List.copyOf(statements);
    }

    public static <T> Field<T> absent(String name) {
        return new Field<>(name, List.of());
    }

    public static <T> Field<T> single(String name, Statement<T> statement) {
        return new Field<>(name, List.of(statement));
    }

    private static final Comparator<Statement<?>> PREFERENCE = Comparator
            .<Statement<?>, Boolean>comparing(s -> s.value() == null)
            .thenComparing(s -> s.status() == Status.INFERRED);

    /** Source id of a value the user assumed; such a statement, listed first, is always chosen. */
    public static final String ASSUMED = "ASSUMED";

    public Optional<Statement<T>> chosen() {
        if (statements.isEmpty()) {
            return Optional.empty();
        }
        if (statements.size() == 1 || !statements.isEmpty() && ASSUMED.equals(statements.get(0).source())) {
            return Optional.of(statements.get(0));
        }
        return statements.stream().min(PREFERENCE);
    }

    /** This field with {@code assumed} put before every stated value, and so chosen. */
    public Field<T> assuming(Statement<T> assumed) {
        var all = new java.util.ArrayList<Statement<T>>();
        all.add(assumed);
        statements.stream().filter(s -> !ASSUMED.equals(s.source())).forEach(all::add);
        return new Field<>(name, all);
    }

    public T value() {
        return chosen().map(Statement::value).orElse(null);
    }

    public boolean isPresent() {
        return value() != null;
    }

    /** Two or more statements give different (non-null) values. */
    public boolean isDisputed() {
        return statements.stream().map(Statement::value).filter(Objects::nonNull).distinct().count() > 1;
    }

    /** Statements whose value differs from the chosen one. */
    public List<Statement<T>> alternatives() {
        if (statements.size() <= 1) { // a single statement is the chosen one
            return List.of();
        }
        T chosen = value();
        return statements.stream()
                .filter(s -> s.value() != null && !Objects.equals(s.value(), chosen))
                .toList();
    }

    /** The distinct values stated, chosen first. */
    public List<T> values() {
        T chosen = value();
        return statements.stream().map(Statement::value).filter(Objects::nonNull).distinct()
                .sorted(Comparator.comparing(v -> !Objects.equals(v, chosen)))
                .toList();
    }
}
