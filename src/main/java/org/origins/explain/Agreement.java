package org.origins.explain;

/**
 * How an observation compares with the prediction: {@code agree}, {@code contradict}, or
 * {@code unpredicted} (no rule concludes anything about the ability). Decided in
 * {@link ObservationsQuery#verdict}; every format shows it.
 */
public enum Agreement {
    AGREE, CONTRADICT, UNPREDICTED;

    /** The id in JSON and text: the name in lower case, words joined by '-'. */
    @Override
    public String toString() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
}
