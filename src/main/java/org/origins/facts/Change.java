package org.origins.facts;

/**
 * What a training stage does to an ability. Within one stage, costs apply before gains:
 * weakens, trades away, then gives, strengthens, restores.
 */
public enum Change {
    /** Lowers the level by one step. */
    WEAKENS("weakens"),
    /** Lowers the level to at most the given level (the ability is exchanged for another). */
    TRADES_AWAY("trades away"),
    /** Raises the level to at least the given level. */
    GIVES("gives"),
    /** Raises the level by one step. */
    STRENGTHENS("strengthens"),
    /** Raises the level by one step, but not above the highest level it had earlier in the lineage. */
    RESTORES("restores");

    private final String label;

    Change(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public boolean raises() {
        return this == GIVES || this == STRENGTHENS || this == RESTORES;
    }

    @Override
    public String toString() {
        return label;
    }
}
