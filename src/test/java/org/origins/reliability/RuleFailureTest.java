package org.origins.reliability;

import org.origins.TestKit;
import org.origins.Cli;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.origins.io.Problem;
import org.origins.kb.KbLoader;
import org.origins.kb.KnowledgeBase;
import org.origins.reasoning.Reasoner;
import org.origins.reasoning.RuleFailure;
import org.origins.rules.RuleCompiler;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * A rule whose right-hand side throws ({@code Effect.gives($s, "chain-of-thought", "very-strong")}:
 * the Effect factory rejects the unknown level): every command names the rule id, its file and
 * line, and the model, exits 2 and prints no answer, since the other conclusions are incomplete.
 */
class RuleFailureTest {
    private static final Pattern MODEL = Pattern.compile("for model ([\\w.-]+):");

    private static Path rulesDir;
    private static KnowledgeBase kb;

    @BeforeAll
    static void rules(@TempDir Path tmp) {
        rulesDir = TestKit.copyDir(Run.RULES, tmp.resolve("rules"));
        Run.write(rulesDir.resolve("rhs-throws.drl"), Run.corpus("rules/rhs-throws.drl"));
        kb = KbLoader.load(Run.FACTS);
    }

    /**
     * The model named must be one the rule can match: it has a code-training stage of its own (the predicted
     * x-pred has one by its --stage, and a prediction reasons about its lineage alone).
     */
    private static void namesAModelTheRuleMatched(String message) {
        Matcher m = MODEL.matcher(message);
        assertThat(m.find()).as("the message names the model: %s", message).isTrue();
        if (m.group(1).equals("x-pred")) {
            return;
        }
        assertThat(kb.require(m.group(1)).stages()).as("stages of %s", m.group(1))
                .anySatisfy(s -> assertThat(s.kind()).isEqualTo("code-training"));
    }

    @ParameterizedTest(name = "origins {0}")
    @ValueSource(strings = {"abilities code-cushman-001", "abilities code-davinci-002 --format json", "why code-davinci-002 chain-of-thought",
            "why-not text-davinci-002 chain-of-thought --level strong", "matrix", "models", "compare davinci code-davinci-002",
            "what-if text-davinci-002 --without-stage feedme", "experiments", "disputes", "test",
            "predict --name x-pred --parent davinci --stage code-training:tokens=100B"})
    void everyCommandNamesTheRuleTheFileTheLineAndTheModel(String command) {
        List<String> args = new ArrayList<>(List.of(command.split(" ")));
        args.addAll(List.of("--rules", rulesDir.toString()));

        Cli.Result r = assertTimeoutPreemptively(Duration.ofSeconds(60), () -> Cli.run(args.toArray(String[]::new)));

        r.rejected(2);
        assertThat(r.err()).contains("rhs-throws.drl:7: rule bad.rhs-throws failed in its right-hand side for model ")
                .contains("unknown level \"very-strong\"; expected none, weak, present or strong")
                .contains("no conclusions are reported from an incomplete run");
        namesAModelTheRuleMatched(r.err());
    }

    /**
     * A question about one model is answered from its lineage alone: a rule that never matches there (davinci
     * trains on no code) leaves that answer complete, and it is given; `check` still reports the rule.
     */
    @Test
    void aModelWhoseLineageTheRuleNeverMatchesIsAnswered() {
        Cli.Result r = assertTimeoutPreemptively(Duration.ofSeconds(60), () -> Cli.run("abilities", "davinci", "--rules", rulesDir.toString()));

        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("chain-of-thought").doesNotContain("very-strong");
    }

    @Test
    void checkReportsItAsAProblemOfTheRules() {
        Cli.Result r = assertTimeoutPreemptively(Duration.ofSeconds(60), () -> Cli.run("check", "--rules", rulesDir.toString()));

        assertThat(r.code()).as("exit code; stdout:\n%s\nstderr:\n%s", r.out(), r.err()).isIn(1, 2);
        r.noStackTrace();
        // check's lint finds the unknown level before running the rule: at the literal itself (line 15)
        assertThat(r.out() + r.err()).contains("bad.rhs-throws").contains("very-strong").contains("rhs-throws.drl:15");
    }

    @Test
    void theReasonerThrowsARuleFailureAtTheRule() {
        RuleFailure f = catchThrowableOfType(RuleFailure.class, () -> Reasoner.run(kb, RuleCompiler.compile(rulesDir)));

        assertThat(f).isNotNull();
        Problem p = f.problems().get(0);
        assertThat(p.file().getFileName().toString()).isEqualTo("rhs-throws.drl");
        assertThat(p.line()).isEqualTo(7);
        assertThat(p.message()).startsWith("rule bad.rhs-throws failed in its right-hand side for model ");
        namesAModelTheRuleMatched(p.message());
    }
}
