package org.origins.kb;

/**
 * Where a stated value comes from: the source's own statement, an inference (usually the essay's),
 * or a default origins assumed because the model's file leaves the value out ({@code facts/defaults.json};
 * never written in a file).
 */
public enum Status {
    PUBLISHED("published", Grade.CONCLUSION),
    INFERRED("inferred", Grade.HYPOTHESIS),
    DEFAULT("default", Grade.EDUCATED_GUESS);

    private final String id;
    private final Grade grade;

    Status(String id, Grade grade) {
        this.id = id;
        this.grade = grade;
    }

    public String id() {
        return id;
    }

    /** The strength a premise of this status lends a derivation: an inference is at most a hypothesis. */
    public Grade grade() {
        return grade;
    }

    @Override
    public String toString() {
        return id;
    }
}
