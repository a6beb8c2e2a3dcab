package org.origins.cli;

/** For tests outside this package: whether a command line parses, without running it. */
public final class Commands {
    private Commands() {
    }

    /** Parses {@code origins ARGS} as a user's shell would hand them over; a ParameterException says what is wrong. */
    public static void parse(String... args) {
        Main.commandLine(args.length == 0 ? null : args[0], RunContext.PLAIN).parseArgs(args);
    }
}
