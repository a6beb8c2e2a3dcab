package org.origins;

import org.junit.jupiter.api.Test;
import org.origins.explain.AbilityProof;
import org.origins.explain.FieldNote;
import org.origins.explain.ProofNode;
import org.origins.explain.WhyQuery;
import org.origins.facts.Stage;
import org.origins.io.InputException;
import org.origins.kb.KnowledgeBase;
import org.origins.kb.Level;
import org.origins.reasoning.Assumptions;
import org.origins.reasoning.Reasoner;
import org.origins.reasoning.Reasoning;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

/** What-if runs: --assume MODEL.FIELD=VALUE changes the premises, and the conclusions follow. */
class AssumptionsTest {

    private static Reasoning assuming(String... texts) {
        KnowledgeBase kb = TestKit.kb();
        return Reasoner.run(Assumptions.parse(kb, List.of(texts)).apply(kb), TestKit.rules());
    }

    private static List<String> history(Reasoning r, String model) {
        return r.history(model).stream().map(Stage::id).toList();
    }

    @Test
    void assumingCodeDavinci002WasInstructionTunedGivesItInstructionFollowing() {
        Reasoning before = TestKit.reasoning();
        assertThat(history(before, "code-davinci-002")).containsExactly("davinci#1", "code-davinci-002#1");
        assertThat(before.level("code-davinci-002", "instruction-following")).isEqualTo(Level.NONE);

        Reasoning after = assuming("code-davinci-002.instructionTuned=true");

        assertThat(history(after, "code-davinci-002"))
                .containsExactly("davinci#1", "code-davinci-002#1", "code-davinci-002#2");
        assertThat(after.history("code-davinci-002").get(2).kind()).isEqualTo("supervised-instruction-tuning");
        assertThat(after.level("code-davinci-002", "instruction-following")).isGreaterThanOrEqualTo(Level.PRESENT)
                .isEqualTo(Level.STRONG);
    }

    @Test
    void anAssumptionIsParsedAgainstTheKnowledgeBase() {
        Assumptions a = Assumptions.parse(TestKit.kb(), List.of("palm-540b.codeShare=8%", "code-davinci-002.instructionTuned=yes"));

        assertThat(a.items()).extracting(Assumptions.Assumption::model, Assumptions.Assumption::stage,
                Assumptions.Assumption::field, Assumptions.Assumption::value).containsExactly(
                tuple("palm-540b", 1, "codeShare", 0.08),
                tuple("code-davinci-002", 2, "present", true));
    }

    @Test
    void assumingTextDavinci003CameStraightFromCodeDavinci002KeepsItsInContextLearningStrong() {
        Reasoning before = TestKit.reasoning();
        Reasoning after = assuming("text-davinci-003.parent=code-davinci-002");

        // As published, text-davinci-003 descends from text-davinci-002, whose supervised feedme stage
        // trades in-context learning away (strong -> weak); RLHF with the LM mix then restores it to present.
        assertThat(history(before, "text-davinci-003")).contains("text-davinci-002#1");
        assertThat(before.level("text-davinci-003", "in-context-learning")).isEqualTo(Level.PRESENT);

        // With code-davinci-002 as its parent the feedme stage leaves the history: nothing trades the strong
        // in-context learning of the text-and-code blend away, and the restoring RLHF stage changes nothing.
        assertThat(history(after, "text-davinci-003")).containsExactly("davinci#1", "code-davinci-002#1",
                "text-davinci-003#1", "text-davinci-003#2");
        assertThat(after.level("text-davinci-003", "in-context-learning")).isEqualTo(Level.STRONG)
                .isNotEqualTo(before.level("text-davinci-003", "in-context-learning"));
        // the assumption touches only text-davinci-003's branch
        assertThat(after.level("text-davinci-002", "in-context-learning")).isEqualTo(Level.WEAK);
    }

    @Test
    void assumingPalmsOtherCodeShareKeepsChainOfThoughtPresent() {
        // the essay's rule reads the code share itself (the default view's reads the code tokens it adds up to)
        KnowledgeBase kb = TestKit.kb();
        Reasoning r = Reasoner.run(Assumptions.parse(kb, List.of("palm-540b.codeShare=0.08")).apply(kb),
                TestKit.rules().inView(org.origins.rules.View.ESSAY));

        assertThat(TestKit.essayReasoning().level("palm-540b", "chain-of-thought")).isEqualTo(Level.PRESENT);
        assertThat(r.level("palm-540b", "chain-of-thought")).isEqualTo(Level.PRESENT);

        AbilityProof p = WhyQuery.why(r, "palm-540b", "chain-of-thought", 50);
        FieldNote codeShare = p.steps().get(0).because().get(0).premises().stream()
                .filter(ProofNode.Stated.class::isInstance).map(ProofNode.Stated.class::cast)
                .flatMap(s -> s.fields().stream()).filter(f -> f.field().equals("codeShare")).findFirst().orElseThrow();
        assertThat(codeShare.value()).isEqualTo("8%");
        assertThat(codeShare.assumed()).isTrue();
    }

    @Test
    void aParentThatClosesACycleIsRefused() {
        assertThatThrownBy(() -> Assumptions.parse(TestKit.kb(), List.of("davinci.parent=text-davinci-003")))
                .isInstanceOf(InputException.class)
                .hasMessageContaining("cycle")
                .hasMessageContaining("davinci.parent=text-davinci-003");
    }
}
