package org.origins.explain;

import org.origins.kb.Grade;
import org.origins.kb.Level;

import java.util.List;

/** One ability of a model: level, grade, and the rule (and stage) that decided it. */
public record AbilityRow(String ability, String name, Level level, Grade grade, String decidedBy, String atStage,
                         String claim, List<Note> mechanisms) {

    public AbilityRow {
        mechanisms = List.copyOf(mechanisms);
    }

    /** The answer to {@code origins abilities MODEL}. */
    public record Table(String schema, String model, boolean hypothetical, List<AbilityRow> abilities, List<Note> baseDoubts)
            implements Answer {
        public static final String SCHEMA = "origins.abilities/1";

        @Override
        public <R> R accept(Answer.Visitor<R> visitor) {
            return visitor.abilities(this);
        }

        public Table {
            abilities = List.copyOf(abilities);
            baseDoubts = List.copyOf(baseDoubts);
        }
    }
}
