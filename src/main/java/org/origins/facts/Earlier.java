package org.origins.facts;

/** {@code earlier} comes before {@code stage} in the training history of the model that owns {@code stage}. */
public record Earlier(Stage stage, Stage earlier) {
}
