package org.origins.explain;

import java.util.List;

/** The answer to {@code origins predict}: each hypothetical model's abilities, with proofs when asked. */
public record Prediction(String schema, List<ModelPrediction> models) implements Answer {
    public static final String SCHEMA = "origins.predict/1";

    @Override
    public <R> R accept(Answer.Visitor<R> visitor) {
        return visitor.predict(this);
    }

    public Prediction {
        models = List.copyOf(models);
    }

    /** One model: its abilities, and for --explain the proof (if it has the ability) or the why-not. */
    public record ModelPrediction(String model, String parent, AbilityRow.Table abilities, AbilityProof why, WhyNot whyNot) {
    }
}
