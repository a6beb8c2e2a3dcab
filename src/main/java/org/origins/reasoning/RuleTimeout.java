package org.origins.reasoning;

import org.origins.io.Problem;

import java.util.List;

/**
 * The rules did not finish within the wall-clock limit (see {@link Watchdog}). Like every
 * {@link RuleFailure} it is bad input (exit 2); unlike the others it is not retried model by model.
 */
public class RuleTimeout extends RuleFailure {
    private final boolean stopped;

    public RuleTimeout(List<Problem> problems, boolean stopped) {
        super(problems);
        this.stopped = stopped;
    }

    /** Whether the worker running the rule was stopped (false: it runs on, on Java 20 and later). */
    public boolean stopped() {
        return stopped;
    }
}
