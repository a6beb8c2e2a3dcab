package org.origins.facts;

/**
 * A model as rules see it: chosen values of its sourced fields. {@code parameters} (billions) is
 * the parent's when the model's own is undisclosed; {@code dataCutoff} is YYYYMM. Unknown values are
 * null, and a constraint on a null field does not match. {@code trainedTokens} is what its weights
 * have been trained on by the end of its history: the tokens of every stage of its lineage that
 * states them, ancestors' included (billions; null when the first pretraining's are unknown and no
 * default fills them); {@code trainedCodeTokens} the code among them (each stage's tokens times its
 * code share, where both are known).
 */
public record Model(String id, String parent, boolean hypothetical, Double parameters, Integer contextLength,
                    String positionalEncoding, Integer dataCutoff, Double trainedTokens, Double trainedCodeTokens) {
}
