package org.origins.golden;

import org.origins.Cli;
import org.origins.TestKit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * A copy of the project's rules/ and of a knowledge base (facts/, or the golden files' own small one;
 * without hypothetical/, which is the user's, nor the held-out observations) in a temporary folder, and commands run in-process against it with their output made independent of
 * where the copy is: the folder's path is cut from every line, so that a rule's place reads
 * {@code rules/code.drl:73} as it does for a user in the project folder.
 */
final class Fixture {
    /** Set to true to rewrite the golden files (and the outputs shown in the docs) instead of comparing. */
    static final boolean UPDATE = Boolean.getBoolean("origins.golden.update");

    final Path root;
    final Path facts;
    final Path rules;

    private Fixture(Path root) {
        this.root = root.toAbsolutePath();
        this.facts = this.root.resolve("facts");
        this.rules = this.root.resolve("rules");
    }

    /** Copies rules/ and facts/ (less facts/hypothetical/) into {@code dir}. */
    static Fixture in(Path dir) {
        return in(dir, Path.of("facts"));
    }

    /** Copies rules/ and the knowledge base {@code facts} (less its hypothetical/) into {@code dir}. */
    static Fixture in(Path dir, Path facts) {
        Fixture f = new Fixture(dir);
        copy(Path.of("rules"), f.rules);
        copy(facts, f.facts);
        return f;
    }

    private static void copy(Path from, Path to) {
        Path src = from.toAbsolutePath();
        try (Stream<Path> all = Files.walk(src)) {
            for (Path p : all.sorted(Comparator.naturalOrder()).toList()) {
                Path rel = src.relativize(p);
                if (rel.startsWith("hypothetical") || rel.getFileName().toString().startsWith(".")
                        || rel.getFileName().toString().equals(TestKit.HELD_OUT)) { // no test reads the held-out observations
                    continue;
                }
                Path target = to.resolve(rel.toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** What a command printed, with the fixture's folder cut from every path. */
    record Output(int code, String out, String err) {
    }

    /**
     * Runs {@code origins ARGS} with --facts and --rules of the copy (unless the arguments name their
     * own), from the copy's folder as a user would.
     */
    Output run(List<String> args) {
        List<String> all = new ArrayList<>(args);
        if (!args.contains("--facts") && !args.contains("--help") && !args.contains("help")) {
            all.addAll(List.of("--facts", facts.toString()));
        }
        if (!args.contains("--rules") && !args.contains("--help") && !args.contains("help")) {
            all.addAll(List.of("--rules", rules.toString()));
        }
        Cli.Result r = Cli.run(all.toArray(String[]::new));
        return new Output(r.code(), local(r.out()), local(r.err()));
    }

    /** The text with the fixture's folder cut from its paths. */
    String local(String text) {
        return text.replace(root + "/", "").replace(root.toString(), ".");
    }

    static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void write(Path file, String text) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
