package org.origins.io;

import java.util.List;
import java.util.stream.Collectors;

/** Bad input (facts, rules, arguments): every problem found, not just the first. Exit code 2. */
public class InputException extends RuntimeException {
    private final transient List<Problem> problems;

    public InputException(List<Problem> problems) {
        super(problems.stream().map(Problem::toString).collect(Collectors.joining("\n")));
        this.problems = List.copyOf(problems);
    }

    public InputException(String message) {
        this(List.of(Problem.error(null, 0, 0, null, message)));
    }

    public List<Problem> problems() {
        return problems;
    }
}
