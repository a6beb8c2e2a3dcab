package org.origins.kb;

import org.origins.io.InputException;

import java.util.Locale;
import java.util.Optional;

/** How much of an ability a model has: none &lt; weak &lt; present &lt; strong (the essay's −, +, ++). */
public enum Level {
    NONE("none", "·"), WEAK("weak", "−"), PRESENT("present", "+"), STRONG("strong", "++");

    private final String id;
    private final String sign;

    Level(String id, String sign) {
        this.id = id;
        this.sign = sign;
    }

    public String id() {
        return id;
    }

    /** The essay's notation: · none, − weak, + present, ++ strong. */
    public String sign() {
        return sign;
    }

    public Level up() {
        return this == STRONG ? STRONG : values()[ordinal() + 1];
    }

    public Level down() {
        return this == NONE ? NONE : values()[ordinal() - 1];
    }

    public static Level max(Level a, Level b) {
        return a.compareTo(b) >= 0 ? a : b;
    }

    public static Level min(Level a, Level b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    /**
     * A target level as a user gives it (weak, present or strong; null when none is given);
     * {@code what} names it in the message, e.g. "--level".
     */
    public static Level target(String text, String what) {
        if (text == null) {
            return null;
        }
        return parse(text).filter(l -> l != NONE)
                .orElseThrow(() -> new InputException(what + " must be weak, present or strong, found \"" + text + "\""));
    }

    public static Optional<Level> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String t = text.trim().toLowerCase(Locale.ROOT);
        for (Level l : values()) {
            if (l.id.equals(t)) {
                return Optional.of(l);
            }
        }
        return Optional.empty();
    }

    @Override
    public String toString() {
        return id;
    }
}
