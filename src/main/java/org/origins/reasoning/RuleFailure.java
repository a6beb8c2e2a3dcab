package org.origins.reasoning;


import java.util.List;
import org.origins.io.InputException;
import org.origins.io.Problem;

/** A rule misbehaved while the session ran (its right-hand side threw, or rules fired without end). */
public class RuleFailure extends InputException {
    public RuleFailure(List<Problem> problems) {
        super(problems);
    }
}
