package org.origins;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** `origins recipe`: the command line, its file, its safety and its bad input. */
class RecipeTest {
    @TempDir
    Path tmp;

    @Test
    void theRecipesFileIsReadByPredictAndEveryModelInItReachesTheTarget() {
        Path file = tmp.resolve("cot.yaml");
        Cli.Result made = Cli.run("recipe", "davinci", "chain-of-thought", "--out", file.toString()).ok();

        assertThat(made.out()).startsWith("davinci · chain-of-thought").contains("recipe 1: davinci-cot-1");
        assertThat(made.err()).contains("wrote " + file);
        JsonNode predicted = Cli.run("predict", file.toString(), "--format", "json").json();
        assertThat(Cli.list(predicted.path("models"))).hasSizeGreaterThanOrEqualTo(1).allSatisfy(m -> assertThat(
                Cli.list(m.path("abilities").path("abilities")).stream().filter(a -> a.path("ability").asText().equals("chain-of-thought"))
                        .findFirst().orElseThrow().path("level").asText()).isIn("present", "strong"));
    }

    @Test
    void theFileIsNotReplacedWithoutForce() {
        Path file = Cli.write(tmp.resolve("mine.yaml"), "my own notes\n");

        Cli.run("recipe", "davinci", "chain-of-thought", "--out", file.toString()).badInput();
        assertThat(Cli.read(file)).isEqualTo("my own notes\n");
        Cli.run("recipe", "davinci", "chain-of-thought", "--out", file.toString(), "--force").ok();
        assertThat(Cli.read(file)).contains("models:").contains("id: davinci-cot-1");
    }

    @Test
    void aJsonFileForANameEndingInJson() throws Exception {
        Path file = tmp.resolve("cot.json");
        Cli.run("recipe", "davinci", "chain-of-thought", "--out", file.toString()).ok();

        assertThat(Cli.JSON.readTree(file.toFile()).path("models").get(0).path("id").asText()).isEqualTo("davinci-cot-1");
    }

    @Test
    void theJsonAnswerHoldsEachRecipesFile() {
        JsonNode r = Cli.run("recipe", "davinci", "chain-of-thought=strong", "--format", "json").json();

        assertThat(r.path("schema").asText()).isEqualTo("origins.recipe/1");
        assertThat(r.path("verdict").asText()).isEqualTo("found");
        JsonNode first = r.path("recipes").get(0);
        assertThat(first.path("level").asText()).isEqualTo("strong");
        assertThat(first.path("file").path("parent").asText()).isEqualTo("davinci");
        assertThat(first.path("file").path("stages").get(0).path("kind").asText()).isEqualTo("code-training");
    }

    @Test
    void explainShowsTheProofOfEachRecipe() {
        String out = Cli.run("recipe", "davinci", "chain-of-thought=strong", "--explain").ok().out();

        assertThat(out).contains("davinci-cot-1 · chain-of-thought").contains("rule code.training-at-scale-gives-strong-chain-of-thought");
    }

    @Test
    void necessaryListsWhatTheAbilityNeeds() {
        JsonNode n = Cli.run("recipe", "code-davinci-002", "chain-of-thought", "--necessary", "--format", "json").json();

        assertThat(n.path("schema").asText()).isEqualTo("origins.recipe-necessary/1");
        assertThat(Cli.list(n.path("necessary")).stream().map(i -> i.path("what").asText()))
                .contains("code-davinci-002#1 code-training");
    }

    @Test
    void badInputIsRefusedWithAReason() {
        assertThat(Cli.run("recipe", "davinci", "chain-of-thought=none").badInput().err()).contains("weak, present or strong");
        assertThat(Cli.run("recipe", "davinci", "chain-of-thought", "--max-changes", "0").badInput().err()).contains("--max-changes");
        assertThat(Cli.run("recipe", "davinci", "chain-of-thought", "--necessary", "--out", tmp.resolve("x.yaml").toString())
                .badInput().err()).contains("--necessary takes only");
        assertThat(Cli.run("recipe", "davinci", "chain-of-thougt").badInput().err()).contains("chain-of-thought");
        assertThat(Files.exists(tmp.resolve("x.yaml"))).isFalse();
    }

    /** A rule that fails on a draft is the rules' error, named; not a draft quietly left out. */
    @Test
    void aRuleThatFailsOnADraftIsReported() throws Exception {
        Path rules = TestKit.copyDir(TestKit.RULES, tmp.resolve("rules"));
        Cli.write(rules.resolve("broken.drl"), """
                package org.origins.rules;
                import org.origins.facts.Stage;
                rule "broken.fails-on-many-tasks"
                    @id("broken.fails-on-many-tasks")
                    @claim("Fails.")
                    @grade("hypothesis")
                    @source("ESSAY §1")
                when
                    $s : Stage( tasks >= 30 )
                then
                    if (true) { throw new IllegalStateException("no"); }
                end
                """);

        String err = Cli.run("recipe", "davinci", "zero-shot-generalization", "--rules", rules.toString()).badInput().err();
        assertThat(err).contains("broken.fails-on-many-tasks");
    }

    @Test
    void nothingIsWrittenWhenThereIsNoRecipe() {
        Path file = tmp.resolve("none.yaml");
        Cli.Result r = Cli.run("recipe", "gpt-3-1.3b", "chain-of-thought=strong", "--view", "essay", "--out", file.toString()).ok();

        assertThat(r.out()).contains("no change of at most 3 changes gives it").contains("in the way:");
        assertThat(r.err()).contains("nothing written");
        assertThat(Files.exists(file)).isFalse();
    }
}
