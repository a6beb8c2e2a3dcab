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

    /** This stage as number {@code n} of its model's own stages. */
    public StageRecord withOrder(int n) {
        return new StageRecord(n, kind, description, sources, where, status, note, present, assumeAs, tokens, codeShare, corpus,
                objective, tasks, examples, computeShare, mixture);
    }

    /**
     * This stage with one sourced field replaced: {@code present} or an attribute ({@code tokens},
     * {@code codeShare}, {@code tasks}, {@code examples}, {@code computeShare}).
     */
    @SuppressWarnings("unchecked")
    public StageRecord withField(Field<?> f) {
        String n = f.name();
        return new StageRecord(order, kind, description, sources, where, status, note,
                n.equals("present") ? (Field<Boolean>) f : present, assumeAs,
                n.equals("tokens") ? (Field<Double>) f : tokens, n.equals("codeShare") ? (Field<Double>) f : codeShare, corpus,
                objective, n.equals("tasks") ? (Field<Integer>) f : tasks, n.equals("examples") ? (Field<Integer>) f : examples,
                n.equals("computeShare") ? (Field<Double>) f : computeShare, mixture);
    }

    /** This stage with another pretraining objective (an assumption: the objective is not a sourced field). */
    public StageRecord withObjective(String o) {
        return new StageRecord(order, kind, description, sources, where, status, note, present, assumeAs, tokens, codeShare, corpus,
                o, tasks, examples, computeShare, mixture);
    }

    /** The sourced field of this name ({@code present} or an attribute), or null. */
    public Field<?> field(String fieldName) {
        return fieldName.equals("present") ? present
                : attributes().stream().filter(f -> f.name().equals(fieldName)).findFirst().orElse(null);
    }

    public String citation() {
        return String.join(", ", sources) + (where == null ? "" : " " + where);
    }
}
