package org.origins.rules;

import java.util.Locale;
import java.util.Optional;

/**
 * Which rules answer. The rule base is one: the essay's rules (sourced to the essay) and the
 * rules later papers support, marked {@code @view("later")}. The essay view answers with the
 * essay's rules alone; the default view uses all of them, except the essay rules that a later
 * rule revises ({@code @supersedes("rule.id")}).
 */
public enum View {
    /** The essay's rules alone, as the essay argued (Fu, Peng &amp; Khot, Dec 2022). */
    ESSAY("essay"),
    /** Every rule; an essay rule that a later rule supersedes is left out. */
    DEFAULT("default");

    /** The value of {@code @view} that marks a rule as supported by papers after the essay. */
    public static final String LATER = "later";

    private final String id;

    View(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    public static Optional<View> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String t = text.strip().toLowerCase(Locale.ROOT);
        for (View v : values()) {
            if (v.id.equals(t)) {
                return Optional.of(v);
            }
        }
        return Optional.empty();
    }

    @Override
    public String toString() {
        return id;
    }
}
