package org.origins.reliability;

import org.origins.TestKit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.origins.io.AtomicFiles;
import org.origins.io.InputException;
import org.origins.io.Problem;
import org.origins.kb.JsonDoc;
import org.origins.kb.KbLoader;
import org.origins.rules.RuleCompiler;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Regression tests of the bugs the reliability work fixed, one each, on the smallest input that
 * showed them. (The runaway-rule fixes are tested in {@link RunawayRulesTest}.)
 */
class FixedBugsTest {
    @TempDir
    Path tmp;

    private static Problem parseFails(String name, byte[] bytes) {
        List<Problem> problems = new ArrayList<>();
        assertThat(JsonDoc.parse(Path.of(name), bytes, problems)).isEmpty();
        assertThat(problems).hasSize(1);
        return problems.get(0);
    }

    /** SnakeYAML's message was cut to its first line ("while scanning for the next token"), at the context's place. */
    @Test
    void aYamlSyntaxErrorSaysWhatWasFoundAtItsOwnPlace() {
        Problem p = parseFails("m.yaml", "id: x\nparent: davinci\n\tstages: []\n".getBytes(StandardCharsets.UTF_8));

        assertThat(p.message()).isEqualTo("YAML syntax error: while scanning for the next token: found character '\\t(TAB)' "
                + "that cannot start any token. (Do not use \\t(TAB) for indentation)");
        assertThat(p.line()).isEqualTo(3);
        assertThat(p.column()).isEqualTo(1);
    }

    /** "YAML syntax error: java.io.CharConversionException: Invalid UTF-8 ..." named a Java class. */
    @Test
    void anEncodingErrorNamesNoJavaClassAndSaysUtf8WasExpected() {
        Problem yaml = parseFails("m.yaml", "id: caf\u00e9\n".getBytes(StandardCharsets.ISO_8859_1));
        Problem json = parseFails("m.json", "{\"id\": \"caf\u00e9\"}".getBytes(StandardCharsets.ISO_8859_1));

        for (Problem p : List.of(yaml, json)) {
            assertThat(p.message()).doesNotContain("Exception").doesNotContain("java.").contains("expected UTF-8 text");
            assertThat(p.line()).isEqualTo(1);
        }
    }

    /** Jackson's advice to its programmer ("enable `JsonReadFeature...`", "from `StreamReadConstraints...`") is not the user's. */
    @Test
    void noConfigurationAdviceAndTheNestingErrorHasAPlace() {
        Problem nan = parseFails("m.json", "{\"parameters\": NaN}".getBytes(StandardCharsets.UTF_8));
        Problem deep = parseFails("m.json", ("{\"notes\":\n" + "[".repeat(1500) + "]".repeat(1500) + "}")
                .getBytes(StandardCharsets.UTF_8));

        assertThat(nan.message()).doesNotContain("`").contains("expected a number");
        assertThat(deep.message()).doesNotContain("`").contains("exceeds the maximum allowed (1000)");
        assertThat(deep.line()).isEqualTo(2);
        assertThat(deep.column()).isEqualTo(1000); // the object on line 1 is the first level
    }

    @Test
    void aTruncatedFileIsCalledTruncated() {
        assertThat(parseFails("m.json", "{\"id\": \"x\", \"stages\": [".getBytes(StandardCharsets.UTF_8)).message())
                .contains("the file ends too early (is it truncated?)");
        assertThat(parseFails("m.yaml", "id: x\nstages: [\n".getBytes(StandardCharsets.UTF_8)).message())
                .contains("the file ends too early (is it truncated?)");
    }

    /** A model file that is a link loop (or a broken link) was skipped without a word: its model silently vanished. */
    @Test
    void aModelFileThatIsALinkLoopIsReported() throws IOException {
        Path facts = TestKit.copyDir(Run.FACTS, tmp.resolve("facts"));
        Files.createSymbolicLink(facts.resolve("models/loop.json"), Path.of("loop.json"));
        Files.createSymbolicLink(facts.resolve("models/gone.json"), Path.of("moved-away.json"));
        Files.createSymbolicLink(facts.resolve("models/.#davinci.json"), Path.of("analyst@host.1:2")); // an editor's lock

        InputException e = catchThrowableOfType(InputException.class, () -> KbLoader.load(facts));

        assertThat(e).isNotNull();
        assertThat(e.problems()).extracting(p -> p.file().getFileName().toString()).containsExactly("gone.json", "loop.json");
        assertThat(e.problems()).allSatisfy(p -> assertThat(p.message()).contains("a symbolic link that leads to no file"));
    }

    /** Without a models folder, every observation also reported "unknown model": 41 problems for one. */
    @Test
    void aMissingModelsFolderIsOneProblem() throws IOException {
        Path facts = TestKit.copyDir(Run.FACTS, tmp.resolve("facts"));
        try (var s = Files.walk(facts.resolve("models"))) {
            for (Path p : s.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }

        InputException e = catchThrowableOfType(InputException.class, () -> KbLoader.load(facts));

        assertThat(e.problems()).singleElement().satisfies(p -> assertThat(p.message()).startsWith("models directory not found"));
    }

    /** A folder path one of whose parts is a file was reported as "x.json: cannot write: already exists". */
    @Test
    void writingUnderAFileSaysTheFolderIsAFile() throws IOException {
        Path file = Files.writeString(tmp.resolve("hypothetical"), "a file\n");

        InputException e = catchThrowableOfType(InputException.class,
                () -> AtomicFiles.write(file.resolve("x.json"), "{}".getBytes(StandardCharsets.UTF_8), false));

        assertThat(e.problems()).singleElement().satisfies(p -> assertThat(p.message())
                .isEqualTo("cannot write: " + org.origins.io.FilePaths.display(file) + " is a file, not a folder; nothing was changed"));
        assertThat(Files.readString(file)).isEqualTo("a file\n");
    }

    /** A Latin-1 rule file was reported as "cannot read: Input length = 1", with no place. */
    @Test
    void aRuleFileInLatin1IsReportedAtItsFirstBadByte() throws IOException {
        Path rules = TestKit.copyDir(Run.RULES, tmp.resolve("rules"));
        Run.write(rules.resolve("latin1.drl"), Run.corpus("rules/latin1.drl"));

        InputException e = catchThrowableOfType(InputException.class, () -> RuleCompiler.compile(rules));

        assertThat(e.problems()).singleElement().satisfies(p -> {
            assertThat(p.file().getFileName().toString()).isEqualTo("latin1.drl");
            assertThat(p.line()).isEqualTo(1);
            assertThat(p.column()).isEqualTo(5); // "// r" then the Latin-1 è
            assertThat(p.message()).contains("not UTF-8 text");
        });
    }

    /** A syntax error came with a second problem, "Parser returned a null Package", with no place. */
    @Test
    void aSyntaxErrorIsOneProblem() throws IOException {
        Path rules = TestKit.copyDir(Run.RULES, tmp.resolve("rules"));
        Run.write(rules.resolve("syntax-error.drl"), Run.corpus("rules/syntax-error.drl"));

        InputException e = catchThrowableOfType(InputException.class, () -> RuleCompiler.compile(rules));

        assertThat(e.problems()).singleElement().satisfies(p -> {
            assertThat(p.line()).isPositive();
            assertThat(p.message()).contains("mismatched input").doesNotContain("null Package");
        });
    }
}
