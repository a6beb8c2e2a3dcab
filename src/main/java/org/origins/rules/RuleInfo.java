package org.origins.rules;

import org.origins.kb.Grade;

import java.nio.file.Path;
import java.util.List;

/**
 * What the rule base says about one rule: its metadata, where it is, the conditions of its
 * left-hand side (for why-not and for grading premises) and the abilities its right-hand side
 * concludes.
 */
public record RuleInfo(String id, String name, String claim, Grade grade, String source, String cites, Path file,
                       int line, List<Condition> conditions, List<Conclusion> conclusions, String consequence,
                       List<String> imports) {

    public RuleInfo {
        conditions = List.copyOf(conditions);
        conclusions = List.copyOf(conclusions);
        imports = List.copyOf(imports);
    }

    /**
     * What the right-hand side concludes about an ability: {@code Effect.gives($s, "ability", "level")}
     * and the like. {@code change} is the factory's name (gives, strengthens, weakens, tradesAway, restores).
     */
    public record Conclusion(String change, String ability, String level) {
        public boolean raises() {
            return change.equals("gives") || change.equals("strengthens") || change.equals("restores");
        }
    }

    /** The abilities the right-hand side concludes about. */
    public List<String> abilities() {
        return conclusions.stream().map(Conclusion::ability).distinct().toList();
    }

    /** The positive top-level patterns, in the order a match lists its objects. */
    public List<Condition> positivePatterns() {
        return conditions.stream().filter(c -> c.scope().isEmpty()).toList();
    }
}
