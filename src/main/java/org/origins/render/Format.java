package org.origins.render;

/**
 * Output formats; {@code --format}. MERMAID and DOT draw graphs (proofs, the evolution tree, the
 * matrix) and only exist for answers that have a graph form; MARKDOWN embeds Mermaid blocks and
 * tables.
 */
public enum Format {
    TEXT, JSON, MERMAID, DOT, MARKDOWN;

    /** Whether the format is a graph language. */
    public boolean graph() {
        return this == MERMAID || this == DOT;
    }

    @Override
    public String toString() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
