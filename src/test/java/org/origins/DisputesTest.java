package org.origins;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** `origins disputes`: every disputed fact, its alternatives, and what each alternative would change. */
class DisputesTest {
    private static JsonNode root;

    @BeforeAll
    static void runOnce() {
        root = Cli.run("disputes", "--format", "json").json();
    }

    private static JsonNode dispute(String field) {
        return Cli.list(root.path("disputes")).stream().filter(d -> d.path("field").asText().equals(field)).findFirst()
                .orElseThrow(() -> new AssertionError("no dispute " + field));
    }

    private static JsonNode onlyAlternative(String field) {
        List<JsonNode> alternatives = Cli.list(dispute(field).path("alternatives"));
        assertThat(alternatives).as("alternatives of %s", field).hasSize(1);
        return alternatives.get(0);
    }

    private static JsonNode change(JsonNode alternative, String model, String ability) {
        return Cli.list(alternative.path("changes")).stream()
                .filter(c -> c.path("model").asText().equals(model) && c.path("ability").asText().equals(ability)).findFirst()
                .orElseThrow(() -> new AssertionError("no change of " + model + " " + ability + " in " + alternative));
    }

    @Test
    void listsExactlyTheSevenDisputedFacts() {
        assertThat(root.path("schema").asText()).isEqualTo("origins.disputes/1");
        assertThat(Cli.list(root.path("disputes"))).extracting(d -> d.path("field").asText()).containsExactlyInAnyOrder(
                "code-davinci-002.contextLength",
                "code-davinci-002.instructionTuned",
                "text-davinci-003.parent",
                "chatgpt.parent",
                "palm-540b#1.codeShare",
                "flan-palm-540b#1.computeShare",
                "lamda-137b#1.tokens");
    }

    @Test
    void thePublishedValueIsChosenOverTheEssaysInference() {
        JsonNode palm = dispute("palm-540b#1.codeShare");
        assertThat(palm.path("model").asText()).isEqualTo("palm-540b");
        assertThat(palm.path("chosen").asText()).isEqualTo("5%");
        assertThat(palm.path("chosenSource").asText()).isEqualTo("PALM Table 2, published");
        JsonNode td3 = dispute("text-davinci-003.parent");
        assertThat(td3.path("chosen").asText()).isEqualTo("text-davinci-002");
        assertThat(td3.path("chosenSource").asText()).endsWith("published");
    }

    @Test
    void palmsOtherCodeShareChangesNothing() {
        JsonNode alt = onlyAlternative("palm-540b#1.codeShare");

        assertThat(alt.path("value").asText()).isEqualTo("8%");
        assertThat(alt.path("source").asText()).isEqualTo("ESSAY §3.2, inferred");
        assertThat(alt.path("assume").asText()).isEqualTo("palm-540b#1.codeShare=0.08");
        assertThat(Cli.list(alt.path("changes"))).isEmpty();
        assertThat(Cli.list(alt.path("otherChanges"))).isEmpty();
    }

    @Test
    void textDavinci003TrainedFromCodeDavinci002WouldKeepStrongInContextLearning() {
        JsonNode alt = onlyAlternative("text-davinci-003.parent");

        assertThat(alt.path("value").asText()).isEqualTo("code-davinci-002");
        assertThat(alt.path("assume").asText()).isEqualTo("text-davinci-003.parent=code-davinci-002");
        JsonNode icl = change(alt, "text-davinci-003", "in-context-learning");
        assertThat(icl.path("before").asText()).isEqualTo("present");
        assertThat(icl.path("after").asText()).isEqualTo("strong");
        assertThat(Cli.texts(icl.path("lost")))
                .contains("instruction.supervised-tuning-trades-away-in-context-learning at text-davinci-002#1 feedme");
        JsonNode cot = change(alt, "text-davinci-003", "chain-of-thought");
        assertThat(cot.path("before").asText()).isEqualTo("present");
        assertThat(cot.path("after").asText()).isEqualTo("strong");
        // only text-davinci-003 changes: no other model is trained from it
        assertThat(Cli.list(alt.path("changes"))).extracting(c -> c.path("model").asText()).containsOnly("text-davinci-003");
    }

    @Test
    void theShownAssumptionReallyChangesTheAbility() {
        JsonNode alt = onlyAlternative("text-davinci-003.parent");
        Cli.Result before = Cli.run("abilities", "text-davinci-003");
        Cli.Result after = Cli.run("abilities", "text-davinci-003", "--assume", alt.path("assume").asText());

        assertThat(after.code()).as(after.err()).isZero();
        assertThat(before.row("in-context-learning")).contains("present");
        assertThat(after.row("in-context-learning")).contains("strong");
    }

    @Test
    void everyShownAssumptionIsAccepted() {
        for (JsonNode d : Cli.list(root.path("disputes"))) {
            for (JsonNode alt : Cli.list(d.path("alternatives"))) {
                String assume = alt.path("assume").asText();
                Cli.Result r = Cli.run("abilities", d.path("model").asText(), "--assume", assume);
                assertThat(r.code()).as("--assume %s: %s", assume, r.err()).isZero();
            }
        }
    }

    @Test
    void chatgptsOtherParentGivesStrongReasoning() {
        JsonNode alt = onlyAlternative("chatgpt.parent");

        JsonNode cot = change(alt, "chatgpt", "chain-of-thought");
        assertThat(cot.path("before").asText()).isEqualTo("present");
        assertThat(cot.path("after").asText()).isEqualTo("strong");
        assertThat(Cli.texts(cot.path("lost"))).containsExactly("instruction.supervised-tuning-weakens-reasoning at text-davinci-002#1 feedme");
    }

    @Test
    void codeDavinci002InstructionTunedWouldChangeItsDescendantsToo() {
        JsonNode alt = onlyAlternative("code-davinci-002.instructionTuned");

        assertThat(alt.path("value").asText()).isEqualTo("true");
        assertThat(change(alt, "code-davinci-002", "instruction-following").path("after").asText()).isEqualTo("strong");
        assertThat(change(alt, "code-davinci-002", "chain-of-thought").path("before").asText()).isEqualTo("strong");
        assertThat(change(alt, "code-davinci-002", "chain-of-thought").path("after").asText()).isEqualTo("present");
        assertThat(change(alt, "text-davinci-002", "chain-of-thought").path("after").asText()).isEqualTo("weak");
    }

    @Test
    void theTextEndsWithTheCount() {
        Cli.Result r = Cli.run("disputes");

        assertThat(r.code()).as(r.err()).isZero();
        List<String> lines = r.lines();
        assertThat(lines.get(lines.size() - 1)).isEqualTo("7 disputed facts");
        assertThat(r.out()).contains("--assume text-davinci-003.parent=code-davinci-002")
                .contains("text-davinci-003 in-context-learning: present → strong")
                .contains("--assume palm-540b#1.codeShare=0.08");
    }
}
