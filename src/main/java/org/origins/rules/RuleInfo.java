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
                       int line, List<Condition> conditions, List<String> abilities, String consequence) {

    public RuleInfo {
        conditions = List.copyOf(conditions);
        abilities = List.copyOf(abilities);
    }

    /** The positive top-level patterns, in the order a match lists its objects. */
    public List<Condition> positivePatterns() {
        return conditions.stream().filter(c -> c.scope().isEmpty()).toList();
    }
}
