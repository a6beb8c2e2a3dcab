package org.origins.explain;

import org.origins.kb.Level;

import java.util.List;

/** The answer to {@code origins what-if}: the training changes made, and only the conclusions that changed. */
public record WhatIf(String schema, String model, List<String> trainingChanges, List<LevelChange> changes,
                     List<String> otherChanges) implements Answer {
    public static final String SCHEMA = "origins.what-if/1";

    @Override
    public <R> R accept(Answer.Visitor<R> visitor) {
        return visitor.whatIf(this);
    }

    public WhatIf {
        trainingChanges = List.copyOf(trainingChanges);
        changes = List.copyOf(changes);
        otherChanges = List.copyOf(otherChanges);
    }

    /**
     * One ability whose level changed, for the model or a descendant: the rules that decided it
     * before and no longer do ({@code lost}), and those that decide it now ({@code gained}).
     */
    public record LevelChange(String model, String ability, Level before, Level after, List<String> lost,
                              List<String> gained) {
        public LevelChange {
            lost = List.copyOf(lost);
            gained = List.copyOf(gained);
        }
    }
}
