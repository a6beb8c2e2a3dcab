package org.origins.reliability;

import org.origins.TestKit;
import org.origins.Cli;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.origins.io.AtomicFiles;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Field;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * Nothing is ever lost: each command that writes a file ({@code add}, {@code report --out}, and
 * the {@code --out} of the commands that draw) is run against a read-only folder, a folder path
 * that is a file, a full disk (a failure while the temporary file is written, or before it is
 * renamed) and a target that cannot be renamed into; every time it exits 2 with a message naming
 * the target, and every existing file, facts/ included, is byte-identical afterwards (the folders
 * are hashed before and after, hidden files included, so no temporary file may be left either).
 *
 * <p>The tests run as root, where a chmod does not stop writes: the read-only case then falls back
 * to the write hook of {@code AtomicFiles} failing with "permission denied", as the OS would.
 */
class NothingLostTest {
    private static final String MODEL = """
            id: saved-by-the-test
            hypothetical: true
            parent: opt-175b
            stages:
              - kind: code-training
                sources: [USER]
                tokens: 100
                codeShare: 0.3
            """;
    private static final String TWO_MODELS = """
            models:
              - id: first-of-two
                hypothetical: true
                parent: opt-175b
                stages: []
              - id: second-of-two
                hypothetical: true
                parent: first-of-two
                stages: []
            """;

    @TempDir
    Path tmp;
    Path facts;
    /** The folder --out files go to; it holds a file already. */
    Path outDir;

    private static Consumer<String> original;

    @BeforeEach
    void setUp() throws IOException {
        facts = TestKit.copyDir(Run.FACTS, tmp.resolve("facts"));
        outDir = Files.createDirectories(tmp.resolve("out"));
        Files.writeString(outDir.resolve("keep.md"), "an earlier report\n");
        Files.createDirectories(facts.resolve("hypothetical"));   // git keeps no empty folder
        Files.writeString(facts.resolve("hypothetical/kept-model.json"), savedModel("kept-model"));
        original = hook();
    }

    @AfterEach
    void restoreHook() {
        setHook(original);
        makeWritable(facts.resolve("hypothetical"));
        makeWritable(outDir);
    }

    // ---- the writing commands

    /**
     * A command that writes: into facts/hypothetical/ ({@code file} null), or the --out file
     * {@code file} of the out folder ("{out}" in {@code args}).
     */
    record Writer(String name, List<String> args, String file) {
        boolean toFacts() {
            return file == null;
        }
    }

    /** A valid saved hypothetical model (what add writes), so that facts/ still loads. */
    private static String savedModel(String id) {
        return "{ \"id\": \"" + id + "\", \"hypothetical\": true, \"parent\": \"opt-175b\", \"stages\": [] }\n";
    }

    /** The target exists already (for --force): a valid model, or an earlier output. */
    private void existing(Writer w, Path target) throws IOException {
        Files.writeString(target, w.toFacts() ? savedModel("saved-by-the-test") : "an earlier output\n");
    }

    private List<String> args(Writer w, Path target) {
        List<String> a = new ArrayList<>();
        for (String s : w.args()) {
            a.add(s.replace("{models}", write(tmp.resolve("models.yaml"), MODEL).toString())
                    .replace("{two}", write(tmp.resolve("two.yaml"), TWO_MODELS).toString())
                    .replace("{batch}", write(tmp.resolve("models.jsonl"),
                            "{\"id\": \"batch-one\", \"hypothetical\": true, \"parent\": \"opt-175b\", \"stages\": []}\n").toString())
                    .replace("{out}", target == null ? "" : target.toString()));
        }
        a.addAll(List.of("--facts", facts.toString()));
        return a;
    }

    static Stream<Named<Writer>> writers() {
        return Stream.of(
                Named.of("add", new Writer("add", List.of("add", "{models}"), null)),
                Named.of("add --force (replacing)", new Writer("add", List.of("add", "{models}", "--force"), null)),
                Named.of("report --out FILE.md", new Writer("report", List.of("report", "--out", "{out}"), "report.md")),
                Named.of("report --out FILE.json", new Writer("report", List.of("report", "--out", "{out}"), "report.json")),
                Named.of("matrix --out FILE", new Writer("matrix", List.of("matrix", "--out", "{out}"), "matrix.txt")),
                Named.of("lineage --out FILE", new Writer("lineage", List.of("lineage", "--out", "{out}"), "lineage.txt")),
                Named.of("why --out FILE", new Writer("why", List.of("why", "code-davinci-002", "chain-of-thought", "--out", "{out}"),
                        "why.txt")),
                Named.of("predict --batch --out FILE", new Writer("predict", List.of("predict", "--batch", "{batch}", "--out", "{out}"),
                        "predictions.jsonl")));
    }

    /** Where the command writes: facts/hypothetical/ID.json, or the --out file. */
    private Path target(Writer w) {
        return w.toFacts() ? facts.resolve("hypothetical/saved-by-the-test.json") : outDir.resolve(w.file());
    }

    /** What must not change: facts/ and the --out folder. */
    private Map<String, String> state() {
        return Map.of("facts", Run.hashes(facts).toString(), "out", Run.hashes(outDir).toString());
    }

    private Cli.Result run(List<String> args) {
        return assertTimeoutPreemptively(Duration.ofSeconds(120), () -> Cli.run(args.toArray(String[]::new)));
    }

    /** Runs, expecting exit 2, a message naming {@code named} and no change at all. */
    private Cli.Result runsAndChangesNothing(Writer w, Path target, String named) {
        Map<String, String> before = state();

        Cli.Result r = run(args(w, target));

        r.rejected(2);
        assertThat(r.err()).contains(named);
        assertThat(state()).as("every file is byte-identical, no temporary file is left").isEqualTo(before);
        return r;
    }

    // ---- the cases

    /** The folder the command writes into is read-only. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("writers")
    void readOnlyFolder(Writer w) throws IOException {
        Path target = target(w);
        Path folder = target.getParent();
        if (w.args().contains("--force")) {
            existing(w, target);
        }
        Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("r-xr-xr-x"));
        if (Files.isWritable(folder)) {
            // root: permissions do not stop writes, so the OS's refusal is simulated where it would come
            makeWritable(folder);
            failAt("create", new AccessDeniedException(target.toString()));
        }

        Cli.Result r = runsAndChangesNothing(w, target, target.getFileName().toString());

        assertThat(r.err()).containsAnyOf("permission denied", "not writable");
    }

    /** The folder the command writes into is a file (a full or broken file system looks alike to the writer). */
    @ParameterizedTest(name = "{0}")
    @MethodSource("writers")
    void folderIsAFile(Writer w) throws IOException {
        Path target;
        if (w.toFacts()) {
            Path hypothetical = facts.resolve("hypothetical");
            try (Stream<Path> s = Files.list(hypothetical)) {
                for (Path p : s.toList()) {
                    Files.delete(p);
                }
            }
            Files.delete(hypothetical);
            Files.writeString(hypothetical, "not a folder\n");
            target = hypothetical.resolve("saved-by-the-test.json");
        } else {
            target = outDir.resolve("keep.md").resolve(w.file());
        }

        Cli.Result r = runsAndChangesNothing(w, target, target.getParent().getFileName().toString());

        assertThat(r.err()).contains("is a file, not a folder");
    }

    /** A full disk: writing the temporary file, or flushing it, fails. */
    @ParameterizedTest(name = "{0}, failing at {1}")
    @MethodSource("writersAndSteps")
    void diskFull(Writer w, String step) throws IOException {
        Path target = target(w);
        if (w.args().contains("--force")) {
            existing(w, target);
        }
        failAt(step, new IOException("No space left on device"));

        Cli.Result r = runsAndChangesNothing(w, target, target.getFileName().toString());

        assertThat(r.err()).contains("No space left on device").contains("nothing was changed");
    }

    static Stream<Arguments> writersAndSteps() {
        return writers().flatMap(w -> Stream.of("create", "written", "flushed").map(s -> Arguments.of(w, s)));
    }

    /** The target cannot be renamed into: it is a folder that holds a file. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("writers")
    void targetCannotBeRenamedInto(Writer w) throws IOException {
        Path target = target(w);
        Files.createDirectories(target);
        Files.writeString(target.resolve("inside.txt"), "keep me\n");
        List<String> force = new ArrayList<>(w.args());
        if (!force.contains("--force")) {
            force.add("--force");
        }

        runsAndChangesNothing(new Writer(w.name(), force, w.file()), target, target.getFileName().toString());
    }

    /** Without --force an existing target is never replaced. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("writers")
    void existingTargetWithoutForce(Writer w) throws IOException {
        if (w.args().contains("--force")) {
            return;
        }
        Path target = target(w);
        existing(w, target);

        Cli.Result r = runsAndChangesNothing(w, target, target.getFileName().toString());

        assertThat(r.err()).contains("--force");
    }

    @Test
    void aSuccessfulAddWritesOnlyTheNewFile() {
        Map<String, String> before = Run.hashes(facts);

        Cli.Result r = run(args(new Writer("add", List.of("add", "{models}"), null), null));

        assertThat(r.code()).as(r.err()).isZero();
        Map<String, String> after = Run.hashes(facts);
        assertThat(after).containsAllEntriesOf(before);
        assertThat(after.keySet()).containsExactlyInAnyOrderElementsOf(
                Stream.concat(before.keySet().stream(), Stream.of("hypothetical/saved-by-the-test.json")).toList());
    }

    /**
     * add of two models where the second write fails (disk full): the first was renamed into
     * place already, so half of the batch is saved although the command failed.
     */
    @Test
    void aFailedAddOfTwoModelsSavesNeither() {
        AtomicInteger written = new AtomicInteger();
        setHook(step -> {
            if (step.equals("written") && written.incrementAndGet() == 2) {
                sneakyThrow(new IOException("No space left on device"));
            }
        });

        runsAndChangesNothing(new Writer("add", List.of("add", "{two}"), null), facts.resolve("hypothetical/second-of-two.json"),
                "second-of-two.json");
    }

    /**
     * predict --batch --out FILE writes through the same checked path as every --out: an existing
     * FILE only with --force, and never the input itself (it once truncated both, exit 0).
     */
    @Test
    void predictBatchOutDoesNotReplaceAnExistingFile() throws IOException {
        Path input = write(tmp.resolve("models.jsonl"),
                "{\"id\": \"batch-one\", \"hypothetical\": true, \"parent\": \"opt-175b\", \"stages\": []}\n");
        String inputBefore = Files.readString(input);
        String outBefore = Run.hashes(outDir).toString();

        Cli.Result existing = run(List.of("predict", "--batch", input.toString(), "--out", outDir.resolve("keep.md").toString(),
                "--facts", facts.toString()));
        Cli.Result itself = run(List.of("predict", "--batch", input.toString(), "--out", input.toString(), "--facts", facts.toString()));

        assertThat(Run.hashes(outDir).toString()).as("the existing --out file").isEqualTo(outBefore);
        assertThat(Files.readString(input)).as("the input file, given as --out too").isEqualTo(inputBefore);
        assertThat(existing.code()).as(existing.err()).isEqualTo(2);
        assertThat(itself.code()).as(itself.err()).isEqualTo(2);
    }

    // ---- the write hook of AtomicFiles (package-private, set by reflection)

    private static Field hookField() {
        try {
            Field f = Class.forName("org.origins.io.AtomicFiles").getDeclaredField("steps");
            f.setAccessible(true);
            return f;
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("the test hook AtomicFiles.steps is gone", e);
        }
    }

    @SuppressWarnings("unchecked")
    private static Consumer<String> hook() {
        try {
            return (Consumer<String>) hookField().get(null);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void setHook(Consumer<String> c) {
        try {
            hookField().set(null, c);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The write fails at {@code step} with {@code e}, as the OS would report it. */
    private static void failAt(String step, IOException e) {
        setHook(s -> {
            if (s.equals(step)) {
                sneakyThrow(e);
            }
        });
    }

    /** Throws a checked exception from a Consumer: what an I/O call at that step would throw. */
    @SuppressWarnings("unchecked")
    private static <E extends Throwable> void sneakyThrow(Throwable e) throws E {
        throw (E) e;
    }

    private static Path write(Path file, String text) {
        try {
            return Files.writeString(file, text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void makeWritable(Path dir) {
        try {
            if (Files.isDirectory(dir)) {
                Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
