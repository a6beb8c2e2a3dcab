package org.origins.explain;

import org.origins.kb.Grade;

import java.util.List;

/**
 * The answer to {@code origins rules}: every rule of the rule base with its claim, grade, source and
 * place, the abilities it concludes about, and the models on whose training it fired (its conclusions
 * in this run, by model).
 */
public record RuleBook(String schema, List<Entry> rules) implements Answer {
    public static final String SCHEMA = "origins.rules/1";

    @Override
    public <R> R accept(Answer.Visitor<R> visitor) {
        return visitor.rules(this);
    }

    public RuleBook {
        rules = List.copyOf(rules);
    }

    /** One rule; {@code firedOn}: the models it concluded something about, in the knowledge base's order. */
    public record Entry(String id, String claim, Grade grade, String source, String location, List<String> abilities,
                       List<String> firedOn) {
        public Entry {
            abilities = List.copyOf(abilities);
            firedOn = List.copyOf(firedOn);
        }
    }
}
