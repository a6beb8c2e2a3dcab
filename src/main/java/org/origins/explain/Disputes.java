package org.origins.explain;

import java.util.List;

/** Every disputed fact, its alternatives, and what each alternative would change: {@code origins disputes}. */
public record Disputes(String schema, List<Dispute> disputes) implements Answer {
    public static final String SCHEMA = "origins.disputes/1";

    @Override
    public <R> R accept(Answer.Visitor<R> visitor) {
        return visitor.disputes(this);
    }

    public Disputes {
        disputes = List.copyOf(disputes);
    }

    /** One disputed field: the chosen statement and the alternatives, each with its consequences. */
    public record Dispute(String model, String field, String chosen, String chosenSource, List<Alternative> alternatives) {
        public Dispute {
            alternatives = List.copyOf(alternatives);
        }
    }

    /** Assuming {@code assume} changes these conclusions (computed by re-running the rules). */
    public record Alternative(String value, String source, String assume, List<WhatIf.LevelChange> changes,
                              List<String> otherChanges) {
        public Alternative {
            changes = List.copyOf(changes);
            otherChanges = List.copyOf(otherChanges);
        }
    }
}
