package org.origins.cli;

import org.origins.io.InputException;
import org.origins.io.Problem;
import org.origins.reasoning.ReasoningCrash;

import java.io.PrintWriter;

/**
 * What a failure says to the user and the exit code it gives (README, "Exit codes"): bad input 2
 * with every problem at its place; a crash of the rules, a stack overflow or an exhausted heap 3 with
 * a sentence that says what happened and what to do; anything else 3 as an internal error. Never a
 * stack trace, unless --debug.
 */
final class Failures {
    private Failures() {
    }

    static int report(Throwable ex, PrintWriter err, boolean debug) {
        int code;
        if (ex instanceof InputException ie) {
            for (Problem p : ie.problems()) {
                err.println(p.shown());
            }
            code = Main.BAD_INPUT;
        } else if (ex instanceof ReasoningCrash) {
            err.println("origins: " + ex.getMessage());
            code = Main.INTERNAL;
        } else if (ex instanceof StackOverflowError) {
            err.println("origins: the stack overflowed (a rule, or a function it calls, that recurses without end?); "
                    + "no answer is given" + (debug ? "" : " (run with --debug for where)"));
            code = Main.INTERNAL;
        } else if (ex instanceof OutOfMemoryError) {
            err.println("origins: out of memory; no answer is given. Give Java more (ORIGINS_JAVA_OPTS=-Xmx4g), "
                    + "or ask for less (a smaller --chunk for predict --batch)");
            code = Main.INTERNAL;
        } else {
            err.println("origins: internal error: " + ex + (debug ? "" : " (run with --debug for the stack trace)"));
            code = Main.INTERNAL;
        }
        if (debug && !(ex instanceof InputException)) {
            ex.printStackTrace(err);
        }
        err.flush();
        return code;
    }
}
