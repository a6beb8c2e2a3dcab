package org.origins.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.HelpCommand;

import java.io.FileOutputStream;
import java.io.FileDescriptor;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code origins}: where a language model's abilities come from. Exit codes: 0 answered, 1 a check
 * or test found problems, 2 bad input or usage, 3 an internal error (a bug in origins).
 */
@Command(name = "origins", mixinStandardHelpOptions = true, version = "origins 0.1.0",
        description = {"Where do a language model's abilities come from?",
                "Rules in rules/*.drl encode the heuristics of Fu, Peng & Khot (2022); facts in facts/ hold each model's "
                        + "training history with sources. Every conclusion comes with its proof."})
public class Main implements Runnable {
    /**
     * Every subcommand by name, in the order the help lists them. They are registered with picocli
     * here rather than in the annotation so that a run of one command inspects only that command's
     * class (picocli reads each registered class's options and annotations by reflection, which
     * loads every type they mention: for all commands, a sixth of a cold answer's time). Each name
     * is the one in the class's {@code @Command} (a test checks).
     */
    static final Map<String, Class<?>> COMMANDS = commands(
            "models", ModelsCommand.class, "abilities", AbilitiesCommand.class, "why", WhyCommand.class,
            "why-not", WhyNotCommand.class, "matrix", MatrixCommand.class, "test", TestCommand.class,
            "check", CheckCommand.class, "disputes", DisputesCommand.class, "predict", PredictCommand.class,
            "add", AddCommand.class, "what-if", WhatIfCommand.class, "recipe", RecipeCommand.class, "compare", CompareCommand.class,
            "experiments", ExperimentsCommand.class, "shell", ShellCommand.class, "lineage", LineageCommand.class,
            "report", ReportCommand.class, "model", ModelCommand.class, "rules", RulesCommand.class,
            "serve", ServeCommand.class, "help", HelpCommand.class);

    private static Map<String, Class<?>> commands(Object... nameThenClass) {
        Map<String, Class<?>> m = new LinkedHashMap<>();
        for (int i = 0; i < nameThenClass.length; i += 2) {
            m.put((String) nameThenClass[i], (Class<?>) nameThenClass[i + 1]);
        }
        return Collections.unmodifiableMap(m);
    }

    public static final int OK = 0;
    public static final int PROBLEMS = 1;
    public static final int BAD_INPUT = 2;
    public static final int INTERNAL = 3;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    /** Bare {@code origins}: the usage with every command. */
    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    public static void main(String[] args) {
        Timing.start();
        // SLF4J finds its provider by scanning every jar of the class path unless it is named (and
        // then says so, unless told to speak only of problems)
        System.setProperty("slf4j.provider", System.getProperty("slf4j.provider", "org.slf4j.simple.SimpleServiceProvider"));
        System.setProperty("slf4j.internal.verbosity", System.getProperty("slf4j.internal.verbosity", "WARN"));
        if (Arrays.asList(args).contains("--debug")) {
            System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "debug");
            System.setProperty("org.slf4j.simpleLogger.log.org.drools", "info");
            System.setProperty("org.slf4j.simpleLogger.log.org.kie", "info");
        }
        StandardOutput stdout = new StandardOutput();
        PrintStream out = new PrintStream(stdout, true, StandardCharsets.UTF_8);
        PrintStream err = new PrintStream(new FileOutputStream(FileDescriptor.err), true, StandardCharsets.UTF_8);
        PrintWriter errWriter = new PrintWriter(err, true);
        int code = run(args, new PrintWriter(out, true), errWriter, true);
        out.flush();
        if (stdout.readerClosed()) {
            code = 141;   // as a tool killed by SIGPIPE: the reader wanted no more, nothing to say
        } else if (stdout.failure() != null && code == OK) {
            errWriter.println("origins: cannot write the answer to standard output: " + stdout.failure().getMessage()
                    + " (a full disk?); the answer is lost");
            code = BAD_INPUT;
        }
        Timing.mark("answer");
        Timing.print(errWriter);
        System.exit(code);
    }

    /** Runs the command line; the exit code is returned, never thrown. */
    public static int run(String[] args, PrintWriter out, PrintWriter err, boolean useColours) {
        return run(args, out, err, new RunContext(null, useColours));
    }

    /** Runs the command line in a context (the shell's); the exit code is returned, never thrown. */
    static int run(String[] args, PrintWriter out, PrintWriter err, RunContext context) {
        boolean debug = Arrays.asList(args).contains("--debug");
        CommandLine cl = commandLine(args.length == 0 ? null : args[0], context);
        Timing.mark("command-line");
        cl.setOut(out);
        cl.setErr(err);
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        cl.setExecutionExceptionHandler((ex, line, parse) -> Failures.report(ex, err, debug));
        cl.setParameterExceptionHandler(UsageErrors::handle);
        try {
            return cl.execute(args);
        } catch (RuntimeException | Error e) {   // what picocli lets through (a stack overflow, an exhausted heap)
            return Failures.report(e, err, debug);
        }
    }

    /** The command line with every subcommand (for help, suggestions and the shell's completion). */
    static CommandLine commandLine() {
        return commandLine(null, RunContext.PLAIN);
    }

    /**
     * The command line for a run whose first word is {@code first}: when it names a command, only
     * that command is registered; otherwise (no word, an option, a misspelling, {@code help}) all are,
     * so that the usage and the suggestions list every command.
     */
    static CommandLine commandLine(String first, RunContext context) {
        CommandLine cl = new CommandLine(new Main(), context.factory());
        if (first != null && !first.equals("help") && COMMANDS.containsKey(first)) {
            cl.addSubcommand(first, COMMANDS.get(first));
        } else {
            COMMANDS.forEach(cl::addSubcommand);
        }
        return cl;
    }
}
