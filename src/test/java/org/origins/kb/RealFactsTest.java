package org.origins.kb;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The project's real facts/: they load cleanly and the disputed fields choose as documented. */
class RealFactsTest {
    private static KnowledgeBase kb;

    @BeforeAll
    static void load() {
        kb = KbLoader.load(FactsCopy.REAL_FACTS);
    }

    private static StageRecord stage(String model, int order) {
        return kb.require(model).stages().get(order - 1);
    }

    @Test
    void realFactsHaveNoProblems() {
        List<Problem> problems = KbLoader.check(FactsCopy.REAL_FACTS);

        assertThat(problems).as("problems: %s", problems).isEmpty();
    }

    @Test
    void realFactsHoldEveryModelFileAndTheEssaysTwenty() {
        assertThat(kb.models()).extracting(ModelRecord::id).hasSize(org.origins.TestKit.realModelCount())
                .containsAll(org.origins.TestKit.ESSAY_MODELS);
    }

    @Test
    void realFactsHoldFourteenAbilities() {
        assertThat(kb.abilities()).extracting(Ability::id).hasSize(14).containsExactly(
                "language-generation", "world-knowledge", "in-context-learning", "instruction-following",
                "zero-shot-generalization", "code-understanding", "code-generation", "chain-of-thought",
                "long-range-dependency", "informative-responses", "impartial-responses", "refuses-improper-questions",
                "refuses-out-of-knowledge", "dialogue");
    }

    @Test
    void everyChosenParentIsAModelOfTheKnowledgeBase() {
        assertThat(kb.models()).allSatisfy(m -> {
            String parent = m.parent().value();
            if (parent != null) {
                assertThat(kb.model(parent)).as("parent %s of %s", parent, m.id()).isPresent();
            }
        });
    }

    @Test
    void parentsComeBeforeTheirChildren() {
        List<String> order = kb.models().stream().map(ModelRecord::id).toList();

        assertThat(order.indexOf("davinci")).isLessThan(order.indexOf("text-davinci-001"));
        assertThat(order.indexOf("text-davinci-002")).isLessThan(order.indexOf("text-davinci-003"));
        assertThat(order.indexOf("palm-540b")).isLessThan(order.indexOf("flan-palm-540b"));
    }

    @Test
    void palmPretrainingCodeShareChoosesThePaperOverTheEssay() {
        Field<Double> codeShare = stage("palm-540b", 1).codeShare();

        assertThat(stage("palm-540b", 1).kind()).isEqualTo("pretraining");
        assertThat(codeShare.value()).isEqualTo(0.05);
        assertThat(codeShare.chosen()).get().extracting(Statement::source).isEqualTo("PALM");
        assertThat(codeShare.isDisputed()).isTrue();
        assertThat(codeShare.alternatives()).extracting(Statement::value).containsExactly(0.08);
        assertThat(codeShare.alternatives()).extracting(Statement::where).containsExactly("§3.2");
        assertThat(codeShare.values()).containsExactly(0.05, 0.08);
    }

    @Test
    void codeDavinci002ContextLengthChoosesThePublished8001() {
        Field<Integer> context = kb.require("code-davinci-002").contextLength();

        assertThat(context.value()).isEqualTo(8001);
        assertThat(context.chosen()).get().extracting(Statement::source).isEqualTo("OPENAI_MODELS_DOC");
        assertThat(context.isDisputed()).isTrue();
        assertThat(context.alternatives()).extracting(Statement::value).containsExactly(8192);
    }

    @Test
    void codeDavinci002InstructionTuningIsNotPresentByDefault() {
        StageRecord second = stage("code-davinci-002", 2);

        assertThat(second.kind()).isEqualTo("supervised-instruction-tuning");
        assertThat(second.assumeAs()).isEqualTo("instructionTuned");
        assertThat(second.present().value()).isFalse();
        assertThat(second.present().isDisputed()).isTrue();
        assertThat(second.present().alternatives()).extracting(Statement::value).containsExactly(true);
        assertThat(second.isPresent()).isFalse();
        assertThat(stage("code-davinci-002", 1).isPresent()).isTrue();
    }

    @Test
    void textDavinci003ParentIsTextDavinci002() {
        Field<String> parent = kb.require("text-davinci-003").parent();

        assertThat(parent.value()).isEqualTo("text-davinci-002");
        assertThat(parent.chosen()).get().extracting(Statement::status).isEqualTo(Status.PUBLISHED);
        assertThat(parent.alternatives()).extracting(Statement::value).containsExactly("code-davinci-002");
        assertThat(kb.parentOf(kb.require("text-davinci-003"))).get().extracting(ModelRecord::id)
                .isEqualTo("text-davinci-002");
    }

    @Test
    void chatgptParentIsTextDavinci002BecauseAValueBeatsUndisclosed() {
        Field<String> parent = kb.require("chatgpt").parent();

        assertThat(parent.statements().get(0).value()).isNull();
        assertThat(parent.value()).isEqualTo("text-davinci-002");
        assertThat(parent.chosen()).get().extracting(Statement::where).isEqualTo("figure");
        assertThat(parent.values()).containsExactly("text-davinci-002", "code-davinci-002");
    }

    @Test
    void flanPalmComputeShareIsThePapersTwoThousandths() {
        Field<Double> computeShare = stage("flan-palm-540b", 1).computeShare();

        assertThat(computeShare.value()).isEqualTo(0.002);
        assertThat(computeShare.alternatives()).extracting(Statement::value).containsExactly(0.004);
    }

    @Test
    void bareStageAttributesTakeTheStagesSource() {
        StageRecord flan = stage("flan-palm-540b", 1);

        assertThat(flan.tasks().value()).isEqualTo(1836);
        assertThat(flan.tokens().value()).isEqualTo(1.4);
        assertThat(flan.tokens().chosen()).get().extracting(Statement::source, Statement::where, Statement::status)
                .containsExactly("FLANPALM", "§2", Status.PUBLISHED);
        assertThat(flan.mixture()).containsExactly("exemplars", "chain-of-thought");
    }

    @Test
    void undisclosedParametersAreNotDisputed() {
        Field<Double> parameters = kb.require("code-davinci-002").parameters();

        assertThat(parameters.value()).isNull();
        assertThat(parameters.isPresent()).isFalse();
        assertThat(parameters.isDisputed()).isFalse();
        assertThat(parameters.alternatives()).isEmpty();
    }

    @Test
    void codeDavinci002ChosenParentIsTheEssaysDavinciOverTheUndisclosedBase() {
        Field<String> parent = kb.require("code-davinci-002").parent();

        assertThat(parent.statements()).extracting(Statement::value).containsExactly(null, "davinci");
        assertThat(parent.value()).isEqualTo("davinci");
        assertThat(parent.chosen()).get().extracting(Statement::status).isEqualTo(Status.INFERRED);
        assertThat(parent.isDisputed()).isFalse();
    }

    @Test
    void chainFollowsChosenParentsFromTheRoot() {
        assertThat(kb.chain("text-davinci-003")).extracting(ModelRecord::id)
                .containsExactly("davinci", "code-davinci-002", "text-davinci-002", "text-davinci-003");
        assertThat(kb.chain("flan-palm-540b")).extracting(ModelRecord::id)
                .containsExactly("palm-540b", "flan-palm-540b");
    }
}
