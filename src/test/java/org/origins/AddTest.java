package org.origins;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** `origins add`: hypothetical models saved atomically as facts/hypothetical/ID.json, against a copy of facts/. */
class AddTest {
    @TempDir
    Path tmp;
    Path facts;
    Path hypothetical;

    @BeforeEach
    void copyFacts() {
        facts = Cli.copyDir(TestKit.FACTS, tmp.resolve("facts"));
        hypothetical = facts.resolve("hypothetical");
    }

    private Cli.Result add(String... args) {
        String[] all = new String[args.length + 3];
        all[0] = "add";
        System.arraycopy(args, 0, all, 1, args.length);
        all[args.length + 1] = "--facts";
        all[args.length + 2] = facts.toString();
        return Cli.run(all);
    }

    private Path file(String name, String text) {
        return Cli.write(tmp.resolve(name), text);
    }

    private static final String OPT_CODE = """
            id: opt-code
            hypothetical: true
            parent: opt-175b
            stages:
              - kind: code-training
                sources: [USER]
                tokens: 100
            """;

    @Test
    void savesEachModelAsItsOwnJsonFile() throws IOException {
        assertThat(Cli.names(hypothetical)).isEmpty();

        Cli.Result r = add(file("two.yaml", PredictTest.TWO_MODELS).toString());

        assertThat(r.code()).as(r.err()).isZero();
        assertThat(Cli.names(hypothetical)).containsExactly("opt-code-inst.json", "opt-code.json");
        assertThat(r.out()).contains("saved ").contains("opt-code.json").contains("opt-code-inst.json");
        JsonNode saved = Cli.JSON.readTree(hypothetical.resolve("opt-code.json").toFile());
        assertThat(saved.path("id").asText()).isEqualTo("opt-code");
        assertThat(saved.path("hypothetical").asBoolean()).isTrue();
        assertThat(saved.path("parent").asText()).isEqualTo("opt-175b");
        assertThat(saved.path("stages").get(0).path("kind").asText()).isEqualTo("code-training");
        assertThat(saved.path("stages").get(0).path("codeShare").asDouble()).isEqualTo(0.3);
        assertThat(Files.readString(hypothetical.resolve("opt-code.json"))).endsWith("}\n");
    }

    @Test
    void laterCommandsSeeTheSavedModel() {
        assertThat(add(file("two.yaml", PredictTest.TWO_MODELS).toString()).code()).isZero();

        Cli.Result r = Cli.run("abilities", "opt-code-inst", "--facts", facts.toString());

        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.row("instruction-following")).contains("strong");
        assertThat(r.row("chain-of-thought")).contains("present");
        Cli.Result models = Cli.run("models", "--facts", facts.toString());
        assertThat(models.out()).contains("opt-code-inst").contains((TestKit.realModelCount() + 2) + " models");
    }

    @Test
    void aSecondRunWithoutForceLeavesTheFilesByteIdentical() {
        Path two = file("two.yaml", PredictTest.TWO_MODELS);
        assertThat(add(two.toString()).code()).isZero();
        byte[] before = Cli.bytes(hypothetical.resolve("opt-code.json"));
        byte[] beforeChild = Cli.bytes(hypothetical.resolve("opt-code-inst.json"));
        // the same ids, different content
        Path changed = file("changed.yaml", PredictTest.TWO_MODELS.replace("tasks: 1800", "tasks: 900")
                .replace("codeShare: 0.3", "codeShare: 0.5"));

        Cli.Result r = add(changed.toString()).badInput();

        assertThat(r.err()).contains("a hypothetical model \"opt-code\" is already saved here; use --force to replace it")
                .contains("a hypothetical model \"opt-code-inst\" is already saved here");
        assertThat(Cli.bytes(hypothetical.resolve("opt-code.json"))).isEqualTo(before);
        assertThat(Cli.bytes(hypothetical.resolve("opt-code-inst.json"))).isEqualTo(beforeChild);
        assertThat(Cli.names(hypothetical)).containsExactly("opt-code-inst.json", "opt-code.json");
    }

    @Test
    void forceReplacesTheSavedFile() throws IOException {
        assertThat(add(file("two.yaml", PredictTest.TWO_MODELS).toString()).code()).isZero();
        Path changed = file("changed.yaml", PredictTest.TWO_MODELS.replace("tasks: 1800", "tasks: 900"));

        Cli.Result r = add(changed.toString(), "--force");

        assertThat(r.code()).as(r.err()).isZero();
        JsonNode saved = Cli.JSON.readTree(hypothetical.resolve("opt-code-inst.json").toFile());
        assertThat(saved.path("stages").get(0).path("tasks").asInt()).isEqualTo(900);
        assertThat(Cli.names(hypothetical)).containsExactly("opt-code-inst.json", "opt-code.json");
    }

    @Test
    void oneAlreadySavedModelStopsTheWholeAdd() {
        assertThat(add(file("one.yaml", OPT_CODE).toString()).code()).isZero();
        byte[] before = Cli.bytes(hypothetical.resolve("opt-code.json"));

        add(file("two.yaml", PredictTest.TWO_MODELS).toString()).badInput();

        assertThat(Cli.names(hypothetical)).as("the new model of the file is not saved either").containsExactly("opt-code.json");
        assertThat(Cli.bytes(hypothetical.resolve("opt-code.json"))).isEqualTo(before);
    }

    @Test
    void anInvalidFileWritesNothing() {
        Path bad = file("bad.yaml", PredictTest.TWO_MODELS.replace("kind: supervised-instruction-tuning",
                "kind: supervised-instruction-tunin"));

        Cli.Result r = add(bad.toString()).badInput();

        assertThat(r.err()).contains("bad.yaml").contains("unknown stage kind \"supervised-instruction-tunin\"");
        assertThat(Cli.names(hypothetical)).as("the valid model of the file is not saved either").isEmpty();
    }

    @Test
    void aModelThatIsNotMarkedHypotheticalIsNotSaved() {
        Cli.Result r = add(file("real.yaml", "id: my-model\nparent: opt-175b\nstages: []\n").toString()).badInput();

        assertThat(r.err()).contains("a hypothetical model must say \"hypothetical\": true");
        assertThat(Cli.names(hypothetical)).isEmpty();
    }

    @Test
    void aRealModelsIdIsNotSavedEvenWithForce() {
        Cli.Result r = add(file("d.yaml", "id: davinci\nhypothetical: true\nparent: opt-175b\nstages: []\n").toString(),
                "--force").badInput();

        assertThat(r.err()).contains("\"davinci\" is a real model of the knowledge base");
        assertThat(Cli.names(hypothetical)).isEmpty();
        assertThat(Cli.names(facts.resolve("models"))).contains("davinci.json");
    }

    @Test
    void aJsonFileIsSavedToo() {
        Path json = file("m.json", """
                { "id": "palm-code", "hypothetical": true, "parent": "palm-540b",
                  "stages": [ { "kind": "code-training", "sources": ["USER"] } ] }
                """);

        Cli.Result r = add(json.toString());

        assertThat(r.code()).as(r.err()).isZero();
        assertThat(Cli.names(hypothetical)).containsExactly("palm-code.json");
        assertThat(Cli.run("abilities", "palm-code", "--facts", facts.toString()).row("chain-of-thought")).contains("strong");
    }

    @Test
    void aModelMayBeTrainedFromASavedHypotheticalModel() {
        assertThat(add(file("one.yaml", OPT_CODE).toString()).code()).isZero();
        Path child = file("child.yaml", """
                id: opt-code-child
                hypothetical: true
                parent: opt-code
                stages:
                  - kind: supervised-instruction-tuning
                    sources: [USER]
                    tasks: 900
                """);
        // predict sees the saved parent ...
        assertThat(Cli.run("predict", child.toString(), "--facts", facts.toString()).code()).isZero();

        // ... add should too
        Cli.Result r = add(child.toString());

        assertThat(r.code()).as(r.err()).isZero();
        assertThat(Cli.names(hypothetical)).containsExactly("opt-code-child.json", "opt-code.json");
    }

    @Test
    void noTemporaryFileIsLeftBehind() {
        assertThat(add(file("two.yaml", PredictTest.TWO_MODELS).toString()).code()).isZero();
        assertThat(add(file("two.yaml", PredictTest.TWO_MODELS).toString(), "--force").code()).isZero();

        List<String> names = Cli.names(hypothetical);
        assertThat(names).noneMatch(n -> n.startsWith(".")).containsExactly("opt-code-inst.json", "opt-code.json");
    }
}
