package org.origins.explain;

import org.origins.kb.Grade;
import org.origins.kb.Level;
import org.origins.kb.Status;

import java.util.List;

/**
 * The answer to "why does MODEL have ABILITY (at this level)?": the model's history, the steps
 * that touched the ability with their proofs, how the gain came about (unlocked or injected), and
 * any doubt about the model's stated base.
 */
public record AbilityProof(String schema, String model, boolean hypothetical, String ability, String abilityName,
                           String abilityNameZh, Level level, Grade grade, List<String> history, List<ParentLink> lineage,
                           List<ProofStep> steps, List<Note> mechanisms, List<Note> baseDoubts, String hint) implements Answer {

    public static final String SCHEMA = "origins.why/1";

    @Override
    public <R> R accept(Answer.Visitor<R> visitor) {
        return visitor.why(this);
    }

    public AbilityProof {
        history = List.copyOf(history);
        lineage = List.copyOf(lineage);
        steps = List.copyOf(steps);
        mechanisms = List.copyOf(mechanisms);
        baseDoubts = List.copyOf(baseDoubts);
    }

    /**
     * A parent link the history rests on: who says {@code model} was trained from {@code parent}, and
     * the alternatives when that is disputed. Inherited steps are only as sure as these links.
     */
    public record ParentLink(String model, String parent, String source, Status status, boolean disputed,
                             List<String> alternatives) {
        public ParentLink {
            alternatives = List.copyOf(alternatives);
        }
    }

    public boolean lacks() {
        return level == Level.NONE;
    }
}
