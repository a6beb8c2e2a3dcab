package org.origins.facts;

/**
 * {@code variant}'s training is {@code base}'s plus exactly one ingredient, at a similar size: a
 * controlled comparison for that ingredient.
 */
public record Contrast(String base, String variant, String ingredient) {
}
