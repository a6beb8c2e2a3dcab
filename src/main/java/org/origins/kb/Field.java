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

    public Optional<Statement<T>> chosen() {
        return statements.stream().min(PREFERENCE);
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
