package org.origins.facts;

/**
 * A model as rules see it: chosen values of its sourced fields. {@code parameters} (billions) is
 * the parent's when the model's own is undisclosed; {@code dataCutoff} is YYYYMM. Unknown values are
 * null, and a constraint on a null field does not match.
 */
public record Model(String id, String parent, boolean hypothetical, Double parameters, Integer contextLength,
                    String positionalEncoding, Integer dataCutoff) {
}
