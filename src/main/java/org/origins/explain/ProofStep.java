package org.origins.explain;

import org.origins.kb.Grade;
import org.origins.kb.Level;

import java.util.List;

/**
 * One step of a model's history that touched the ability: at {@code stage} (owned by
 * {@code model}; {@code inherited} when that is an ancestor) the change took the level from
 * {@code before} to {@code after}, because of the rules in {@code because}.
 */
public record ProofStep(String stage, String kind, String model, boolean inherited, String change, Level before,
                        Level after, boolean changed, Grade grade, List<RuleStep> because) {

    public ProofStep {
        because = List.copyOf(because);
    }
}
