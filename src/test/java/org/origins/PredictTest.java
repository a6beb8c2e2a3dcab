package org.origins;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** `origins predict`: hypothetical models, from flags or files, derived by the same rules. */
class PredictTest {
    private static final String[] FLAGS_EXAMPLE = {"predict", "--name", "opt-code-flan", "--parent", "opt-175b",
            "--stage", "code-training:tokens=100B,codeShare=0.3", "--stage", "supervised-instruction-tuning:tasks=1800"};

    static final String TWO_MODELS = org.origins.TestKit.TWO_HYPOTHETICAL_MODELS;

    private static String[] with(String[] base, String... more) {
        String[] all = new String[base.length + more.length];
        System.arraycopy(base, 0, all, 0, base.length);
        System.arraycopy(more, 0, all, base.length, more.length);
        return all;
    }

    private static JsonNode model(JsonNode predict, String id) {
        return Cli.list(predict.path("models")).stream().filter(m -> m.path("model").asText().equals(id)).findFirst()
                .orElseThrow(() -> new AssertionError("no prediction for " + id));
    }

    private static JsonNode ability(JsonNode prediction, String ability) {
        return Cli.list(prediction.path("abilities").path("abilities")).stream()
                .filter(a -> a.path("ability").asText().equals(ability)).findFirst()
                .orElseThrow(() -> new AssertionError("no ability " + ability));
    }

    // ---- a model given by flags ----------------------------------------------------------------------------

    @Test
    void theFlagsExamplePredictsChainOfThoughtForAHypotheticalModel() {
        Cli.Result r = Cli.run(with(FLAGS_EXAMPLE, "--explain", "CoT"));

        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("opt-code-flan  (hypothetical: predicted by the rules)")
                .contains("hypothetical model: this is what the rules predict, not an observation")
                .contains("history: opt-175b#1 pretraining → opt-code-flan#1 code-training → opt-code-flan#2 supervised-instruction-tuning");
        assertThat(r.row("chain-of-thought")).contains("present").contains("instruction.supervised-tuning-weakens-reasoning");
        assertThat(r.row("code-generation")).contains("strong").contains("opt-code-flan#1 code-training");
        assertThat(r.row("instruction-following")).contains("strong");
    }

    @Test
    void theFlagsExampleAsJson() {
        JsonNode root = Cli.run(with(FLAGS_EXAMPLE, "--explain", "chain-of-thought", "--format", "json")).json();

        assertThat(root.path("schema").asText()).isEqualTo("origins.predict/1");
        assertThat(Cli.list(root.path("models"))).hasSize(1);
        JsonNode m = model(root, "opt-code-flan");
        assertThat(m.path("parent").asText()).isEqualTo("opt-175b");
        assertThat(m.path("abilities").path("hypothetical").asBoolean()).isTrue();
        JsonNode cot = ability(m, "chain-of-thought");
        assertThat(cot.path("level").asText()).isEqualTo("present");
        assertThat(cot.path("decidedBy").asText()).isEqualTo("instruction.supervised-tuning-weakens-reasoning");
        assertThat(cot.path("atStage").asText()).isEqualTo("opt-code-flan#2 supervised-instruction-tuning");
        assertThat(Cli.list(cot.path("mechanisms"))).extracting(x -> x.path("rule").asText()).containsExactly("code.injects-reasoning");
        assertThat(ability(m, "in-context-learning").path("level").asText()).isEqualTo("weak");
        assertThat(ability(m, "dialogue").path("level").asText()).isEqualTo("none");
        // --explain: why it has it, and why not strong
        assertThat(m.path("why").path("hypothetical").asBoolean()).isTrue();
        assertThat(m.path("why").path("level").asText()).isEqualTo("present");
        assertThat(m.path("whyNot").path("target").asText()).isEqualTo("strong");
        assertThat(Cli.list(m.path("whyNot").path("candidates"))).extracting(c -> c.path("rule").asText() + " " + c.path("status").asText())
                .contains("code.training-at-scale-gives-strong-chain-of-thought overridden");
    }

    @Test
    void stageValuesTakeSuffixes() {
        JsonNode root = Cli.run("predict", "--name", "opt-code-pct", "--parent", "opt-175b",
                "--stage", "code-training:tokens=0.1T,codeShare=30%", "--format", "json").json();

        assertThat(ability(model(root, "opt-code-pct"), "chain-of-thought").path("level").asText()).isEqualTo("strong");
    }

    // ---- models from a file --------------------------------------------------------------------------------

    @Test
    void aFileOfTwoModelsPredictsBoth(@TempDir Path tmp) {
        Path file = Cli.write(tmp.resolve("two.yaml"), TWO_MODELS);

        JsonNode root = Cli.run("predict", file.toString(), "--format", "json").json();

        assertThat(Cli.list(root.path("models"))).extracting(m -> m.path("model").asText())
                .containsExactly("opt-code", "opt-code-inst");
        JsonNode parent = model(root, "opt-code");
        JsonNode child = model(root, "opt-code-inst");
        assertThat(parent.path("parent").asText()).isEqualTo("opt-175b");
        assertThat(child.path("parent").asText()).isEqualTo("opt-code");
        assertThat(ability(parent, "chain-of-thought").path("level").asText()).isEqualTo("strong");
        assertThat(ability(parent, "chain-of-thought").path("decidedBy").asText())
                .isEqualTo("code.training-at-scale-gives-strong-chain-of-thought");
        assertThat(ability(parent, "instruction-following").path("level").asText()).isEqualTo("none");
        // the child inherits its hypothetical parent's code training
        assertThat(ability(child, "code-generation").path("atStage").asText()).isEqualTo("opt-code#1 code-training");
        assertThat(ability(child, "chain-of-thought").path("level").asText()).isEqualTo("present");
        assertThat(ability(child, "instruction-following").path("level").asText()).isEqualTo("strong");
        assertThat(ability(child, "in-context-learning").path("level").asText()).isEqualTo("weak");
    }

    @Test
    void theTextSaysHypotheticalForEachModel(@TempDir Path tmp) {
        Path file = Cli.write(tmp.resolve("two.yaml"), TWO_MODELS);

        Cli.Result r = Cli.run("predict", file.toString());

        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("opt-code  (hypothetical: predicted by the rules)")
                .contains("opt-code-inst  (hypothetical: predicted by the rules)")
                .contains("parent: opt-code\n");
    }

    // ---- errors: exit 2, a clear message, no stack trace ---------------------------------------------------

    @Test
    void anUnknownParentIsNamedWithASuggestion() {
        Cli.Result r = Cli.run("predict", "--name", "x1", "--parent", "opt-176b").badInput();

        assertThat(r.err()).contains("unknown model \"opt-176b\"").contains("did you mean \"opt-175b\"");
    }

    @Test
    void anUnknownParentInAFileIsLocated(@TempDir Path tmp) {
        Path file = Cli.write(tmp.resolve("p.yaml"), "id: hyp-x\nhypothetical: true\nparent: opt-176b\nstages: []\n");

        Cli.Result r = Cli.run("predict", file.toString()).badInput();

        assertThat(r.err()).contains("p.yaml:3:1: /parent: unknown parent \"opt-176b\" (no such model); did you mean \"opt-175b\"");
    }

    @Test
    void aMisspeltStageKindSuggestsTheRightOne() {
        Cli.Result r = Cli.run("predict", "--name", "x1", "--parent", "opt-175b", "--stage", "code-trainig").badInput();

        assertThat(r.err()).contains("--stage code-trainig: unknown stage kind \"code-trainig\"")
                .contains("did you mean \"code-training\"");
    }

    @Test
    void aMisspeltStageKindInAFileIsLocated(@TempDir Path tmp) {
        Path file = Cli.write(tmp.resolve("k.yaml"),
                "id: hyp-y\nhypothetical: true\nparent: opt-175b\nstages:\n  - kind: code-trainig\n    sources: [USER]\n");

        Cli.Result r = Cli.run("predict", file.toString()).badInput();

        assertThat(r.err()).contains("k.yaml:5:").contains("/stages/0/kind: unknown stage kind \"code-trainig\"")
                .contains("did you mean \"code-training\"");
    }

    @Test
    void anUnknownStageParameterListsTheOnesItTakes() {
        Cli.Result r = Cli.run("predict", "--name", "x1", "--parent", "opt-175b", "--stage", "code-training:tokns=100B").badInput();

        assertThat(r.err()).contains("a code-training stage does not take \"tokns\"").contains("did you mean \"tokens\"")
                .contains("it takes: tokens, codeShare, corpus");
    }

    @Test
    void aMalformedValueSaysWhatWasExpected() {
        Cli.Result r = Cli.run("predict", "--name", "x1", "--parent", "opt-175b", "--stage", "code-training:tokens=lots").badInput();

        assertThat(r.err()).contains("--stage code-training:tokens=lots").contains("tokens must be billions, e.g. 100B or 1.4T")
                .contains("found \"lots\"");
    }

    @Test
    void aShareAboveOneIsRejected() {
        Cli.Result r = Cli.run("predict", "--name", "x1", "--parent", "opt-175b", "--stage", "code-training:codeShare=130%").badInput();

        assertThat(r.err()).contains("codeShare must be between 0 and 1 (0% and 100%), found \"130%\"");
    }

    @Test
    void aCycleBetweenTwoHypotheticalModelsIsRejected(@TempDir Path tmp) {
        Path file = Cli.write(tmp.resolve("cycle.yaml"), """
                models:
                  - id: hyp-a
                    hypothetical: true
                    parent: hyp-b
                    stages: []
                  - id: hyp-b
                    hypothetical: true
                    parent: hyp-a
                    stages: []
                """);

        Cli.Result r = Cli.run("predict", file.toString()).badInput();

        assertThat(r.err()).contains("lineage cycle: hyp-a → hyp-b → hyp-a");
    }

    @Test
    void aDuplicateIdIsRejected(@TempDir Path tmp) {
        Path file = Cli.write(tmp.resolve("dup.yaml"), """
                models:
                  - id: hyp-a
                    hypothetical: true
                    parent: davinci
                    stages: []
                  - id: hyp-a
                    hypothetical: true
                    parent: davinci
                    stages: []
                """);

        Cli.Result r = Cli.run("predict", file.toString()).badInput();

        assertThat(r.err()).contains("dup.yaml:6:").contains("/models/1/id: duplicate model id \"hyp-a\"");
    }

    @Test
    void aDuplicateIdAcrossTwoFilesIsRejected(@TempDir Path tmp) {
        Path one = Cli.write(tmp.resolve("one.yaml"), "id: hyp-a\nhypothetical: true\nparent: davinci\nstages: []\n");
        Path two = Cli.write(tmp.resolve("two.yaml"), "id: hyp-a\nhypothetical: true\nparent: opt-175b\nstages: []\n");

        Cli.Result r = Cli.run("predict", one.toString(), two.toString()).badInput();

        assertThat(r.err()).contains("duplicate model id \"hyp-a\"").contains("one.yaml");
    }

    @Test
    void anEmptyFileIsRejected(@TempDir Path tmp) {
        Path file = Cli.write(tmp.resolve("empty.yaml"), "");

        Cli.Result r = Cli.run("predict", file.toString()).badInput();

        assertThat(r.err()).contains("empty.yaml").contains("empty file");
    }

    @Test
    void aFileModelWithARealModelsIdStandsInForItForTheRun(@TempDir Path tmp) {
        // a model card rewritten as a file keeps the model's own id: it replaces the real model for this run
        Path file = Cli.write(tmp.resolve("real.yaml"), "id: davinci\nhypothetical: true\nparent: opt-175b\nstages: []\n");

        Cli.Result r = Cli.run("predict", file.toString());

        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.err()).contains("note: davinci from ").contains("stands in for the knowledge base's model davinci for this run");
        assertThat(r.out()).contains("parent: opt-175b").contains("davinci  (hypothetical: predicted by the rules)");
        Cli.Result withIt = Cli.run("abilities", "text-davinci-001", "--with", file.toString(), "--format", "json");
        assertThat(withIt.code()).as(withIt.err()).isZero();
        assertThat(withIt.err()).contains("stands in for the knowledge base's model davinci");
        // add saves models: it still refuses a real model's id
        Cli.Result add = Cli.run("add", file.toString(), "--facts", TestKit.copyDir(TestKit.FACTS, tmp.resolve("facts")).toString()).badInput();
        assertThat(add.err()).contains("\"davinci\" is a real model of the knowledge base; give the hypothetical model an id of its own");
    }

    @Test
    void aModelByFlagsMayNotReuseARealModelsIdEither() {
        Cli.Result r = Cli.run("predict", "--name", "davinci", "--parent", "opt-175b").badInput();

        assertThat(r.err()).contains("\"davinci\" is a real model of the knowledge base");
    }

    @Test
    void aFileModelMustSayItIsHypothetical(@TempDir Path tmp) {
        Path file = Cli.write(tmp.resolve("h.yaml"), "id: hyp-z\nparent: opt-175b\nstages: []\n");

        Cli.Result r = Cli.run("predict", file.toString()).badInput();

        assertThat(r.err()).contains("a hypothetical model must say \"hypothetical\": true");
    }

    @Test
    void nothingToPredictIsABadInput() {
        Cli.Result r = Cli.run("predict").badInput();

        assertThat(r.err()).contains("nothing to predict");
    }

    @Test
    void stagesWithoutANameAreABadInput() {
        Cli.Result r = Cli.run("predict", "--parent", "opt-175b", "--stage", "code-training").badInput();

        assertThat(r.err()).contains("add --name ID");
    }

    @Test
    void everyErrorOfTheFlagsIsReportedAtOnce() {
        Cli.Result r = Cli.run("predict", "--name", "x1", "--parent", "opt-175b",
                "--stage", "code-trainig", "--stage", "code-training:tokens=lots").badInput();

        List<String> lines = r.err().lines().filter(l -> !l.isBlank()).toList();
        assertThat(lines).hasSize(2);
        assertThat(lines.get(0)).contains("code-trainig");
        assertThat(lines.get(1)).contains("tokens=lots");
    }
}
