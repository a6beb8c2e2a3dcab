package org.origins.kb;

import java.util.Locale;
import java.util.Optional;

/**
 * The essay's own grading of its claims (its FAQ), weakest first:
 * educated guess &lt; hypothesis &lt; strong hypothesis &lt; conclusion.
 */
public enum Grade {
    EDUCATED_GUESS("educated-guess"),
    HYPOTHESIS("hypothesis"),
    STRONG_HYPOTHESIS("strong-hypothesis"),
    CONCLUSION("conclusion");

    private final String id;

    Grade(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    /** Human label: "strong hypothesis". */
    public String label() {
        return id.replace('-', ' ');
    }

    public static Grade weakest(Grade a, Grade b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    public static Grade strongest(Grade a, Grade b) {
        return a.compareTo(b) >= 0 ? a : b;
    }

    public static Optional<Grade> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String t = text.trim().toLowerCase(Locale.ROOT).replace(' ', '-').replace('_', '-');
        for (Grade g : values()) {
            if (g.id.equals(t)) {
                return Optional.of(g);
            }
        }
        return Optional.empty();
    }

    @Override
    public String toString() {
        return id;
    }
}
