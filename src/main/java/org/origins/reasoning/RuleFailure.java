package org.origins.reasoning;

import org.origins.kb.InputException;
import org.origins.kb.Problem;

import java.util.List;

/** A rule misbehaved while the session ran (its right-hand side threw, or rules fired without end). */
public class RuleFailure extends InputException {
    public RuleFailure(List<Problem> problems) {
        super(problems);
    }
}
