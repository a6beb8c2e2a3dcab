package org.origins;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.origins.explain.WhyNot;
import org.origins.explain.WhyNotQuery;
import org.origins.kb.Level;
import org.origins.reasoning.Reasoner;
import org.origins.reasoning.Reasoning;
import org.origins.rules.RuleBase;
import org.origins.rules.RuleCompiler;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** `origins why-not --view essay`: the candidate rules come from the rule base, each judged on the model's own lineage (the essay's cases). */
class WhyNotTest {
    private static final long MAX_FIRINGS = 100_000;

    private static WhyNot whyNot(String model, String ability, Level target) {
        return WhyNotQuery.whyNot(TestKit.essayReasoning(), model, ability, target, MAX_FIRINGS);
    }

    private static WhyNot.Candidate candidate(WhyNot w, String rule) {
        return w.candidates().stream().filter(c -> c.rule().equals(rule)).findFirst()
                .orElseThrow(() -> new AssertionError("no candidate " + rule + " among "
                        + w.candidates().stream().map(WhyNot.Candidate::rule).toList()));
    }

    private static WhyNot.ConditionCheck failing(WhyNot.Candidate c) {
        List<WhyNot.ConditionCheck> fails = c.conditions().stream().filter(k -> k.state() == WhyNot.ConditionState.FAILS).toList();
        assertThat(fails).as("failing conditions of %s", c.rule()).hasSize(1);
        return fails.get(0);
    }

    /**
     * Regression: when several facts missed a condition alike (t0-11b has two pretraining stages before its tuning),
     * the one named was the first the engine happened to fire on, which differed from one run to the next.
     * Now it is the model's own earliest.
     */
    @Test
    void ofSeveralNearMissesTheEarliestOfTheModelsOwnIsNamed() {
        WhyNot w = whyNot("t0-11b", "zero-shot-generalization", Level.STRONG);

        assertThat(failing(candidate(w, "instruction.tuning-after-code-gives-strong-zero-shot")).nearMiss())
                .startsWith("order: t0-11b#1 pretraining comes before t0-11b#3 supervised-instruction-tuning");
    }

    // ---- chatgpt · dialogue: strong, the level asked about ------------------------------------------------

    /**
     * Regression: the text said "it already has it at strong or above" while Markdown said "below strong"
     * and "no rule can raise dialogue above strong", and the graphs "strong, not strong". The answer now
     * carries the verdict, and every format shows it.
     */
    @ParameterizedTest
    @ValueSource(strings = {"text", "markdown", "mermaid", "dot", "json"})
    void aModelThatAlreadyHasTheAbilityAtTheLevelSaysSoInEveryFormat(String format) {
        WhyNot w = whyNot("chatgpt", "dialogue", null);
        assertThat(w.verdict()).isEqualTo(WhyNot.Verdict.HAS_IT);
        assertThat(w.candidates()).isEmpty();

        Cli.Result r = Cli.run("why-not", "chatgpt", "dialogue", "--format", format);

        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).containsAnyOf("already has it at strong or above", "\"verdict\" : \"has-it\"")
                .doesNotContain("below strong").doesNotContain("not strong").doesNotContain("can raise");
    }

    // ---- davinci · chain-of-thought: none ----------------------------------------------------------------

    @Test
    void davinciLacksChainOfThoughtAndEveryCandidateIsBlocked() {
        WhyNot w = whyNot("davinci", "chain-of-thought", null);

        assertThat(w.schema()).isEqualTo("origins.why-not/1");
        assertThat(w.model()).isEqualTo("davinci");
        assertThat(w.hypothetical()).isFalse();
        assertThat(w.level()).isEqualTo(Level.NONE);
        assertThat(w.target()).as("lacking: the question is whether it has it at all").isEqualTo(Level.WEAK);
        assertThat(w.currentLevelFrom()).isEmpty();
        assertThat(w.candidates()).extracting(WhyNot.Candidate::rule).contains(
                "code.training-gives-chain-of-thought",
                "code.training-at-scale-gives-strong-chain-of-thought",
                "code.pretraining-share-gives-chain-of-thought",
                "instruction.tuning-at-scale-surfaces-weak-reasoning");
        for (String rule : List.of("code.training-gives-chain-of-thought", "code.training-at-scale-gives-strong-chain-of-thought",
                "code.pretraining-share-gives-chain-of-thought", "instruction.tuning-at-scale-surfaces-weak-reasoning")) {
            WhyNot.Candidate c = candidate(w, rule);
            assertThat(c.status()).as("status of %s", rule).isEqualTo(WhyNot.CandidateState.BLOCKED);
            assertThat(c.firedAt()).as("%s never fired for davinci", rule).isNull();
            assertThat(c.overriddenBy()).isEmpty();
        }
        assertThat(candidate(w, "code.training-gives-chain-of-thought").concludes()).isEqualTo("gives weak");
        assertThat(candidate(w, "code.training-at-scale-gives-strong-chain-of-thought").concludes()).isEqualTo("gives strong");
        assertThat(candidate(w, "code.pretraining-share-gives-chain-of-thought").concludes()).isEqualTo("gives present");
    }

    @Test
    void theCodeTrainingRuleFailsOnItsStagePattern() {
        WhyNot.Candidate c = candidate(whyNot("davinci", "chain-of-thought", null), "code.training-gives-chain-of-thought");

        assertThat(c.location()).startsWith("rules/code.drl:");
        assertThat(c.conditions()).hasSize(1);
        WhyNot.ConditionCheck k = failing(c);
        assertThat(k.condition()).isEqualTo("$s : Stage( kinds contains \"code-training\" )");
        assertThat(k.failingConstraint()).isEqualTo("kinds contains \"code-training\"");
        assertThat(k.matched()).isNull();
        assertThat(k.location()).startsWith("rules/code.drl:");
        assertThat(k.nearMiss()).isEqualTo("stage davinci#1 pretraining, whose kinds is pretraining");
        assertThat(c.needs()).contains("code-training").contains("lineage of davinci")
                .isEqualTo("a training stage in the lineage of davinci with kinds contains \"code-training\"");
    }

    @Test
    void theStrongCodeRuleFailsOnItsFirstConditionAndNeverReachesTheSecond() {
        WhyNot.Candidate c = candidate(whyNot("davinci", "chain-of-thought", null),
                "code.training-at-scale-gives-strong-chain-of-thought");

        assertThat(c.conditions()).extracting(WhyNot.ConditionCheck::state).containsExactly(WhyNot.ConditionState.FAILS, WhyNot.ConditionState.NOT_REACHED);
        assertThat(c.conditions().get(0).failingConstraint()).isEqualTo("kinds contains \"code-training\"");
        assertThat(c.conditions().get(1).condition()).isEqualTo("Model( id == $m, parameters >= 100 )");
        assertThat(c.conditions().get(1).failingConstraint()).isNull();
        assertThat(c.needs()).contains("code-training").contains("lineage of davinci");
    }

    @Test
    void thePretrainingShareRuleIsANearMissOnCodeShare() {
        WhyNot.Candidate c = candidate(whyNot("davinci", "chain-of-thought", null), "code.pretraining-share-gives-chain-of-thought");

        WhyNot.ConditionCheck k = failing(c);
        assertThat(k.condition()).isEqualTo("$s : Stage( kinds contains \"pretraining\", codeShare >= 0.05 )");
        assertThat(k.failingConstraint()).as("kinds contains \"pretraining\" matches davinci#1; the share does not")
                .isEqualTo("codeShare >= 0.05");
        assertThat(k.nearMiss()).contains("davinci#1 pretraining").contains("codeShare is 0%");
        assertThat(c.needs()).isEqualTo("a training stage in the lineage of davinci with kinds contains \"pretraining\" "
                + "and codeShare >= 0.05");
    }

    // ---- text-davinci-001 · chain-of-thought: weak, asked about strong ---------------------------------------

    @Test
    void textDavinci001HasWeakReasoningFromInstructionTuningAndLacksCodeForStrong() {
        WhyNot w = whyNot("text-davinci-001", "chain-of-thought", null);

        assertThat(w.level()).isEqualTo(Level.WEAK);
        assertThat(w.target()).as("has it: the question is why not strong").isEqualTo(Level.STRONG);
        assertThat(w.currentLevelFrom()).singleElement().asString()
                .contains("text-davinci-001#1 feedme")
                .contains("instruction.tuning-at-scale-surfaces-weak-reasoning");
        WhyNot.Candidate strong = candidate(w, "code.training-at-scale-gives-strong-chain-of-thought");
        assertThat(strong.status()).isEqualTo(WhyNot.CandidateState.BLOCKED);
        assertThat(failing(strong).failingConstraint()).isEqualTo("kinds contains \"code-training\"");
        assertThat(failing(strong).nearMiss()).contains("text-davinci-001#1 feedme");
        assertThat(strong.needs()).contains("code-training").contains("lineage of text-davinci-001");
        // a rule that only gives weak cannot raise a weak ability: it is no candidate
        assertThat(w.candidates()).extracting(WhyNot.Candidate::rule)
                .doesNotContain("code.training-gives-chain-of-thought", "instruction.tuning-at-scale-surfaces-weak-reasoning")
                .contains("code.pretraining-share-gives-chain-of-thought");
    }

    // ---- chatgpt · in-context-learning: weak, a rule that fired and was overridden --------------------------

    @Test
    void chatgptInContextLearningWasGivenByPretrainingAndOverriddenByInstructionTuning() {
        WhyNot w = whyNot("chatgpt", "in-context-learning", null);

        assertThat(w.level()).isEqualTo(Level.WEAK);
        assertThat(w.target()).isEqualTo(Level.STRONG);
        WhyNot.Candidate scale = candidate(w, "pretraining.scale-gives-in-context-learning");
        assertThat(scale.status()).isEqualTo(WhyNot.CandidateState.OVERRIDDEN);
        assertThat(scale.firedAt()).isEqualTo("davinci#1 pretraining: none → present");
        assertThat(scale.overriddenBy()).anySatisfy(o -> assertThat(o)
                .contains("instruction.supervised-tuning-trades-away-in-context-learning")
                .contains("text-davinci-002#1 feedme"));
        assertThat(scale.needs()).isNull();
        // every condition of a rule that fired matched, and shows the fact that matched it
        assertThat(scale.conditions()).extracting(WhyNot.ConditionCheck::state).containsOnly(WhyNot.ConditionState.MATCHED);
        assertThat(scale.conditions()).extracting(WhyNot.ConditionCheck::matched)
                .containsExactly("stage davinci#1 pretraining", "model davinci");
    }

    @Test
    void chatgptLacksTheLmMixThatRestoresInContextLearning() {
        WhyNot.Candidate mix = candidate(whyNot("chatgpt", "in-context-learning", null), "rlhf.lm-mix-restores-in-context-learning");

        assertThat(mix.status()).isEqualTo(WhyNot.CandidateState.BLOCKED);
        assertThat(mix.concludes()).isEqualTo("restores");
        WhyNot.ConditionCheck k = failing(mix);
        assertThat(k.condition()).isEqualTo("$s : Stage( kind == \"rlhf-ppo-with-lm-mix\" )");
        assertThat(k.failingConstraint()).isEqualTo("kind == \"rlhf-ppo-with-lm-mix\"");
        assertThat(k.nearMiss()).isEqualTo("stage chatgpt#1 dialogue-tuning, whose kind is dialogue-tuning");
        assertThat(mix.needs()).isEqualTo("a training stage in the lineage of chatgpt with kind == \"rlhf-ppo-with-lm-mix\"");
    }

    // ---- the command line ----------------------------------------------------------------------------------

    @Test
    void theCommandWritesTheSameAnswerAsJson() {
        JsonNode root = Cli.run("why-not", "chatgpt", "ICL", "--format", "json", "--view", "essay").json();

        assertThat(root.path("schema").asText()).isEqualTo("origins.why-not/1");
        assertThat(root.path("model").asText()).isEqualTo("chatgpt");
        assertThat(root.path("ability").asText()).isEqualTo("in-context-learning");
        assertThat(root.path("level").asText()).isEqualTo("weak");
        assertThat(root.path("target").asText()).isEqualTo("strong");
        assertThat(root.path("verdict").asText()).isEqualTo("below");
        JsonNode mix = Cli.list(root.path("candidates")).stream()
                .filter(c -> c.path("rule").asText().equals("rlhf.lm-mix-restores-in-context-learning")).findFirst().orElseThrow();
        assertThat(mix.path("status").asText()).isEqualTo("blocked");
        assertThat(mix.path("conditions").get(0).path("failingConstraint").asText()).isEqualTo("kind == \"rlhf-ppo-with-lm-mix\"");
    }

    @Test
    void theTextShowsBlockedAndOverriddenRules() {
        Cli.Result r = Cli.run("why-not", "chatgpt", "in-context-learning", "--view", "essay");

        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("chatgpt · in-context-learning: weak")
                .contains("↯ pretraining.scale-gives-in-context-learning")
                .contains("✓ matched: stage davinci#1 pretraining")
                .contains("overridden by text-davinci-002#1 feedme")
                .contains("✗ rlhf.lm-mix-restores-in-context-learning")
                .contains("fails at `kind == \"rlhf-ppo-with-lm-mix\"`");
    }

    @Test
    void levelStrongIsTheTargetAskedAbout() {
        JsonNode root = Cli.run("why-not", "davinci", "chain-of-thought", "--level", "strong", "--format", "json", "--view", "essay").json();

        assertThat(root.path("level").asText()).isEqualTo("none");
        assertThat(root.path("target").asText()).isEqualTo("strong");
        assertThat(Cli.list(root.path("candidates")).stream().map(c -> c.path("rule").asText()))
                .contains("code.training-at-scale-gives-strong-chain-of-thought", "code.training-gives-chain-of-thought");
        assertThat(WhyNotQuery.whyNot(TestKit.essayReasoning(), "davinci", "chain-of-thought", Level.STRONG, MAX_FIRINGS).target())
                .isEqualTo(Level.STRONG);
    }

    @Test
    void aBogusLevelIsABadInput() {
        Cli.Result r = Cli.run("why-not", "davinci", "chain-of-thought", "--level", "bogus", "--view", "essay").badInput();

        assertThat(r.err()).contains("--level must be weak, present or strong, found \"bogus\"");
    }

    @Test
    void levelNoneIsABadInputToo() {
        Cli.Result r = Cli.run("why-not", "davinci", "chain-of-thought", "--level", "none", "--view", "essay").badInput();

        assertThat(r.err()).contains("--level must be weak, present or strong, found \"none\"");
    }

    // ---- candidates come from the rule base itself ---------------------------------------------------------

    private static final String EXTRA_RULE = """
            package org.origins.rules;

            import org.origins.facts.Stage;
            import org.origins.facts.Effect;

            rule "extra.dialogue-tuning-gives-chain-of-thought"
                @id("extra.dialogue-tuning-gives-chain-of-thought")
                @claim("A test rule: tuning on conversations gives some step-by-step reasoning.")
                @grade("hypothesis")
                @source("ESSAY §4")
                @cites("C21")
            when
                $s : Stage( kind == "dialogue-tuning" )
            then
                insertLogical(Effect.gives($s, "chain-of-thought", "weak"));
            end
            """;

    @Test
    void aRuleAddedToTheRuleBaseBecomesACandidate(@TempDir Path tmp) {
        Path rulesDir = TestKit.copyDir(TestKit.RULES, tmp.resolve("rules"));
        Cli.write(rulesDir.resolve("extra.drl"), EXTRA_RULE);
        RuleBase rules = RuleCompiler.compile(rulesDir).inView(org.origins.rules.View.ESSAY);
        Reasoning r = Reasoner.run(TestKit.kb(), rules);

        WhyNot w = WhyNotQuery.whyNot(r, "davinci", "chain-of-thought", null, MAX_FIRINGS);

        WhyNot.Candidate extra = candidate(w, "extra.dialogue-tuning-gives-chain-of-thought");
        assertThat(extra.status()).isEqualTo(WhyNot.CandidateState.BLOCKED);
        assertThat(extra.concludes()).isEqualTo("gives weak");
        assertThat(extra.location()).endsWith("extra.drl:6");
        assertThat(failing(extra).failingConstraint()).isEqualTo("kind == \"dialogue-tuning\"");
        assertThat(extra.needs()).isEqualTo("a training stage in the lineage of davinci with kind == \"dialogue-tuning\"");
        // the other candidates are still there, and the real rule base knows nothing of the extra rule
        assertThat(w.candidates()).extracting(WhyNot.Candidate::rule).contains("code.training-gives-chain-of-thought");
        assertThat(whyNot("davinci", "chain-of-thought", null).candidates()).extracting(WhyNot.Candidate::rule)
                .doesNotContain("extra.dialogue-tuning-gives-chain-of-thought");
    }

    // ---- bugs ----------------------------------------------------------------------------------------------

    @Test
    void aModelThatHasTheAbilityAtTheTargetIsNotBelowIt() {
        Cli.Result r = Cli.run("why-not", "code-davinci-002", "chain-of-thought", "--view", "essay");

        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("code-davinci-002 · chain-of-thought: strong").doesNotContain("below strong");
    }

    @Test
    void anExplicitLevelAlreadyReachedIsNotReportedAsBelow() {
        Cli.Result r = Cli.run("why-not", "text-davinci-001", "chain-of-thought", "--level", "weak", "--view", "essay");

        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("text-davinci-001 · chain-of-thought: weak").doesNotContain("below weak");
    }
}
