package org.origins.golden;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import org.origins.TestKit;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every command in every format, byte for byte, on a copy of the real rules and of a small knowledge
 * base of its own ({@link #KB}: the essay's twenty models and six later ones, with their
 * observations; a reduced copy of facts/, so that the golden files stay small and a model added to
 * facts/ changes none of them): the golden files under src/test/resources/golden/ are what origins
 * printed when they were last accepted.
 * A change of output shows as a failing test here; when it is intended, regenerate the files with
 * <pre>mvn -q test -Dtest='GoldenFilesTest,DocTest' -Dorigins.golden.update=true</pre>
 * and review them as a diff ({@code git diff src/test/resources/golden}).
 *
 * <p>{@code NAME.EXT} holds what the command wrote to standard output ({@code .txt} text,
 * {@code .json}, {@code .md} Markdown, {@code .mmd} Mermaid, {@code .dot}, {@code .html}, ...);
 * {@code NAME.EXT.err}, present only when the command exited with a code other than 0 or wrote to
 * standard error, holds the exit code and what it wrote there. The HTML report is made as on a
 * machine without Graphviz: its pictures are origins' own SVG, the same with Graphviz or without.
 */
class GoldenFilesTest {
    static final Path GOLDEN = Path.of("src/test/resources/golden");
    /** The golden files' knowledge base (its README says what it holds and how it was made). */
    static final Path KB = Path.of("src/test/resources/golden-kb/facts");

    private static final List<String> ALL = List.of("text", "json", "markdown", "mermaid", "dot");
    private static final List<String> TEXT = List.of("text");
    private static final List<String> TEXT_JSON = List.of("text", "json");
    private static final String WITH = "with/two-models.yaml";
    private static final String BATCH = "batch.jsonl";
    /** The essay's scenarios (the later papers' name models this knowledge base leaves out). */
    private static final String ESSAY_TESTS = "rules/tests/essay-expectations.yaml";

    /** One command line, run in each of {@code formats}. */
    record Case(String name, List<String> formats, List<String> args) {
        static Case of(String name, List<String> formats, String... args) {
            return new Case(name, formats, List.of(args));
        }
    }

    static final List<Case> CASES = List.of(
            Case.of("help", TEXT, "--help"),
            Case.of("error-unknown-model", TEXT, "why", "davinci-0O2", "chain-of-thought"),
            Case.of("models", ALL, "models"),
            Case.of("models-with", TEXT_JSON, "models", "--with", WITH),
            Case.of("abilities", ALL, "abilities", "code-davinci-002"),
            Case.of("abilities-hypothetical", TEXT_JSON, "abilities", "opt-code-inst", "--with", WITH),
            Case.of("abilities-undetermined", TEXT_JSON, "abilities", "tk-instruct-3b"),
            Case.of("why", ALL, "why", "code-davinci-002", "chain-of-thought"),
            Case.of("why-depth", ALL, "why", "text-davinci-002", "in-context-learning", "--depth", "1"),
            Case.of("why-disputed-parent", ALL, "why", "chatgpt", "dialogue"),
            Case.of("why-lacks", ALL, "why", "davinci", "chain-of-thought"),
            Case.of("why-assumed", ALL, "why", "palm-540b", "chain-of-thought", "--assume", "palm-540b.codeShare=8%"),
            Case.of("why-hypothetical", ALL, "why", "opt-code-inst", "chain-of-thought", "--with", WITH),
            Case.of("why-scale", ALL, "why", "llama-2-70b", "chain-of-thought"),
            Case.of("why-essay-view", TEXT_JSON, "why", "t0-11b", "zero-shot-generalization", "--view", "essay"),
            Case.of("why-not", ALL, "why-not", "davinci", "chain-of-thought"),
            Case.of("why-not-has-it", ALL, "why-not", "chatgpt", "dialogue"),
            Case.of("why-not-overridden", ALL, "why-not", "text-davinci-001", "in-context-learning"),
            Case.of("why-not-level", ALL, "why-not", "text-davinci-002", "chain-of-thought", "--level", "strong"),
            Case.of("matrix", ALL, "matrix"),
            Case.of("matrix-observed", ALL, "matrix", "--observed"),
            Case.of("matrix-with", ALL, "matrix", "--with", WITH),
            Case.of("matrix-selected", TEXT_JSON, "matrix", "--organisation", "openai", "--hypothetical", "no", "--observed"),
            Case.of("model", List.of("text", "json", "markdown"), "model", "code-davinci-002"),
            Case.of("model-hypothetical", TEXT_JSON, "model", "opt-code-inst", "--with", WITH),
            Case.of("rules", TEXT_JSON, "rules"),
            Case.of("matrix-essay-view", TEXT_JSON, "matrix", "--view", "essay"),
            Case.of("compare", ALL, "compare", "text-davinci-001", "code-davinci-002"),
            Case.of("what-if", ALL, "what-if", "text-davinci-003", "--without-stage", "rlhf-ppo-with-lm-mix"),
            Case.of("what-if-set", ALL, "what-if", "code-davinci-002", "--with-stage",
                    "supervised-instruction-tuning:tasks=1800", "--set", "parameters=12"),
            Case.of("recipe", ALL, "recipe", "davinci", "chain-of-thought"),
            Case.of("recipe-none", TEXT_JSON, "recipe", "t5-11b", "dialogue=strong", "--max-changes", "1"),
            Case.of("recipe-necessary", ALL, "recipe", "text-davinci-003", "in-context-learning", "--necessary"),
            Case.of("predict", ALL, "predict", "--name", "opt-code-flan", "--parent", "opt-175b",
                    "--stage", "code-training:tokens=100B,codeShare=0.3", "--stage", "supervised-instruction-tuning:tasks=1800",
                    "--explain", "chain-of-thought"),
            Case.of("predict-file", ALL, "predict", WITH, "--explain", "dialogue"),
            Case.of("predict-batch", ALL, "predict", "--batch", BATCH),
            Case.of("experiments", ALL, "experiments"),
            Case.of("disputes", ALL, "disputes"),
            Case.of("check", ALL, "check"),
            Case.of("check-observations", ALL, "check", "--observations"),
            Case.of("test", ALL, "test", ESSAY_TESTS),
            Case.of("lineage", ALL, "lineage"),
            Case.of("lineage-with", ALL, "lineage", "--with", WITH),
            Case.of("lineage-series", ALL, "lineage", "--series", "GPT-3.5"),
            Case.of("report", ALL, "report"));

    @TempDir
    static Path tmp;
    private static Fixture fixture;
    private static final List<String> written = new ArrayList<>();

    @BeforeAll
    static void copyTheKnowledgeBase() {
        fixture = Fixture.in(tmp.resolve("project"), KB);
        Fixture.write(fixture.root.resolve(WITH), TestKit.TWO_HYPOTHETICAL_MODELS);
        Fixture.write(fixture.root.resolve(BATCH), String.join("\n",
                "{\"id\": \"batch-code\", \"hypothetical\": true, \"parent\": \"opt-175b\", \"stages\": "
                        + "[{\"kind\": \"code-training\", \"sources\": [\"USER\"], \"tokens\": 100, \"codeShare\": 0.3}]}",
                "",
                "{\"id\": \"batch-tuned\", \"hypothetical\": true, \"parent\": \"batch-code\", \"stages\": "
                        + "[{\"kind\": \"supervised-instruction-tuning\", \"sources\": [\"USER\"], \"tasks\": 1800}]}",
                "{\"id\": \"batch-no-tasks\", \"hypothetical\": true, \"parent\": \"davinci\", \"stages\": "
                        + "[{\"kind\": \"supervised-instruction-tuning\", \"sources\": [\"USER\"]}]}",
                "{\"id\": \"batch-bad\", \"hypothetical\": true, \"parent\": \"opt-175b\", \"stages\": [{\"kind\": \"code-trainin\"}]}",
                "{\"id\": \"batch-orphan\", \"hypothetical\": true, \"parent\": \"batch-bad\", \"stages\": []}",
                "not json") + "\n");
    }

    @TestFactory
    Stream<DynamicTest> everyCommandInEveryFormat() {
        return CASES.stream().flatMap(c -> c.formats().stream().map(format -> DynamicTest.dynamicTest(
                c.name() + " --format " + format, () -> {
                    List<String> args = new ArrayList<>(c.args().stream()
                            .map(a -> a.equals(WITH) || a.equals(BATCH) || a.equals(ESSAY_TESTS) ? fixture.root.resolve(a).toString() : a).toList());
                    args.addAll(List.of("--format", format));
                    if (c.args().contains("--help")) {
                        args = c.args();
                    }
                    check(c.name() + "." + extension(format), fixture.run(args));
                })));
    }

    /** The report as one HTML page, as written with --out (the Markdown file is what --format markdown prints). */
    @TestFactory
    Stream<DynamicTest> reportFiles() {
        return Stream.of("html").map(ext -> DynamicTest.dynamicTest("report --out report." + ext, () -> {
            Path out = fixture.root.resolve("out/report." + ext);
            String before = System.getProperty("origins.dot");
            System.setProperty("origins.dot", fixture.root.resolve("no-graphviz-here").toString());
            try {
                Fixture.Output o = fixture.run(List.of("report", "--out", out.toString(), "--force"));
                check("report-file." + ext, new Fixture.Output(o.code(), fixture.local(Fixture.read(out)), o.err()));
            } finally {
                if (before == null) {
                    System.clearProperty("origins.dot");
                } else {
                    System.setProperty("origins.dot", before);
                }
            }
        }));
    }

    /** {@code add} on a copy of its own: what it prints and the file it saves. */
    @TestFactory
    Stream<DynamicTest> add() {
        return Stream.of(DynamicTest.dynamicTest("add", () -> {
            Fixture own = Fixture.in(tmp.resolve("add"), KB);
            Path models = own.root.resolve(WITH);
            Fixture.write(models, TestKit.TWO_HYPOTHETICAL_MODELS);
            check("add.txt", own.run(List.of("add", models.toString())));
            check("add-saved.json", new Fixture.Output(0, Fixture.read(own.facts.resolve("hypothetical/opt-code-inst.json")), ""));
        }));
    }

    static String extension(String format) {
        return switch (format) {
            case "text" -> "txt";
            case "markdown" -> "md";
            case "mermaid" -> "mmd";
            default -> format;
        };
    }

    /** Compares with (or, when updating, writes) NAME and NAME.err. */
    static void check(String name, Fixture.Output o) {
        written.add(name);
        Path out = GOLDEN.resolve(name);
        Path err = GOLDEN.resolve(name + ".err");
        String errText = o.code() == 0 && o.err().isEmpty() ? null : "exit " + o.code() + "\n" + o.err();
        if (Fixture.UPDATE) {
            Fixture.write(out, o.out());
            if (errText == null) {
                deleteIfExists(err);
            } else {
                Fixture.write(err, errText);
            }
            return;
        }
        assertThat(Files.exists(out)).as("golden file %s (regenerate: -Dorigins.golden.update=true)", out).isTrue();
        assertThat(o.out()).as("standard output against %s", out).isEqualTo(Fixture.read(out));
        assertThat(errText).as("exit code and standard error against %s", err)
                .isEqualTo(Files.exists(err) ? Fixture.read(err) : null);
    }

    /** When updating, golden files that no case wrote any more are removed. */
    @AfterAll
    static void removeStaleFiles() throws Exception {
        if (!Fixture.UPDATE || !Files.isDirectory(GOLDEN)) {
            return;
        }
        try (Stream<Path> files = Files.list(GOLDEN)) {
            for (Path f : files.toList()) {
                String n = f.getFileName().toString();
                if (!written.contains(n) && !written.contains(n.replaceAll("\\.err$", ""))) {
                    Files.delete(f);
                }
            }
        }
    }

    private static void deleteIfExists(Path p) {
        try {
            Files.deleteIfExists(p);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
