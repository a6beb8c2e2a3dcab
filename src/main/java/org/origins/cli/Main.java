package org.origins.cli;

import org.origins.kb.InputException;
import org.origins.kb.Problem;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.HelpCommand;

import java.io.FileOutputStream;
import java.io.FileDescriptor;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

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
     * Every subcommand, in the order the help lists them. They are registered with picocli here
     * rather than in the annotation so that a run of one command inspects only that command's
     * class (picocli reads each registered class's options by reflection, which loads every type
     * they mention; for all commands that is a sixth of a cold answer's time).
     */
    static final List<Class<?>> COMMANDS = List.of(ModelsCommand.class, AbilitiesCommand.class, WhyCommand.class,
            WhyNotCommand.class, MatrixCommand.class, TestCommand.class, CheckCommand.class, DisputesCommand.class,
            PredictCommand.class, AddCommand.class, WhatIfCommand.class, CompareCommand.class, ExperimentsCommand.class,
            ShellCommand.class, LineageCommand.class, ReportCommand.class, HelpCommand.class);
    public static final int OK = 0;
    public static final int PROBLEMS = 1;
    public static final int BAD_INPUT = 2;
    public static final int INTERNAL = 3;

    private static boolean debug;
    private static boolean colours = true;

    @Override
    public void run() {
        CommandLine.usage(this, System.out);
    }

    static boolean colours() {
        return colours;
    }

    public static void main(String[] args) {
        Timing.start();
        debug = Arrays.asList(args).contains("--debug");
        if (debug) {
            System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "debug");
            System.setProperty("org.slf4j.simpleLogger.log.org.drools", "info");
            System.setProperty("org.slf4j.simpleLogger.log.org.kie", "info");
        }
        PrintStream out = new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);
        PrintStream err = new PrintStream(new FileOutputStream(FileDescriptor.err), true, StandardCharsets.UTF_8);
        PrintWriter errWriter = new PrintWriter(err, true);
        int code = run(args, new PrintWriter(out, true), errWriter, true);
        Timing.mark("answer");
        Timing.print(errWriter);
        System.exit(code);
    }

    /** Runs the command line; the exit code is returned, never thrown. */
    public static int run(String[] args, PrintWriter out, PrintWriter err, boolean useColours) {
        colours = useColours;
        CommandLine cl = commandLine(args.length == 0 ? null : args[0]);
        Timing.mark("command-line");
        cl.setOut(out);
        cl.setErr(err);
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        cl.setExecutionExceptionHandler((ex, line, parse) -> {
            if (ex instanceof InputException ie) {
                for (Problem p : ie.problems()) {
                    err.println(p.file() == null && p.line() == 0 ? "origins: " + p.message() : p.toString());
                }
                err.flush();
                return BAD_INPUT;
            }
            err.println("origins: internal error: " + ex + (debug ? "" : " (run with --debug for the stack trace)"));
            if (debug) {
                ex.printStackTrace(err);
            }
            err.flush();
            return INTERNAL;
        });
        return cl.execute(args);
    }

    /** The command line with every subcommand (for help, suggestions and the shell's completion). */
    static CommandLine commandLine() {
        return commandLine(null);
    }

    /**
     * The command line for a run whose first word is {@code first}: when it names a command, only
     * that command is registered; otherwise (no word, an option, a misspelling, {@code help}) all are,
     * so that the usage and the suggestions list every command.
     */
    static CommandLine commandLine(String first) {
        CommandLine cl = new CommandLine(new Main());
        boolean one = first != null && !first.equals("help") && COMMANDS.stream().anyMatch(c -> name(c).equals(first));
        for (Class<?> c : COMMANDS) {
            if (!one || name(c).equals(first)) {
                cl.addSubcommand(c);
            }
        }
        return cl;
    }

    static String name(Class<?> command) {
        return command.getAnnotation(Command.class).name();
    }
}
