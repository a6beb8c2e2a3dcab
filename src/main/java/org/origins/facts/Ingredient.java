package org.origins.facts;

/** A training ingredient (a stage kind other than pretraining) somewhere in the model's history. */
public record Ingredient(String model, String kind) {
}
