package org.origins.explain;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/** A node of a proof tree: a stated fact, a derived fact, a reference to one shown above, or a cut. */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "node")
@JsonSubTypes({
        @JsonSubTypes.Type(value = ProofNode.Stated.class, name = "stated"),
        @JsonSubTypes.Type(value = ProofNode.Derived.class, name = "derived"),
        @JsonSubTypes.Type(value = ProofNode.SeeAbove.class, name = "see-above"),
        @JsonSubTypes.Type(value = ProofNode.Elided.class, name = "elided")})
public sealed interface ProofNode {

    /** A fact from the knowledge base, with the fields the rule used and their sources. */
    record Stated(String ref, String fact, String file, String citation, org.origins.kb.Grade grade,
                  java.util.List<FieldNote> fields) implements ProofNode {
    }

    /** A fact concluded by rules, with every justification. */
    record Derived(String ref, String fact, org.origins.kb.Grade grade, java.util.List<RuleStep> justifications)
            implements ProofNode {
    }

    /**
     * A fact already shown in this proof under {@code ref}; {@code fields} are the ones this use
     * needs that were not shown there.
     */
    record SeeAbove(String ref, String fact, java.util.List<FieldNote> fields) implements ProofNode {
        public SeeAbove {
            fields = java.util.List.copyOf(fields);
        }
    }

    /** A derived fact below the depth limit. */
    record Elided(String fact, org.origins.kb.Grade grade) implements ProofNode {
    }
}
