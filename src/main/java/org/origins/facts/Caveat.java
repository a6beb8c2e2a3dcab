package org.origins.facts;

/**
 * Something that weakens a contrast as a controlled comparison: {@code what} (e.g. the corpus
 * "c4") is {@code about} (e.g. "pretraining data") that only {@code model}'s lineage has.
 */
public record Caveat(Contrast contrast, String about, String model, String what) {

    public static Caveat onlyIn(Contrast contrast, String about, String what, String model) {
        return new Caveat(contrast, about, model, what);
    }
}
