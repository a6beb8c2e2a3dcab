package org.origins.web;

import org.origins.io.InputException;

import java.util.List;
import java.util.Map;

/**
 * A request's query parameters, read as the command line reads its arguments: a missing one is an
 * input error naming it (a 400), as picocli names a missing argument.
 */
record Params(Map<String, List<String>> values) {
    Params {
        values = Map.copyOf(values);
    }

    /** The value of a parameter that must be there, non-blank. */
    String required(String name, String what) {
        String v = optional(name);
        if (v == null) {
            throw new InputException("missing parameter " + name + " (" + what + ")");
        }
        return v;
    }

    /** The first value of a parameter, or null when it is absent or blank. */
    String optional(String name) {
        List<String> v = values.getOrDefault(name, List.of());
        return v.isEmpty() || v.get(0).isBlank() ? null : v.get(0).strip();
    }

    /** Every non-blank value of a repeatable parameter, in order. */
    List<String> all(String name) {
        return values.getOrDefault(name, List.of()).stream().filter(s -> !s.isBlank()).map(String::strip).toList();
    }

    /** A yes/no parameter: absent, "", "0", "no", "false" and "off" are no. */
    boolean flag(String name) {
        String v = optional(name);
        return v != null && !List.of("0", "no", "false", "off").contains(v.toLowerCase(java.util.Locale.ROOT));
    }

    /** A whole number, or {@code otherwise} when absent. */
    int number(String name, int otherwise) {
        String v = optional(name);
        if (v == null) {
            return otherwise;
        }
        try {
            return Integer.parseInt(v);
        } catch (NumberFormatException e) {
            throw new InputException(name + " must be a whole number, found \"" + v + "\"");
        }
    }
}
