package org.origins.cli;

import org.origins.io.Suggest;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.UnmatchedArgumentException;

import java.io.PrintWriter;
import java.util.Arrays;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A command line picocli cannot read: one short message (what was wrong, what is accepted, a close
 * match), and where the full help is; exit 2. The whole help page is printed only when asked for.
 */
final class UsageErrors {
    private static final Pattern CHOICE = Pattern.compile(
            "Invalid value for option '([^']+)': expected one of \\[([^]]*)\\] \\(case-insensitive\\) but was '(.*)'",
            Pattern.DOTALL);

    private UsageErrors() {
    }

    static int handle(ParameterException ex, String[] args) {
        CommandLine cl = ex.getCommandLine();
        PrintWriter err = cl.getErr();
        err.println("origins: " + message(ex));
        if (ex instanceof CommandLine.MissingParameterException) {
            err.print(cl.getHelp().synopsisHeading() + cl.getHelp().synopsis(0));   // what it takes, not the whole help
        }
        if (ex instanceof UnmatchedArgumentException u && !u.getSuggestions().isEmpty() && cl.getCommandSpec().parent() != null) {
            err.println("did you mean " + String.join(" or ", u.getSuggestions()) + "?");
        }
        err.println("(`" + cl.getCommandSpec().qualifiedName() + " --help` shows "
                + (cl.getCommandSpec().parent() == null ? "every command" : "its options") + ")");
        err.flush();
        return Main.BAD_INPUT;
    }

    private static String message(ParameterException ex) {
        String m = ex.getMessage() == null ? "bad command line" : ex.getMessage();
        CommandLine cl = ex.getCommandLine();
        if (ex instanceof UnmatchedArgumentException u && cl.getCommandSpec().parent() == null && !u.getUnmatched().isEmpty()
                && !u.getUnmatched().get(0).startsWith("-")) {
            String word = u.getUnmatched().get(0);
            return "unknown command \"" + word + "\"" + Suggest.hint(word, cl.getSubcommands().keySet());
        }
        Matcher c = CHOICE.matcher(m);
        if (c.matches()) {
            var choices = Arrays.stream(c.group(2).split(",\\s*")).map(s -> s.toLowerCase(Locale.ROOT)).toList();
            return c.group(1) + " " + c.group(3) + ": expected one of " + String.join(", ", choices)
                    + Suggest.hint(c.group(3), choices);
        }
        return m;
    }
}
