package org.origins.explain;

import java.util.List;

/** The answer to {@code origins experiments}: the controlled comparisons the knowledge base allows. */
public record Experiments(String schema, List<Proposal> experiments) implements Answer {
    public static final String SCHEMA = "origins.experiments/1";

    @Override
    public <R> R accept(Answer.Visitor<R> visitor) {
        return visitor.experiments(this);
    }

    public Experiments {
        experiments = List.copyOf(experiments);
    }

    /**
     * One proposed comparison: the models, the ingredient isolated, the claim tested, the rule that
     * proposed it, the caveats, which models are hypothetical, and what the rules predict today for
     * the abilities in question.
     */
    public record Proposal(List<String> models, String ingredient, String claim, String question, String rule,
                           List<String> caveats, List<String> hypothetical, List<String> predictions) {
        public Proposal {
            models = List.copyOf(models);
            caveats = List.copyOf(caveats);
            hypothetical = List.copyOf(hypothetical);
            predictions = List.copyOf(predictions);
        }
    }
}
