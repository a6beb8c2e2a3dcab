package org.origins.explain;

import org.origins.kb.Grade;

import java.util.List;

/** A rule applied: its id, claim, grade, source and place, and the premises it matched. */
public record RuleStep(String rule, String claim, Grade grade, String source, String location,
                       List<ProofNode> premises) {

    public RuleStep {
        premises = List.copyOf(premises);
    }
}
