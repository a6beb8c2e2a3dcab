package org.origins.explain;

import org.origins.kb.Level;

import java.util.List;

/**
 * The answer to {@code origins compare A B}: how their training differs, how their abilities
 * differ, and for each ability difference the training difference that explains it via the rules.
 */
public record Comparison(String schema, String a, String b, String commonAncestor, List<FieldDiff> fields,
                         List<String> onlyA, List<String> onlyB, List<AbilityDiff> abilities) implements Answer {
    public static final String SCHEMA = "origins.compare/1";

    @Override
    public <R> R accept(Answer.Visitor<R> visitor) {
        return visitor.compare(this);
    }

    public Comparison {
        fields = List.copyOf(fields);
        onlyA = List.copyOf(onlyA);
        onlyB = List.copyOf(onlyB);
        abilities = List.copyOf(abilities);
    }

    public record FieldDiff(String field, String a, String b) {
    }

    /**
     * {@code explainedBy}: the training stages, present in one history only, whose effects decided
     * the difference (e.g. "code-training in code-davinci-002"); {@code steps} the deciding steps
     * with their rules.
     */
    public record AbilityDiff(String ability, Level a, Level b, List<String> explainedBy, List<String> steps) {
        public AbilityDiff {
            explainedBy = List.copyOf(explainedBy);
            steps = List.copyOf(steps);
        }
    }
}
