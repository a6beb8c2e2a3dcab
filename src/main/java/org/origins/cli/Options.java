package org.origins.cli;

import org.origins.render.Format;
import picocli.CommandLine.Option;

import java.nio.file.Path;

/** Options every query command takes, and the context of the run they are part of. */
public class Options {
    private final RunContext context;
    /** The command these options belong to (for notes on its error stream). */
    @picocli.CommandLine.Spec(picocli.CommandLine.Spec.Target.MIXEE)
    picocli.CommandLine.Model.CommandSpec command;

    Options(RunContext context) {
        this.context = context;
    }

    @Option(names = "--facts", paramLabel = "DIR", description = "Knowledge base folder (default: facts/ of the project).")
    Path facts;

    @Option(names = "--rules", paramLabel = "DIR", description = "Rule folder: every .drl file in it is loaded (default: rules/ of the project).")
    Path rules;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
            description = "Output: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    Format format;

    @Option(names = "--max-firings", paramLabel = "N", defaultValue = "100000",
            description = "Stop when rules have fired this many times in one run (default: ${DEFAULT-VALUE}).")
    long maxFirings;

    /** Sets the limit for every reasoning run of this command (the {@link org.origins.reasoning.Watchdog}'s). */
    @Option(names = "--timeout", paramLabel = "DURATION", defaultValue = "" + org.origins.reasoning.Watchdog.DEFAULT_SECONDS + "s",
            converter = TimeoutConverter.class,
            description = "Stop rules that run longer than this (one reasoning run), naming the rule that was running: "
                    + "30s, 2m, 500ms (default: ${DEFAULT-VALUE}).")
    void timeout(java.time.Duration limit) {
        org.origins.reasoning.Watchdog.limit(limit);
    }

    /** --timeout's value, or a clear "expected a duration" (picocli then names the option). */
    static final class TimeoutConverter implements picocli.CommandLine.ITypeConverter<java.time.Duration> {
        @Override
        public java.time.Duration convert(String value) {
            try {
                return org.origins.reasoning.Watchdog.parse(value);
            } catch (IllegalArgumentException e) {
                throw new picocli.CommandLine.TypeConversionException(e.getMessage());
            }
        }
    }

    @Option(names = "--debug", description = "Show stack traces and engine logs.")
    boolean debug;

    @Option(names = "--assume", paramLabel = "MODEL.FIELD=VALUE",
            description = "Assume a value for this run, e.g. a disputed one: palm-540b.codeShare=8%%, "
                    + "code-davinci-002.instructionTuned=true, text-davinci-003.parent=code-davinci-002. Repeatable; "
                    + "`origins disputes` lists the disputed fields.")
    java.util.List<String> assume = new java.util.ArrayList<>();

    @Option(names = "--view", paramLabel = "VIEW", defaultValue = "default",
            description = "Which rules answer: default (every rule, later papers revising the essay where they supersede it) "
                    + "or essay (the essay's rules alone). Default: ${DEFAULT-VALUE}.")
    org.origins.rules.View view = org.origins.rules.View.DEFAULT;

    @Option(names = "--with", paramLabel = "FILE",
            description = "Add the hypothetical models of FILE (YAML or JSON, same schema as facts/models) for this run. Repeatable.")
    java.util.List<Path> with = new java.util.ArrayList<>();

    /** Where a command writes notes that are not its answer (stderr). */
    java.io.PrintWriter err() {
        return command == null ? new java.io.PrintWriter(System.err, true) : command.commandLine().getErr();
    }

    /** The project folder: ORIGINS_HOME (set by the launcher), else the working directory. */
    static Path home() {
        String h = System.getenv("ORIGINS_HOME");
        return h == null || h.isBlank() ? Path.of("") : Path.of(h);
    }

    /** The shell's loaded state while the shell runs, else null. */
    ShellState shell() {
        return context.shell();
    }

    /** Whether the answer may be coloured (a terminal that takes colours). */
    boolean colours() {
        return context.colours();
    }

    /** --facts, else the shell's folder while the shell runs, else the project's. */
    Path factsDir() {
        ShellState shell = shell();
        return facts != null ? facts : shell != null ? shell.factsDir : home().resolve("facts");
    }

    /** --rules, else the shell's folder while the shell runs, else the project's. */
    Path rulesDir() {
        ShellState shell = shell();
        return rules != null ? rules : shell != null ? shell.rulesDir : home().resolve("rules");
    }
}
