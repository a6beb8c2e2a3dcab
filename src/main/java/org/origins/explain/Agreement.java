package org.origins.explain;

/**
 * How an observation compares with the prediction: {@code agree}, {@code contradict}, or
 * {@code unpredicted} (no rule concludes anything about the ability). Decided in
 * {@link ObservationsQuery#verdict}; every format shows it.
 */
public enum Agreement {
    AGREE("agree"), CONTRADICT("contradict"), UNPREDICTED("unpredicted");

    private final String id;

    Agreement(String id) {
        this.id = id;
    }

    @Override
    public String toString() {
        return id;
    }
}
