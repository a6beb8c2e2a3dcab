package org.origins.reliability;

import org.origins.TestKit;
import org.origins.Cli;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * The corpus of broken inputs (src/test/resources/bad/, plus the inputs that cannot be committed:
 * symbolic links, missing or empty folders, a 50 MB file), each driven through the whole command
 * line: a copy of the real facts/ and rules/ in a temporary folder with one broken thing added or
 * replaced. Each case expects exit 2 (1 where {@code check} is the right answer), a message that
 * names the file and the place (line and column, or a JSON pointer, or the file or folder itself
 * when the whole of it is wrong) and says what was expected, nothing on stdout, no stack trace,
 * and no hang.
 */
class BadInputCorpusTest {
    /** Where a message points: "file:line:col: ", "file:line: ", or "file: /pointer: ". */
    private static final Pattern LOCATED = Pattern.compile(":\\d+(:\\d+)?: |: /\\S*: ");

    @TempDir
    Path tmp;

    /** Installs the broken input into the copies of facts/ and rules/ (or beside them). */
    interface Setup {
        void apply(Path facts, Path rules, Path tmp) throws IOException;
    }

    /**
     * One broken input. {@code args} run with {@code --facts} and {@code --rules} pointing at the
     * copies; {@code file} is the name the message must give (null: the command line itself is
     * the input); {@code located}: the message must give a line or a pointer; {@code expected}:
     * fragments of what the message says (what was wrong, what was expected).
     */
    record Case(Setup setup, List<String> args, int exit, String file, boolean located, List<String> expected) {
    }

    private static Named<Case> c(String name, Setup setup, List<String> args, int exit, String file, boolean located,
                                 String... expected) {
        return Named.of(name, new Case(setup, args, exit, file, located, List.of(expected)));
    }

    private static Setup copy(String resource, String target) {
        return (facts, rules, tmp) -> Run.write(target.startsWith("rules/") ? rules.resolve(target.substring(6))
                : facts.resolve(target), Run.corpus(resource));
    }

    /** A model file added to facts/models/ and loaded by {@code models}. */
    private static Named<Case> model(String file, String... expected) {
        return c("facts/models/" + file, copy("models/" + file, "models/" + file), List.of("models"), 2, file, true, expected);
    }

    /** A model file whose problem is the file as a whole (no line to point at). */
    private static Named<Case> modelWhole(String file, String... expected) {
        return c("facts/models/" + file, copy("models/" + file, "models/" + file), List.of("models"), 2, file, false, expected);
    }

    /** A file of facts/ replaced by a broken version. */
    private static Named<Case> fact(String resource, String target, String... expected) {
        return c("facts/" + target + " ← " + resource, copy("facts/" + resource, target), List.of("models"), 2, target, true,
                expected);
    }

    /** A rule file added to rules/ and compiled and run by {@code abilities davinci}. */
    private static Named<Case> rule(String file, List<String> args, int exit, boolean located, String... expected) {
        return c("rules/" + file, copy("rules/" + file, "rules/" + file), args, exit, file, located, expected);
    }

    /** A file of hypothetical models given to {@code predict FILE}. */
    private static Named<Case> predict(String file, String... expected) {
        return c("predict " + file, (f, r, t) -> { }, List.of("predict", Run.BAD.resolve("predict/" + file).toString()), 2,
                file, true, expected);
    }

    /** The command line itself is the bad input. */
    private static Named<Case> args(String name, List<String> args, String... expected) {
        return c(name, (f, r, t) -> { }, args, 2, null, false, expected);
    }

    static Stream<Named<Case>> corpus() {
        return Stream.of(
                // ---- malformed JSON
                model("truncated.json", "JSON syntax error", "end-of-input", "ends too early"),
                model("trailing-comma.json", "JSON syntax error", "unexpected character (']'"),
                model("latin1.json", "JSON syntax error", "Invalid UTF-8", "expected UTF-8 text", "Latin-1"),
                model("binary-garbage.json", "JSON syntax error", "Invalid UTF-8 start byte", "expected UTF-8 text"),
                model("empty.json", "empty file: expected a JSON object"),
                model("duplicate-key.json", "Duplicate field 'id'"),
                model("two-documents.json", "unexpected content after the end of the top-level value"),
                model("not-an-object.json", "expected a model (an object), found the string"),
                model("nan.json", "Non-standard token 'NaN'", "expected a number"),
                model("single-quotes.json", "JSON syntax error", "was expecting double-quote"),
                // ---- malformed YAML
                model("truncated.yaml", "YAML syntax error", "ends too early"),
                model("tab-indent.yaml", "YAML syntax error", "found character '\\t(TAB)' that cannot start any token"),
                model("duplicate-key.yaml", "YAML syntax error", "Duplicate field 'id'"),
                model("empty.yaml", "empty file: expected a YAML object"),
                model("latin1.yaml", "YAML syntax error", "expected UTF-8 text"),
                model("unclosed-quote.yaml", "YAML syntax error", "found unexpected end of stream"),
                // ---- YAML 1.2: nothing silently dropped or misread, nothing that expands without bound
                model("yaml-second-document.yaml", "YAML syntax error", "a second YAML document starts here"),
                model("yaml-recursive-alias.yaml", "YAML syntax error", "an alias refers to a node that contains it"),
                model("yaml-merge-key.yaml", "YAML syntax error", "merge keys (\"<<\") are YAML 1.1"),
                model("yaml-billion-laughs.yaml", "YAML syntax error", "more than 1000000 values once its aliases are expanded"),
                model("yaml-python-tag.yaml", "YAML syntax error", "tag is not allowed: tag:yaml.org,2002:python/object/apply:os.system"),
                model("yaml-yes-is-not-true.yaml", "/hypothetical: \"hypothetical\" must be true or false, found the string \"yes\""),
                model("parameters-1e9.json", "/parameters/value: expected a number of billions from 0.001 to 100000"),
                // ---- fields: unknown, missing, wrong types
                model("unknown-field.json", "/paramters: unknown field \"paramters\"; did you mean \"parameters\"?"),
                model("unknown-stage-field.json", "/stages/0/tokenz: unknown field \"tokenz\"; did you mean \"tokens\"?"),
                model("missing-parent.json", "missing required field \"parent\""),
                model("missing-stages.json", "missing required field \"stages\""),
                model("missing-stage-kind.json", "/stages/0: missing required field \"kind\""),
                model("missing-source.json", "/parameters: missing required field \"source\""),
                model("wrong-type-parameters.json", "/parameters: expected a statement", "found the string \"huge\""),
                model("wrong-type-value.json", "/parameters/value: expected a number", "found the string \"huge\""),
                model("wrong-type-stages.json", "/stages: \"stages\" must be a list of stages, found an object"),
                model("wrong-type-hypothetical.json", "/hypothetical:", "found the string \"yes\""),
                model("wrong-type-corpus.json", "/stages/0/corpus:", "found the string \"code\""),
                // ---- numbers out of range
                model("negative-tokens.json", "/stages/0/tokens: expected a number of billions of tokens from 0 to 1000000, found the number -5"),
                model("code-share-over-100.json", "/stages/0/codeShare: expected a number (a share) from 0 to 1, found the number 1.2"),
                model("code-share-percent.json", "/stages/0/codeShare: expected a number (a share) from 0 to 1, found the string \"120%\""),
                model("zero-context.json", "/contextLength/value: expected a whole number of tokens (at least 1), found the number 0"),
                model("fractional-context.json", "/contextLength/value: expected a whole number of tokens", "2048.5"),
                model("huge-number.json", "/parameters/value: expected a number of billions from 0.001 to 100000, found the number Infinity"),
                model("huge-integer.json", "/contextLength/value: expected a whole number of tokens", "100000000000000000000"),
                model("bad-date.json", "/dataCutoff/value: expected a date \"YYYY\" or \"YYYY-MM\", found the string \"June 2021\""),
                model("bad-encoding-name.json", "/positionalEncoding/value: expected one of absolute, alibi, relative, rotary"),
                // ---- references and lineage
                model("unknown-parent.json", "/parent/value: unknown parent \"davinchi\" (no such model); did you mean \"davinci\"?"),
                model("cycle-self.json", "/parent/value: a model cannot be its own parent"),
                model("cycle-two.json", "lineage cycle: cycle-a → cycle-b → cycle-a"),
                model("cycle-long.json", "lineage cycle: ring-1 → ring-2 → ring-3 → ring-4 → ring-5 → ring-1"),
                model("duplicate-id.json", "/id: duplicate model id \"davinci\": already defined in"),
                model("unknown-stage-kind.json", "/stages/0/kind: unknown stage kind \"code-trainng\"; did you mean \"code-training\""),
                model("abstract-stage-kind.json", "\"instruction-tuning\" is a family of stage kinds, not a kind a stage can have; use one of"),
                model("attribute-not-for-kind.json", "/stages/0/tasks: \"tasks\" does not apply to a code-training stage; it takes: tokens, codeShare, corpus"),
                model("unknown-source.json", "/parameters/source: unknown source \"GTP3\"", "did you mean \"GPT3\""),
                // ---- model ids with spaces, unicode, shell metacharacters, a path
                model("id-with-space.json", "/id: model id \"corpus model\" must be lower-case letters, digits"),
                model("id-unicode.json", "/id: model id \"达芬奇-2\" must be lower-case letters, digits"),
                model("id-shell.json", "/id: model id \"x;rm -rf ~ $(reboot) `id`\" must be lower-case letters, digits"),
                model("id-path.json", "/id: model id \"../../etc/passwd\" must be lower-case letters, digits"),
                // ---- the other files of facts/
                fact("observations-unknown-ability.json", "observations.json",
                        "/observations/0/ability: unknown ability \"chain-of-thougth\"; did you mean \"chain-of-thought\"?"),
                fact("observations-unknown-model.json", "observations.json",
                        "/observations/0/model: unknown model \"code-davinci-02\"; did you mean \"code-davinci-002\""),
                fact("stage-kinds-unknown-attribute.json", "stage-kinds.json", "unknown stage attribute \"codeshare\"; did you mean \"codeShare\"?"),
                fact("sources-duplicate-id.json", "sources.json", "duplicate source id"),
                fact("abilities-truncated.json", "abilities.json", "JSON syntax error", "ends too early"),
                // ---- rules
                rule("syntax-error.drl", List.of("abilities", "davinci"), 2, true, "mismatched input 'then'", "bad.syntax-error",
                        "hint: a rule may be missing its \"end\", or a parenthesis or quote is not closed"),
                rule("missing-end.drl", List.of("abilities", "davinci"), 2, true, "mismatched input"),
                rule("unknown-type.drl", List.of("abilities", "davinci"), 2, true, "Unable to resolve ObjectType 'Stag'",
                        "did you mean \"Stage\"?"),
                rule("unknown-field.drl", List.of("abilities", "davinci"), 2, true, "codeshare", "did you mean \"codeShare\"?"),
                rule("latin1.drl", List.of("abilities", "davinci"), 2, true, "not UTF-8 text", "Latin-1"),
                rule("binary-garbage.drl", List.of("abilities", "davinci"), 2, true, "not UTF-8 text"),
                // a question is answered from the asked model's lineage: the rule must match in it (code-davinci-001 trains on code)
                rule("rhs-throws.drl", List.of("abilities", "code-davinci-001"), 2, true, "rule bad.rhs-throws failed in its right-hand side",
                        "for model code-davinci-001", "unknown level \"very-strong\"; expected none, weak, present or strong",
                        "no conclusions are reported from an incomplete run"),
                rule("never-stops.drl", List.of("abilities", "davinci", "--max-firings", "5000"), 2, true,
                        "rules fired 5000 times without settling (the cap is 5000; --max-firings raises it); most firings: bad.never-stops ("),
                rule("duplicate-id.drl", List.of("abilities", "davinci"), 2, false,
                        "duplicate rule id \"code.training-gives-chain-of-thought\" (also at", "every rule needs an @id of its own"),
                rule("spin-action.drl", List.of("abilities", "davinci", "--timeout", "2s"), 2, true,
                        "the rules did not finish within 2 s (--timeout raises the limit): rule bad.spin-action (its action) was running"),
                rule("spin-eval.drl", List.of("abilities", "davinci", "--timeout", "2s"), 2, true,
                        "did not finish within 2 s", "rule bad.spin-eval (a condition) was running"),
                c("rules/spin-action.drl, in predict --batch", copy("rules/spin-action.drl", "rules/spin-action.drl"),
                        List.of("predict", "--batch", Run.BAD.resolve("batch/three-models.jsonl").toString(), "--timeout", "2s"), 2,
                        "spin-action.drl", true, "did not finish within 2 s", "bad.spin-action (its action)"),
                c("rules/recurse.drl", copy("rules/recurse.drl", "rules/recurse.drl"), List.of("abilities", "davinci"), 3, null, false,
                        "the stack overflowed while the rules ran", "bad.recurse", "recurses without end"),
                c("rules/heap.drl", copy("rules/heap.drl", "rules/heap.drl"), List.of("abilities", "davinci"), 3, null, false,
                        "out of memory while the rules ran", "bad.heap"),
                rule("halt.drl", List.of("abilities", "davinci"), 2, true,
                        "rule bad.halt halted the engine (drools.halt()) before the rules had settled"),
                rule("unknown-ability.drl", List.of("check"), 1, true, "unknown ability \"chain-of-thougth\"; did you mean \"chain-of-thought\"?"),
                rule("names-a-model.drl", List.of("check"), 1, true, "names the model \"davinci\": rules must reason from training facts only"),
                // ---- folders
                c("empty rules folder", (f, r, t) -> deleteAll(r, ".drl"), List.of("models"), 2, "rules", false,
                        "no .drl rule files in this directory"),
                c("missing facts folder", (f, r, t) -> deleteTree(f), List.of("models"), 2, "facts", false,
                        "facts directory not found (expected abilities.json, stage-kinds.json, sources.json, models/ inside it); use --facts DIR"),
                c("missing rules folder", (f, r, t) -> deleteTree(r), List.of("models"), 2, "rules", false,
                        "rules directory not found (expected .drl files); use --rules DIR"),
                c("missing facts/models folder", (f, r, t) -> deleteTree(f.resolve("models")), List.of("models"), 2, "models", false,
                        "models directory not found"),
                c("symlink loop: facts/models/loop.json → itself", (f, r, t) -> link(f.resolve("models/loop.json"), Path.of("loop.json")),
                        List.of("models"), 2, "loop.json", false, "a symbolic link that leads to no file (broken, or a loop of links)"),
                c("symlink loop: facts/models/a.json ↔ b.json", (f, r, t) -> {
                    link(f.resolve("models/a.json"), Path.of("b.json"));
                    link(f.resolve("models/b.json"), Path.of("a.json"));
                }, List.of("models"), 2, "a.json", false, "a symbolic link that leads to no file"),
                c("symlink loop: rules/loop.drl → itself", (f, r, t) -> link(r.resolve("loop.drl"), Path.of("loop.drl")),
                        List.of("models"), 2, "loop.drl", false, "a symbolic link that leads to no file (broken, or a loop of links)"),
                c("symlink loop: the facts folder → itself", (f, r, t) -> {
                    deleteTree(f);
                    link(f, f.getFileName());
                }, List.of("models"), 2, "facts", false, "facts directory not found"),
                c("symlink loop: the rules folder → itself", (f, r, t) -> {
                    deleteTree(r);
                    link(r, r.getFileName());
                }, List.of("models"), 2, "rules", false, "rules directory not found"),
                c("rules/outside.drl → a rule file outside the rules folder", (f, r, t) -> {
                    Path outside = Run.write(t.resolve("elsewhere/outside.drl"), Run.corpus("rules/rhs-throws.drl"));
                    link(r.resolve("outside.drl"), outside);
                }, List.of("models"), 2, "outside.drl", false, "outside the rules folder: rule files are code and are read only from the folder given"),
                c("a 50 MB model file", (f, r, t) -> fiftyMegabytes(f.resolve("models/huge.json")), List.of("models"), 2, "huge.json",
                        false, "file is larger than 16 MiB"),
                c("JSON nested 100000 deep", (f, r, t) -> Run.write(f.resolve("models/deep.json"),
                                ("[".repeat(100_000) + "]".repeat(100_000)).getBytes(StandardCharsets.US_ASCII)),
                        List.of("models"), 2, "deep.json:1:1001: ", true, "JSON syntax error", "nesting depth", "exceeds the maximum allowed (1000)"),
                // ---- hypothetical models: predict FILE
                predict("not-hypothetical.yaml", "a hypothetical model must say \"hypothetical\": true"),
                predict("unknown-parent.yaml", "/parent: unknown parent \"opt-157b\" (no such model); did you mean "),
                // predict FILE lets it stand in for the real model for the run (PredictTest); add, which saves it, refuses it
                c("predict real-model-id.yaml, given to add", (f, r, t) -> { }, List.of("add", Run.BAD.resolve("predict/real-model-id.yaml").toString()), 2,
                        "real-model-id.yaml", true, "/id: \"davinci\" is a real model of the knowledge base; give the hypothetical model an id of its own"),
                predict("truncated.yaml", "YAML syntax error", "ends too early"),
                predict("tab-indent.yaml", "YAML syntax error", "found character '\\t(TAB)' that cannot start any token"),
                predict("duplicate-key.yaml", "YAML syntax error", "Duplicate field 'parent'"),
                predict("id-shell.yaml", "/id: model id \"opt; rm -rf / #\" must be lower-case letters, digits"),
                predict("id-path.yaml", "/id: model id \"../../../tmp/evil\" must be lower-case letters, digits"),
                predict("id-unicode.yaml", "/id: model id \"opt-代码\" must be lower-case letters, digits"),
                predict("cycle.yaml", "lineage cycle: hypo-a → hypo-b → hypo-a"),
                predict("negative-tokens.yaml", "/stages/0/tokens: expected a number of billions of tokens from 0 to 1000000, found the number -100"),
                predict("code-share-over-100.yaml", "/stages/0/codeShare: expected a number (a share) from 0 to 1, found the number 30"),
                predict("unknown-stage-kind.yaml", "/stages/0/kind: unknown stage kind \"rlhf\"", "rlhf-ppo"),
                predict("latin1.yaml", "YAML syntax error", "expected UTF-8 text"),
                predict("binary-garbage.yaml", "YAML syntax error", "expected UTF-8 text"),
                predict("empty.yaml", "empty file: expected a YAML object"),
                predict("not-a-mapping.yaml", "/0: expected a model (an object), found the string \"just\""),
                predict("unknown-source.yaml", "/stages/0/sources/0: unknown source \"me\"",
                        "a hypothetical model's stages need no sources: leave \"sources\" out, or write USER"),
                predict("huge-tokens.yaml", "/stages/0/tokens: expected a number of billions of tokens from 0 to 1000000"),
                c("predict a file that does not exist", (f, r, t) -> { }, List.of("predict", "no-such-models.yaml"), 2,
                        "no-such-models.yaml", false, "file not found"),
                // ---- the command line
                args("why, a model id with a space", List.of("why", "da vinci", "chain-of-thought"), "unknown model \"da vinci\""),
                args("why, a model id with shell metacharacters", List.of("why", "davinci;rm -rf ~", "chain-of-thought"),
                        "unknown model \"davinci;rm -rf ~\"; `origins models` lists them"),
                args("why, a unicode model id", List.of("why", "达芬奇", "chain-of-thought"), "unknown model \"达芬奇\""),
                args("why, an unknown ability", List.of("why", "davinci", "chain-of-thougth"),
                        "unknown ability \"chain-of-thougth\"; did you mean \"chain-of-thought\"?"),
                args("a negative firing cap", List.of("abilities", "davinci", "--max-firings", "-1"),
                        "--max-firings must be at least 1"),
                args("an assumption that closes a lineage cycle", List.of("abilities", "davinci", "--assume", "davinci.parent=text-davinci-003"),
                        "would close a lineage cycle"),
                args("--format xml", List.of("why", "davinci", "chain-of-thought", "--format", "xml"),
                        "--format xml: expected one of text, json, mermaid, dot, markdown"),
                args("--depth -1", List.of("why", "davinci", "chain-of-thought", "--depth", "-1"), "--depth must be 0 or more"),
                args("--assume of a billion billion parameters", List.of("abilities", "davinci", "--assume", "davinci.parameters=1e9"),
                        "--assume davinci.parameters=1e9: expected a size in billions of parameters", "from 0.001 to 100000"),
                args("--chunk 2147483647", List.of("predict", "--batch", "models.jsonl", "--chunk", "2147483647"),
                        "--chunk must be from 1 to 1000000"),
                args("--threads 100000", List.of("predict", "--batch", "models.jsonl", "--threads", "100000"),
                        "--threads must be from 1 to 64"),
                args("--timeout soon", List.of("abilities", "davinci", "--timeout", "soon"),
                        "--timeout", "expected a duration such as 30s, 2m or 500ms, found \"soon\""),
                args("--batch a folder", List.of("predict", "--batch", Run.BAD.toString()), "is a folder; give a JSON Lines file"),
                args("--without-stage, a near miss", List.of("what-if", "text-davinci-003", "--without-stage", "rlhf"),
                        "--without-stage rlhf: text-davinci-003 has no stage of its own like that; did you mean \"rlhf-ppo\""),
                args("what-if --set, a bad value", List.of("what-if", "davinci", "--set", "parameters=big"),
                        "--set parameters=big: expected a size in billions"),
                c("predict --stage with a negative size", (f, r, t) -> { },
                        List.of("predict", "--name", "x-flags", "--parent", "opt-175b", "--stage", "code-training:tokens=-5"), 2, null, false,
                        "tokens"));
    }

    /** The cases that must load and answer (exit 0): a UTF-8 byte order mark is not an error. */
    static Stream<Named<Case>> accepted() {
        return Stream.of(
                c("facts/models/units.json (70B, 2T, 10%, 8K, 1.8K, 1.4e4, 0.2%)", copy("models/units.json", "models/units.json"),
                        List.of("models"), 0, null, false, "units-model"),
                c("facts/models/yaml12.yaml (0100, 0o17, anchors and aliases)", copy("models/yaml12.yaml", "models/yaml12.yaml"),
                        List.of("models"), 0, null, false, "yaml12-model"),
                c("facts/models/dotted-id.json, named by --assume", copy("models/dotted-id.json", "models/dotted-id.json"),
                        List.of("abilities", "gpt-3.5-like", "--assume", "gpt-3.5-like.parameters=175B"), 0, null, false,
                        "chain-of-thought"),
                c("predict no-sources.yaml (a hypothetical model's stages need no sources)", (f, r, t) -> { },
                        List.of("predict", Run.BAD.resolve("predict/no-sources.yaml").toString()), 0, null, false, "no-sources"),
                c("predict --batch three-models.jsonl", (f, r, t) -> { },
                        List.of("predict", "--batch", Run.BAD.resolve("batch/three-models.jsonl").toString()), 0, null, false,
                        "{\"model\":\"batch-three\""),
                c("predict upper-case.YAML", (f, r, t) -> { },
                        List.of("predict", Run.BAD.resolve("predict/upper-case.YAML").toString()), 0, null, false, "upper-case-extension"),
                c("facts/models/bom.json (UTF-8 byte order mark)", copy("models/bom.json", "models/bom.json"), List.of("models"), 0,
                        null, false, "bom-model"),
                c("facts/models/bom.yaml (UTF-8 byte order mark)", copy("models/bom.yaml", "models/bom.yaml"), List.of("models"), 0,
                        null, false, "yaml-bom-model"),
                c("predict bom.yaml (UTF-8 byte order mark)", (f, r, t) -> { },
                        List.of("predict", Run.BAD.resolve("predict/bom.yaml").toString()), 0, null, false, "opt-code-corpus"),
                c("rules/ with a .drl in a subfolder (not loaded)", (f, r, t) ->
                        Run.write(r.resolve("sub/rhs-throws.drl"), Run.corpus("rules/rhs-throws.drl")), List.of("abilities", "davinci"), 0,
                        null, false, "language-generation"),
                c("facts/models/sub.json, a link to the folder above (not followed)", (f, r, t) ->
                        link(f.resolve("models/sub.json"), Path.of("..")), List.of("models"), 0, null, false, "davinci"));
    }

    private Cli.Result run(Case c) throws IOException {
        Path facts = TestKit.copyDir(Run.FACTS, tmp.resolve("facts"));
        Path rules = TestKit.copyDir(Run.RULES, tmp.resolve("rules"));
        c.setup().apply(facts, rules, tmp);
        List<String> args = new ArrayList<>(c.args());
        args.addAll(List.of("--facts", facts.toString(), "--rules", rules.toString()));
        return assertTimeoutPreemptively(Duration.ofSeconds(60), () -> Cli.run(args.toArray(String[]::new)),
                "the command did not finish within a minute");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void isRejectedWithAClearMessage(Case c) throws IOException {
        Cli.Result r = run(c);

        r.rejected(c.exit());
        // a rejected input (or a crash, exit 3) is reported on stderr; the problems a check finds are its answer, on stdout
        String message = c.exit() == 1 ? r.out() : r.err();
        for (String e : c.expected()) {
            assertThat(message).as("the message").contains(e);
        }
        if (c.file() != null) {
            String line = Arrays.stream(message.split("\n")).filter(l -> l.contains(c.file())).findFirst()
                    .orElseThrow(() -> new AssertionError("no message names " + c.file() + ":\n" + message));
            if (c.located()) {
                assertThat(line).as("the message gives a line or a JSON pointer").containsPattern(LOCATED);
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("accepted")
    void isAccepted(Case c) throws IOException {
        Cli.Result r = run(c);

        assertThat(r.code()).as("exit code; stderr:\n%s", r.err()).isZero();
        r.noStackTrace();
        for (String e : c.expected()) {
            assertThat(r.out()).contains(e);
        }
    }

    /** Every file of the committed corpus is used by a case, so that none is forgotten. */
    @Test
    void everyCorpusFileHasACase() throws IOException {
        Set<String> names = new TreeSet<>();
        Stream.concat(corpus(), accepted()).map(Named::getName).forEach(names::add);
        List<String> files;
        try (Stream<Path> all = Files.walk(Run.BAD)) {
            files = all.filter(Files::isRegularFile).map(p -> Run.BAD.relativize(p).toString().replace('\\', '/'))
                    .filter(n -> !n.endsWith("README.md")).sorted().toList();
        }
        for (String f : files) {
            String name = f.substring(f.indexOf('/') + 1);
            String caseName = switch (f.substring(0, f.indexOf('/'))) {
                case "models" -> "facts/models/" + name;
                case "rules" -> "rules/" + name;
                case "predict" -> "predict " + name;
                case "batch" -> "predict --batch " + name;
                default -> "← " + name;
            };
            assertThat(names.stream().anyMatch(n -> n.startsWith(caseName) || n.endsWith(caseName)))
                    .as("a case uses %s (named %s)", f, caseName).isTrue();
        }
    }

    // ---- helpers

    private static void deleteAll(Path dir, String suffix) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            for (Path p : s.filter(p -> p.getFileName().toString().endsWith(suffix)).toList()) {
                Files.delete(p);
            }
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    private static void link(Path link, Path target) {
        try {
            Files.createSymbolicLink(link, target);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A syntactically valid model file of 50 MB (notes padded out), written without holding it in memory. */
    private static void fiftyMegabytes(Path file) throws IOException {
        Files.createDirectories(file.getParent());
        try (OutputStream out = Files.newOutputStream(file)) {
            out.write(("{ \"id\": \"huge\", \"parent\": { \"value\": \"davinci\", \"source\": \"ESSAY\" }, \"stages\": [],\n"
                    + "  \"notes\": [\n").getBytes(StandardCharsets.UTF_8));
            byte[] note = ("    \"" + "x".repeat(1000) + "\",\n").getBytes(StandardCharsets.UTF_8);
            for (int i = 0; i < 50 * 1024; i++) {
                out.write(note);
            }
            out.write("    \"end\"\n  ]\n}\n".getBytes(StandardCharsets.UTF_8));
        }
        assertThat(Files.size(file)).isGreaterThan(50L * 1000 * 1000);
    }
}
