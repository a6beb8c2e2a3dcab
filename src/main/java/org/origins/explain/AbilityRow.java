package org.origins.explain;

import org.origins.kb.Grade;
import org.origins.kb.Level;

import java.util.List;

/**
 * One ability of a model: level, grade, and the rule (and stage) that decided it. {@code undetermined}
 * lists the levels it could have when a value that nobody states (and no default fills) decides it;
 * null when the answer is determined, {@code level} then being the answer.
 */
public record AbilityRow(String ability, String name, Level level, Grade grade, String decidedBy, String atStage,
                         String claim, List<Note> mechanisms, List<Level> undetermined) {

    public AbilityRow {
        mechanisms = List.copyOf(mechanisms);
        undetermined = undetermined == null ? null : List.copyOf(undetermined);
    }

    /** This row with the levels a missing fact leaves open. */
    AbilityRow undetermined(List<Level> possible) {
        return new AbilityRow(ability, name, level, grade, decidedBy, atStage, claim, mechanisms, possible);
    }

    /**
     * The answer to {@code origins abilities MODEL}. {@code missing}: the values of the model's lineage that
     * nobody states — assumed by a default, or undisclosed — and which conclusions other values would change
     * (null when not asked for).
     */
    public record Table(String schema, String model, boolean hypothetical, List<AbilityRow> abilities, List<Note> baseDoubts,
                        List<MissingFacts.Missing> missing) implements Answer {
        public static final String SCHEMA = "origins.abilities/1";

        @Override
        public <R> R accept(Answer.Visitor<R> visitor) {
            return visitor.abilities(this);
        }

        public Table {
            abilities = List.copyOf(abilities);
            baseDoubts = List.copyOf(baseDoubts);
            missing = missing == null ? null : List.copyOf(missing);
        }
    }
}
