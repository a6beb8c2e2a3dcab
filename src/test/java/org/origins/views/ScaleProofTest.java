package org.origins.views;

import org.junit.jupiter.api.Test;
import org.origins.TestKit;
import org.origins.explain.AbilityProof;
import org.origins.explain.FieldNote;
import org.origins.explain.ProofNode;
import org.origins.explain.RuleStep;
import org.origins.explain.WhyQuery;
import org.origins.facts.Compute;
import org.origins.facts.Model;
import org.origins.kb.Grade;
import org.origins.kb.KnowledgeBase;
import org.origins.reasoning.Assumptions;
import org.origins.reasoning.Reasoner;
import org.origins.reasoning.Reasoning;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The scale facts of the default view: compute derived by a rule, shown in proofs with where its numbers come from. */
class ScaleProofTest {

    private static Compute compute(Reasoning r, String model) {
        return r.derived(Compute.class).stream().filter(c -> c.model().equals(model)).findFirst()
                .orElseThrow(() -> new AssertionError("no compute for " + model));
    }

    @Test
    void computeIsSixTimesParametersTimesTokens() {
        Compute c = compute(TestKit.reasoning(), "chinchilla-70b");

        assertThat(c.flops()).isCloseTo(6 * 70e9 * 1400e9, within(1e18));
        assertThat(c.tokensPerParameter()).isCloseTo(20, within(0.01));
        assertThat(c.formula()).isEqualTo("≈ 5.9e23 FLOP = 6 × 70B × 1.4T tokens");
        assertThat(Compute.scientific(9.96e22)).isEqualTo("1e23");
        assertThat(Compute.billions(0.35)).isEqualTo("350M");
        assertThat(Compute.billions(6.7)).isEqualTo("6.7B");
    }

    @Test
    void computeAccumulatesAlongTheLineage() {
        Reasoning r = TestKit.reasoning();
        // Code Llama 7B: Llama 2 7B's 2T tokens of pretraining, then 500B of code training
        assertThat(compute(r, "code-llama-7b").tokens()).isEqualTo(2500);
        assertThat(compute(r, "llama-2-7b").tokens()).isEqualTo(2000);
        // a tuned model has received its parent's training: tuning without stated tokens adds nothing
        assertThat(compute(r, "llama-2-7b-chat").flops()).isEqualTo(compute(r, "llama-2-7b").flops());
    }

    @Test
    void theProofShowsTheComputeItsSourcesAndTheThreshold() {
        AbilityProof p = WhyQuery.why(TestKit.reasoning(), "llama-2-70b", "chain-of-thought", 50);

        List<String> facts = new ArrayList<>();
        List<RuleStep> rules = new ArrayList<>();
        p.steps().forEach(s -> s.because().forEach(r -> collect(r, facts, rules)));
        assertThat(rules).extracting(RuleStep::rule).contains("code.scale-and-code-give-chain-of-thought", "scale.reasoning",
                "scale.training-compute");
        assertThat(facts).anySatisfy(f -> assertThat(f).contains("compute of llama-2-70b: ≈ 8.4e23 FLOP = 6 × 70B × 2T tokens"))
                .anySatisfy(f -> assertThat(f).contains("threshold reasoning: compute 8.4e23 ≥ 2e23 FLOP: reached"));
        assertThat(rules).filteredOn(r -> r.rule().equals("scale.reasoning")).first()
                .satisfies(r -> assertThat(r.source()).contains("COT Table 2"));
        // Llama 2's code share is not published: the default (5%) makes the code tokens an educated guess
        assertThat(p.grade()).isEqualTo(Grade.EDUCATED_GUESS);
    }

    private static void collect(RuleStep r, List<String> facts, List<RuleStep> rules) {
        rules.add(r);
        for (ProofNode n : r.premises()) {
            if (n instanceof ProofNode.Derived d) {
                facts.add(d.fact());
                d.justifications().forEach(j -> collect(j, facts, rules));
            } else if (n instanceof ProofNode.Stated s) {
                facts.add(s.fact() + " " + s.fields().stream().map(FieldNote::value).toList());
            }
        }
    }

    @Test
    void aDefaultIsShownAsAnEducatedGuessAndAnAssumptionReplacesIt() {
        Reasoning r = TestKit.reasoning();
        Model mistral = r.stated().models().stream().filter(m -> m.id().equals("mistral-7b")).findFirst().orElseThrow();
        // Mistral 7B's tokens are undisclosed; from July 2023 on, at least 2T tokens (Llama 2 §2.1)
        assertThat(mistral.trainedTokens()).isEqualTo(2000);
        var origin = r.origin(r.stated().stages().stream().filter(s -> s.model().equals("mistral-7b")).findFirst().orElseThrow());
        assertThat(origin.fields().get("tokens").chosen().status().id()).isEqualTo("default");
        assertThat(origin.fields().get("tokens").chosen().source()).isEqualTo("LLAMA2");
        assertThat(origin.fields().get("tokens").grade()).isEqualTo(Grade.EDUCATED_GUESS);

        KnowledgeBase kb = TestKit.kb();
        Reasoning assumed = Reasoner.run(Assumptions.parse(kb, List.of("mistral-7b.tokens=8000")).apply(kb), TestKit.rules());
        assertThat(compute(assumed, "mistral-7b").tokens()).isEqualTo(8000);
        // a model id with a dot: the field is the last name before "=" (regression: such ids were rejected)
        Reasoning dotted = Reasoner.run(Assumptions.parse(kb, List.of("gpt-3-6.7b.tokens=1000")).apply(kb), TestKit.rules());
        assertThat(compute(dotted, "gpt-3-6.7b").tokens()).isEqualTo(1000);
    }

    @Test
    void thePretrainingObjectiveDefaultsToALanguageModelsAndCanBeAssumed() {
        KnowledgeBase kb = TestKit.kb();
        // ChatGLM2's file leaves the objective out (GLM's objective fits no value of the schema)
        Reasoning r = TestKit.reasoning();
        assertThat(r.stated().stages().stream().filter(s -> s.model().equals("chatglm2-6b") && s.order() == 1).findFirst()
                .orElseThrow().objective()).isEqualTo("causal-lm");
        Reasoning denoising = Reasoner.run(Assumptions.parse(kb, List.of("chatglm2-6b#1.objective=span-corruption")).apply(kb),
                TestKit.rules());
        assertThat(denoising.stated().stages().stream().filter(s -> s.model().equals("chatglm2-6b") && s.order() == 1).findFirst()
                .orElseThrow().objective()).isEqualTo("span-corruption");
    }
}
