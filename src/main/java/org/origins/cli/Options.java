package org.origins.cli;

import org.origins.render.Format;
import picocli.CommandLine.Option;

import java.nio.file.Path;

/** Options every query command takes. */
public class Options {
    /** The command these options belong to (for notes on its error stream). */
    @picocli.CommandLine.Spec(picocli.CommandLine.Spec.Target.MIXEE)
    picocli.CommandLine.Model.CommandSpec command;

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

    /** --facts, else the shell's folder while the shell runs, else the project's. */
    Path factsDir() {
        ShellState shell = Workspace.shared;
        return facts != null ? facts : shell != null ? shell.factsDir : home().resolve("facts");
    }

    /** --rules, else the shell's folder while the shell runs, else the project's. */
    Path rulesDir() {
        ShellState shell = Workspace.shared;
        return rules != null ? rules : shell != null ? shell.rulesDir : home().resolve("rules");
    }
}
