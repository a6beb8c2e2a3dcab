package org.origins.kb;

import java.util.List;

/**
 * One training stage of a model as stated in its file. {@code order} is its 1-based position in
 * the model's own stages. {@code present} is non-empty only when the stage's very existence is
 * disputed; {@code assumeAs} then names it for {@code --assume}.
 */
public record StageRecord(int order, String kind, String description, List<String> sources, String where,
                          Status status, String note, Field<Boolean> present, String assumeAs,
                          Field<Double> tokens, Field<Double> codeShare, List<String> corpus, String objective,
                          Field<Integer> tasks, Field<Integer> examples, Field<Double> computeShare,
                          List<String> mixture) {

    public StageRecord {
        sources = List.copyOf(sources);
        corpus = List.copyOf(corpus);
        mixture = List.copyOf(mixture);
    }

    /** Whether the stage took place, by the knowledge base's preference. */
    public boolean isPresent() {
        return present.statements().isEmpty() || Boolean.TRUE.equals(present.value());
    }

    /** The sourced numeric attributes, by name. */
    public List<Field<?>> attributes() {
        return List.of(tokens, codeShare, tasks, examples, computeShare);
    }

    public String citation() {
        return String.join(", ", sources) + (where == null ? "" : " " + where);
    }
}
