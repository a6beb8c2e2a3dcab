package org.origins.explain;

/**
 * How an observation compares with the prediction: {@code agree}, {@code contradict},
 * {@code unpredicted} (no rule concludes anything about the ability), or {@code undetermined} (the
 * answer is undetermined — a missing fact decides it — and some of its possible levels contradict
 * the observation; it does not count as agreement). Decided in {@link ObservationsQuery#verdict}
 * and {@link AgreementQuery}; every format shows it.
 */
public enum Agreement {
    AGREE, CONTRADICT, UNPREDICTED, UNDETERMINED;

    /** The id in JSON and text: the name in lower case, words joined by '-'. */
    @Override
    public String toString() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
}
