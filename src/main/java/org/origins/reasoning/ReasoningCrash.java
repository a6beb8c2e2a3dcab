package org.origins.reasoning;

/**
 * The rules exhausted the stack or the heap ({@link StackOverflowError}, {@link OutOfMemoryError});
 * the message says which rule and what to do. Exit 3, without a stack trace (see {@link Watchdog}).
 */
public class ReasoningCrash extends RuntimeException {
    public ReasoningCrash(String message, Throwable cause) {
        super(message, cause, false, false);
    }
}
