package org.origins.render;

/** Output formats; {@code --format}. */
public enum Format {
    TEXT, JSON;

    @Override
    public String toString() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
