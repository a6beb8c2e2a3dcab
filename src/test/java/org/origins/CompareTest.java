package org.origins;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** `origins compare`: training differences, ability differences, and which training difference explains which. */
class CompareTest {
    private static JsonNode ability(JsonNode compare, String ability) {
        return Cli.list(compare.path("abilities")).stream().filter(a -> a.path("ability").asText().equals(ability)).findFirst()
                .orElseThrow(() -> new AssertionError("no ability difference " + ability + " in " + compare.path("abilities")));
    }

    @Test
    void codeTrainingExplainsTheChainOfThoughtDifference() {
        JsonNode root = Cli.run("compare", "text-davinci-001", "code-davinci-002", "--format", "json").json();

        assertThat(root.path("schema").asText()).isEqualTo("origins.compare/1");
        assertThat(root.path("a").asText()).isEqualTo("text-davinci-001");
        assertThat(root.path("b").asText()).isEqualTo("code-davinci-002");
        assertThat(root.path("commonAncestor").asText()).isEqualTo("davinci");
        JsonNode cot = ability(root, "chain-of-thought");
        assertThat(cot.path("a").asText()).isEqualTo("weak");
        assertThat(cot.path("b").asText()).isEqualTo("strong");
        assertThat(Cli.texts(cot.path("explainedBy")).get(0)).isEqualTo("code-training in code-davinci-002 (code-davinci-002#1)");
        assertThat(Cli.texts(cot.path("steps"))).anySatisfy(s -> assertThat(s)
                .startsWith("code-davinci-002: code-davinci-002#1 code-training gives strong chain-of-thought")
                .contains("code.training-at-scale-gives-strong-chain-of-thought"));
        assertThat(Cli.texts(root.path("onlyB"))).singleElement().asString().startsWith("code-davinci-002#1 code-training");
        assertThat(Cli.texts(root.path("onlyA"))).singleElement().asString().startsWith("text-davinci-001#1 feedme");
    }

    @Test
    void differencesOnlyCodeTrainingExplainsAreExplainedByItAlone() {
        JsonNode root = Cli.run("compare", "text-davinci-001", "code-davinci-002", "--format", "json").json();

        for (String a : new String[] {"code-generation", "code-understanding", "long-range-dependency"}) {
            assertThat(Cli.texts(ability(root, a).path("explainedBy"))).as(a)
                    .containsExactly("code-training in code-davinci-002 (code-davinci-002#1)");
        }
        assertThat(Cli.texts(ability(root, "instruction-following").path("explainedBy")))
                .containsExactly("feedme in text-davinci-001 (text-davinci-001#1)");
        // abilities at the same level are no differences
        assertThat(Cli.list(root.path("abilities"))).extracting(x -> x.path("ability").asText())
                .doesNotContain("language-generation", "world-knowledge", "dialogue");
    }

    @Test
    void theOrderOfTheModelsOnlySwapsTheSides() {
        JsonNode ab = Cli.run("compare", "text-davinci-001", "code-davinci-002", "--format", "json").json();
        JsonNode ba = Cli.run("compare", "code-davinci-002", "text-davinci-001", "--format", "json").json();

        assertThat(ba.path("onlyA")).isEqualTo(ab.path("onlyB"));
        assertThat(ba.path("onlyB")).isEqualTo(ab.path("onlyA"));
        JsonNode cot = ability(ba, "chain-of-thought");
        assertThat(cot.path("a").asText()).isEqualTo("strong");
        assertThat(cot.path("b").asText()).isEqualTo("weak");
        assertThat(Cli.texts(cot.path("explainedBy")).get(0)).isEqualTo("code-training in code-davinci-002 (code-davinci-002#1)");
    }

    @Test
    void theTextShowsTheExplanation() {
        Cli.Result r = Cli.run("compare", "text-davinci-001", "code-davinci-002");

        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).startsWith("text-davinci-001 vs code-davinci-002  (common ancestor: davinci)")
                .contains("only code-davinci-002: code-davinci-002#1 code-training")
                .contains("explained by: code-training in code-davinci-002 (code-davinci-002#1)");
        assertThat(r.row("chain-of-thought")).contains("weak").contains("strong");
    }

    @Test
    void anUnknownModelIsABadInput() {
        Cli.Result r = Cli.run("compare", "text-davinci-001", "code-davinci-02").badInput();

        assertThat(r.err()).contains("unknown model \"code-davinci-02\"").contains("did you mean");
    }
}
