package org.origins.recipe;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One change to a model's training that a recipe makes: a stage added after its own, an attribute
 * of one of its own stages set, or one of its own stages removed. {@code rule} is the rule whose
 * conditions suggested it.
 */
sealed interface Change permits Change.Add, Change.Set, Change.Remove {

    /** "add", "set" or "remove". */
    String verb();

    /** The change in words, for {@code model}'s stages: {@code add stage code-training:codeShare=5%}. */
    String describe(String model);

    String rule();

    /** A stage of {@code kind} added after the model's own stages (and the stages added before it). */
    record Add(String kind, Map<String, Object> attributes, String rule) implements Change {
        public Add {
            attributes = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(attributes));
        }

        @Override
        public String verb() {
            return "add";
        }

        @Override
        public String describe(String model) {
            return "add stage " + spec();
        }

        /** As {@code --stage} takes it: {@code code-training:codeShare=5%,corpus=web-text}. */
        String spec() {
            List<String> parts = attributes.entrySet().stream().map(e -> e.getKey() + "=" + Values.spec(e.getKey(), e.getValue())).toList();
            return kind + (parts.isEmpty() ? "" : ":" + String.join(",", parts));
        }

        /** This stage with one attribute more (or changed). */
        Add with(String field, Object value) {
            Map<String, Object> a = new LinkedHashMap<>(attributes);
            a.put(field, value);
            return new Add(kind, a, rule);
        }
    }

    /** Attribute {@code field} of the model's own stage number {@code order} set to {@code value} (it was {@code was}). */
    record Set(int order, String kind, String field, Object value, Object was, String rule) implements Change {
        @Override
        public String verb() {
            return "set";
        }

        @Override
        public String describe(String model) {
            return "set " + model + "#" + order + " " + kind + " " + field + "=" + Values.spec(field, value)
                    + " (was " + (was == null ? "not stated" : was instanceof java.util.Collection<?> c && c.isEmpty() ? "none" : Values.spec(field, was)) + ")";
        }
    }

    /** The model's own stage number {@code order} removed. */
    record Remove(int order, String kind, String rule) implements Change {
        @Override
        public String verb() {
            return "remove";
        }

        @Override
        public String describe(String model) {
            return "remove " + model + "#" + order + " " + kind;
        }
    }
}
