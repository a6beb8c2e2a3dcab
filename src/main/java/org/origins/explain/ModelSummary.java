package org.origins.explain;

import java.util.List;

/** One row of {@code origins models}. */
public record ModelSummary(String id, String name, String series, String parent, String parentSource,
                           boolean parentDisputed, List<String> parentAlternatives, String base, String parameters,
                           boolean hypothetical, List<String> stages, List<String> absentStages, List<Note> doubts,
                           String file) {

    public ModelSummary {
        parentAlternatives = List.copyOf(parentAlternatives);
        stages = List.copyOf(stages);
        absentStages = List.copyOf(absentStages);
        doubts = List.copyOf(doubts);
    }

    /** The answer: every model. */
    public record Listing(String schema, List<ModelSummary> models) implements Answer {
        public static final String SCHEMA = "origins.models/1";

        @Override
        public <R> R accept(Answer.Visitor<R> visitor) {
            return visitor.models(this);
        }

        public Listing {
            models = List.copyOf(models);
        }
    }
}
