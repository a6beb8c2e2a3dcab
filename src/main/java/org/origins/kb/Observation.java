package org.origins.kb;

/**
 * What a paper or the essay observed about a model's ability: either a level ({@code level} with
 * {@code op} one of =, &gt;=, &lt;=) or an ordering against another model ({@code than} with op one
 * of &lt;, &gt;, =). Never a premise of a rule.
 */
public record Observation(String id, String model, String ability, Level level, Relation op, String than,
                          String evidence, Statement<String> provenance) {
}
