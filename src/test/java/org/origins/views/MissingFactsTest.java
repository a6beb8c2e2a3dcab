package org.origins.views;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.origins.TestKit;
import org.origins.explain.MissingFacts;
import org.origins.kb.Level;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** Unstated is not false: the defaults in force, the undisclosed values, and what other values would change. */
class MissingFactsTest {

    @Test
    void aDefaultIsListedWithTheConclusionsOtherValuesWouldChange() {
        MissingFacts.Result r = MissingFacts.of(TestKit.reasoning(), "mistral-7b", 100_000, true);

        assertThat(r.undetermined()).as("every missing value of Mistral 7B has a default").isEmpty();
        MissingFacts.Missing tokens = r.missing().stream().filter(m -> m.field().equals("tokens")).findFirst().orElseThrow();
        assertThat(tokens.where()).isEqualTo("mistral-7b#1");
        assertThat(tokens.status()).isEqualTo(MissingFacts.Gap.DEFAULT);
        assertThat(tokens.assumed()).as("released after Llama 2: at least 2T tokens").isEqualTo("2000B tokens");
        assertThat(tokens.source()).startsWith("LLAMA2");
        assertThat(tokens.changes()).anySatisfy(c -> {
            assertThat(c.ability()).isEqualTo("world-knowledge");
            assertThat(c.now()).isEqualTo(Level.PRESENT);
            assertThat(c.then()).as("with LLaMA's 1T the 7B model stays below the broad-knowledge threshold").isEqualTo(Level.WEAK);
        });
    }

    @Test
    void anUndisclosedValueWithoutDefaultLeavesTheAbilityUndetermined() {
        MissingFacts.Result r = MissingFacts.of(TestKit.reasoning(), "guanaco-65b", 100_000, false);

        assertThat(r.missing()).anySatisfy(m -> {
            assertThat(m.where()).isEqualTo("guanaco-65b#1");
            assertThat(m.field()).isEqualTo("examples");
            assertThat(m.status()).isEqualTo(MissingFacts.Gap.UNDISCLOSED);
        });
        assertThat(r.undetermined()).containsEntry("zero-shot-generalization", java.util.List.of(Level.NONE, Level.PRESENT));
        assertThat(r.missing()).noneMatch(m -> m.status() == MissingFacts.Gap.DEFAULT).as("without defaultsToo only what is undisclosed");
    }

    @Test
    void abilitiesAndPredictShowTheMissingFactsTextAndJson(@TempDir Path tmp) throws IOException {
        ViewsTest.Run text = ViewsTest.run("abilities", "wizardlm-13b-v1.2");
        assertThat(text.code()).as(text.err()).isZero();
        assertThat(text.out()).contains("undetermined: none or present; a missing fact decides it (below)")
                .contains("undisclosed (no value and no default: the facts that would decide)")
                .contains("wizardlm-13b-v1.2#1 examples").contains("with examples = 100000: ")
                .contains("assumed (defaults of facts/defaults.json");

        // a model card that leaves the code share out: code and reasoning wait on it
        // (40B on 1T tokens, 2.4e23 FLOP: past the reasoning threshold, so with code chain-of-thought is present)
        Path card = Files.writeString(tmp.resolve("card.yaml"), """
                id: card-40b
                hypothetical: true
                parent: null
                parameters: 40
                stages:
                  - kind: pretraining
                    sources: [USER]
                    tokens: 1000
                """);
        JsonNode json = new ObjectMapper().readTree(ViewsTest.run("predict", card.toString(), "--format", "json").out());
        JsonNode table = json.path("models").get(0).path("abilities");
        JsonNode cot = null;
        for (JsonNode a : table.path("abilities")) {
            if (a.path("ability").asText().equals("chain-of-thought")) {
                cot = a;
            }
        }
        assertThat(cot.path("level").asText()).as("the level the stated facts give").isEqualTo("none");
        assertThat(cot.path("undetermined").toString()).isEqualTo("[\"none\",\"present\"]");
        assertThat(table.path("missing").toString()).contains("\"field\":\"codeShare\"").contains("\"status\":\"undisclosed\"")
                .contains("\"field\":\"objective\"").contains("\"status\":\"default\"");
    }
}
