package org.origins.facts;

/**
 * What a training stage does to an ability. Within one stage, gains apply before costs, in the
 * order of the constants: gives, strengthens, restores, then weakens, trades away.
 */
public enum Change {
    /** Raises the level to at least the given level. */
    GIVES("gives"),
    /** Raises the level by one step. */
    STRENGTHENS("strengthens"),
    /** Raises the level by one step, but not above the highest level it had earlier in the lineage. */
    RESTORES("restores"),
    /** Lowers the level by one step. */
    WEAKENS("weakens"),
    /** Lowers the level to at most the given level (the ability is exchanged for another). */
    TRADES_AWAY("trades away");

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
