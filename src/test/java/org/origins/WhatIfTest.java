package org.origins;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.origins.kb.ModelRecord;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** `origins what-if`: counterfactual training, re-derived; only what changed is printed. */
class WhatIfTest {
    private static JsonNode change(JsonNode whatIf, String model, String ability) {
        return Cli.list(whatIf.path("changes")).stream()
                .filter(c -> c.path("model").asText().equals(model) && c.path("ability").asText().equals(ability)).findFirst()
                .orElseThrow(() -> new AssertionError("no change of " + model + " " + ability + " in " + whatIf.path("changes")));
    }

    /** The model and every model of the knowledge base trained from it, directly or not. */
    private static Set<String> selfAndDescendants(String root) {
        Set<String> out = new HashSet<>(Set.of(root));
        boolean grew = true;
        while (grew) {
            grew = false;
            for (ModelRecord m : TestKit.kb().models()) {
                String parent = m.parent() == null ? null : m.parent().value();
                if (parent != null && out.contains(parent) && out.add(m.id())) {
                    grew = true;
                }
            }
        }
        return out;
    }

    @Test
    void withoutTheLmMixTextDavinci003LosesInContextLearning() {
        JsonNode root = Cli.run("what-if", "text-davinci-003", "--without-stage", "rlhf-ppo-with-lm-mix", "--format", "json").json();

        assertThat(root.path("schema").asText()).isEqualTo("origins.what-if/1");
        assertThat(root.path("model").asText()).isEqualTo("text-davinci-003");
        assertThat(Cli.texts(root.path("trainingChanges"))).containsExactly("without text-davinci-003#2 rlhf-ppo-with-lm-mix");
        assertThat(Cli.list(root.path("changes"))).hasSize(1);
        JsonNode icl = change(root, "text-davinci-003", "in-context-learning");
        assertThat(icl.path("before").asText()).isEqualTo("present");
        assertThat(icl.path("after").asText()).isEqualTo("weak");
        assertThat(Cli.texts(icl.path("lost")))
                .containsExactly("rlhf.lm-mix-restores-in-context-learning at text-davinci-003#2 rlhf-ppo-with-lm-mix");
        assertThat(Cli.texts(icl.path("gained"))).isEmpty();
        assertThat(Cli.texts(root.path("otherChanges")))
                .contains("no longer: mechanism: in-context-learning unlocked by text-davinci-003#2 rlhf-ppo-with-lm-mix");
    }

    @Test
    void aStageMayBeRemovedByItsNumber() {
        JsonNode byKind = Cli.run("what-if", "text-davinci-003", "--without-stage", "rlhf-ppo-with-lm-mix", "--format", "json").json();
        JsonNode byNumber = Cli.run("what-if", "text-davinci-003", "--without-stage", "2", "--format", "json").json();

        assertThat(byNumber.path("changes")).isEqualTo(byKind.path("changes"));
        assertThat(byNumber.path("trainingChanges")).isEqualTo(byKind.path("trainingChanges"));
    }

    @Test
    void theTextNamesTheLostRule() {
        Cli.Result r = Cli.run("what-if", "text-davinci-003", "--without-stage", "rlhf-ppo-with-lm-mix");

        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).startsWith("what if text-davinci-003: without text-davinci-003#2 rlhf-ppo-with-lm-mix")
                .contains("text-davinci-003 in-context-learning: present → weak")
                .contains("no longer: rlhf.lm-mix-restores-in-context-learning at text-davinci-003#2 rlhf-ppo-with-lm-mix");
    }

    @Test
    void codeTrainingDavinciGivesItStrongReasoningAndChangesItsDescendants() {
        JsonNode root = Cli.run("what-if", "davinci", "--with-stage", "code-training", "--format", "json").json();

        assertThat(Cli.texts(root.path("trainingChanges"))).containsExactly("with davinci#2 code-training");
        JsonNode cot = change(root, "davinci", "chain-of-thought");
        assertThat(cot.path("before").asText()).isEqualTo("none");
        assertThat(cot.path("after").asText()).isEqualTo("strong");
        assertThat(Cli.texts(cot.path("gained")))
                .containsExactly("code.training-at-scale-gives-strong-chain-of-thought at davinci#2 code-training");
        assertThat(change(root, "davinci", "code-generation").path("after").asText()).isEqualTo("strong");

        JsonNode beta = change(root, "davinci-instruct-beta", "chain-of-thought");
        assertThat(beta.path("before").asText()).isEqualTo("weak");
        assertThat(beta.path("after").asText()).isEqualTo("present");
        assertThat(Cli.texts(beta.path("lost")))
                .containsExactly("instruction.tuning-at-scale-surfaces-weak-reasoning at davinci-instruct-beta#1 supervised-instruction-tuning");
        JsonNode td1 = change(root, "text-davinci-001", "chain-of-thought");
        assertThat(td1.path("before").asText()).isEqualTo("weak");
        assertThat(td1.path("after").asText()).isEqualTo("present");
        assertThat(Cli.texts(td1.path("gained"))).contains("code.training-at-scale-gives-strong-chain-of-thought at davinci#2 code-training",
                "instruction.supervised-tuning-weakens-reasoning at text-davinci-001#1 feedme");
        assertThat(change(root, "text-davinci-001", "instruction-following").path("after").asText()).isEqualTo("strong");

        Set<String> changed = new HashSet<>(Cli.list(root.path("changes")).stream().map(c -> c.path("model").asText()).toList());
        assertThat(changed).contains("davinci", "davinci-instruct-beta", "text-davinci-001")
                .as("only davinci and models trained from it change").isSubsetOf(selfAndDescendants("davinci"));
        // models that were code-trained already are unchanged
        assertThat(changed).doesNotContain("code-davinci-002", "text-davinci-002", "opt-175b");
    }

    @Test
    void theWhatIfAgreesWithTheAbilitiesOfTheRealCodeTrainedChild() {
        // davinci + code training is what code-davinci-001 is: the same chain-of-thought
        JsonNode root = Cli.run("what-if", "davinci", "--with-stage", "code-training", "--format", "json").json();

        assertThat(change(root, "davinci", "chain-of-thought").path("after").asText())
                .isEqualTo(TestKit.reasoning().level("code-davinci-001", "chain-of-thought").id());
    }

    @Test
    void anUnknownStageToRemoveListsTheModelsStages() {
        Cli.Result r = Cli.run("what-if", "text-davinci-003", "--without-stage", "pretraining").badInput();

        assertThat(r.err()).contains("--without-stage pretraining: text-davinci-003 has no stage of its own like that")
                .contains("its stages: #1 rlhf-ppo, #2 rlhf-ppo-with-lm-mix");
    }

    @Test
    void anUnknownStageNumberListsTheModelsStages() {
        Cli.Result r = Cli.run("what-if", "text-davinci-003", "--without-stage", "7").badInput();

        assertThat(r.err()).contains("its stages: #1 rlhf-ppo, #2 rlhf-ppo-with-lm-mix");
    }

    @Test
    void noChangeRequestedIsABadInput() {
        Cli.Result r = Cli.run("what-if", "text-davinci-003").badInput();

        assertThat(r.err()).contains("what-if needs a change: --without-stage, --with-stage or --set");
    }

    @Test
    void aMisspeltStageToAddSuggestsTheKind() {
        Cli.Result r = Cli.run("what-if", "davinci", "--with-stage", "code-trainig").badInput();

        assertThat(r.err()).contains("unknown stage kind \"code-trainig\"").contains("did you mean \"code-training\"");
    }

    @Test
    void aBadStageToAddIsReportedUnderTheOptionTheUserGave() {
        Cli.Result r = Cli.run("what-if", "davinci", "--with-stage", "code-trainig").badInput();

        assertThat(r.err()).contains("--with-stage code-trainig");
    }

    @Test
    void anUnknownModelIsABadInput() {
        Cli.Result r = Cli.run("what-if", "davinci-02", "--with-stage", "code-training").badInput();

        assertThat(r.err()).contains("unknown model \"davinci-02\"");
    }

    @Test
    void theRealKnowledgeBaseIsUntouchedByAWhatIf() {
        Cli.run("what-if", "davinci", "--with-stage", "code-training", "--format", "json").json();

        List<String> davinciStages = TestKit.kb().require("davinci").stages().stream().map(s -> s.kind()).toList();
        assertThat(davinciStages).containsExactly("pretraining");
        Cli.Result after = Cli.run("abilities", "davinci");
        assertThat(after.row("chain-of-thought")).contains("none");
    }
}
