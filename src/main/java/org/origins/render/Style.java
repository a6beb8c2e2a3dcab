package org.origins.render;

import org.origins.kb.Level;

/** Terminal colours, on only when writing to a terminal and NO_COLOR is unset. */
public final class Style {
    private final boolean on;

    public Style(boolean on) {
        this.on = on;
    }

    public static Style plain() {
        return new Style(false);
    }

    public static Style auto() {
        return new Style(System.console() != null && System.getenv("NO_COLOR") == null);
    }

    private String wrap(String code, String s) {
        return on ? "\u001b[" + code + "m" + s + "\u001b[0m" : s;
    }

    public String bold(String s) {
        return wrap("1", s);
    }

    public String dim(String s) {
        return wrap("2", s);
    }

    public String warn(String s) {
        return wrap("33", s);
    }

    public String level(Level l, String text) {
        return switch (l) {
            case NONE -> dim(text);
            case WEAK -> wrap("33", text);
            case PRESENT -> wrap("32", text);
            case STRONG -> wrap("1;32", text);
        };
    }
}
