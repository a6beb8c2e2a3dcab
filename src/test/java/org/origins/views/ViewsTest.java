package org.origins.views;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.origins.TestKit;
import org.origins.cli.Main;
import org.origins.kb.Level;
import org.origins.reasoning.Reasoner;
import org.origins.reasoning.Reasoning;
import org.origins.rules.RuleBase;
import org.origins.rules.RuleCompiler;
import org.origins.rules.RuleInfo;
import org.origins.rules.View;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** Two views of one rule base: the essay's rules alone, or all of them with the later rules revising the essay's. */
class ViewsTest {
    record Run(int code, String out, String err) {
        JsonNode json() throws IOException {
            assertThat(code).as(err).isZero();
            return new ObjectMapper().readTree(out);
        }
    }

    static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true), false);
        return new Run(code, out.toString(), err.toString());
    }

    @Test
    void theEssayViewHasTheEssaysRulesAloneAndTheDefaultViewLeavesOutWhatIsSuperseded() {
        RuleBase all = TestKit.rules();
        RuleBase essay = all.inView(View.ESSAY);
        assertThat(all.view()).isEqualTo(View.DEFAULT);
        assertThat(essay.activeRules()).isNotEmpty().noneMatch(all::isLater);
        assertThat(essay.activeRules()).extracting(RuleInfo::id).contains("code.pretraining-share-gives-chain-of-thought");
        assertThat(all.activeRules()).extracting(RuleInfo::id).contains("scale.training-compute", "code.scale-and-code-give-chain-of-thought")
                .doesNotContain("code.pretraining-share-gives-chain-of-thought", "instruction.many-tasks-give-zero-shot");
        assertThat(all.supersededBy("code.pretraining-share-gives-chain-of-thought")).extracting(RuleInfo::id)
                .containsExactly("code.scale-and-code-give-chain-of-thought");
        // every later rule carries its own source, never the essay's alone
        assertThat(all.rules()).filteredOn(all::isLater).allSatisfy(r -> assertThat(r.source()).isNotBlank()
                .doesNotStartWith("ESSAY"));
        // the rule base is one: both views share the compiled rules
        assertThat(essay.kieBase()).isSameAs(all.kieBase());
        assertThat(essay.rules()).isEqualTo(all.rules());
    }

    @Test
    void theViewsAnswerDifferentlyWhereLaterPapersRevisedTheEssay() {
        Reasoning essay = TestKit.essayReasoning();
        Reasoning now = TestKit.reasoning();
        // Codex 12B: code gives some reasoning at any size (essay); chain-of-thought needs large scale (Wei et al. 2022)
        assertThat(essay.level("code-cushman-001", "chain-of-thought")).isEqualTo(Level.WEAK);
        assertThat(now.level("code-cushman-001", "chain-of-thought")).isEqualTo(Level.NONE);
        // no scale fact exists in the essay view
        assertThat(essay.derived(org.origins.facts.Compute.class)).isEmpty();
        assertThat(now.derived(org.origins.facts.Compute.class)).isNotEmpty();
    }

    @Test
    void everyQueryCommandTakesTheView() throws IOException {
        JsonNode essay = run("abilities", "code-cushman-001", "--view", "essay", "--format", "json").json();
        JsonNode now = run("abilities", "code-cushman-001", "--format", "json").json();

        assertThat(level(essay, "chain-of-thought")).isEqualTo("weak");
        assertThat(level(now, "chain-of-thought")).isEqualTo("none");
        assertThat(run("why", "code-cushman-001", "chain-of-thought", "--view", "ESSAY").out())
                .contains("rule code.training-gives-chain-of-thought");
        Run bad = run("why", "davinci", "chain-of-thought", "--view", "later");
        assertThat(bad.code()).isEqualTo(2);
        assertThat(bad.err()).contains("--view").contains("essay").contains("default");
    }

    /** Regression: why-not listed the essay rules the default view leaves out, as if they could still fire. */
    @Test
    void whyNotListsTheRulesOfItsViewOnly() {
        Run now = run("why-not", "code-cushman-001", "chain-of-thought");
        assertThat(now.out()).contains("code.scale-and-code-give-chain-of-thought")
                .doesNotContain("code.training-gives-chain-of-thought").doesNotContain("code.pretraining-share-gives-chain-of-thought");
        Run essay = run("why-not", "code-cushman-001", "chain-of-thought", "--view", "essay", "--level", "strong");
        assertThat(essay.out()).contains("code.training-at-scale-gives-strong-chain-of-thought")
                .doesNotContain("code.scale-and-code-give-chain-of-thought");
    }

    private static String level(JsonNode table, String ability) {
        for (JsonNode a : table.path("abilities")) {
            if (a.path("ability").asText().equals(ability)) {
                return a.path("level").asText();
            }
        }
        throw new AssertionError("no " + ability);
    }

    @Test
    void aScenarioChoosesItsView(@TempDir Path tmp) throws IOException {
        Path file = tmp.resolve("views.yaml");
        Files.writeString(file, """
                scenarios:
                  - name: the essay's Codex reasons a little
                    view: essay
                    expect:
                      - code-cushman-001 chain-of-thought = weak
                  - name: later papers say it needs scale
                    expect:
                      - code-cushman-001 chain-of-thought = none
                """);
        Run r = run("test", file.toString());
        assertThat(r.code()).as(r.out() + r.err()).isZero();
        assertThat(r.out()).contains("2 passed, 0 failed");

        Files.writeString(file, "scenarios:\n  - name: x\n    view: essai\n    expect:\n      - davinci chain-of-thought = none\n");
        Run bad = run("test", file.toString());
        assertThat(bad.code()).isEqualTo(2);
        assertThat(bad.err()).contains("views.yaml").contains("\"view\" must be essay or default, found \"essai\"");
    }

    // ---- lint ----------------------------------------------------------------------------------------------

    private static final String LATER = """
            package org.origins.rules;

            import org.origins.facts.Stage;
            import org.origins.facts.Effect;
            import org.origins.facts.Threshold;

            rule "test.later"
                @id("test.later")
                @claim("A test rule.")
                @grade("hypothesis")
                @source(%s)
                @view(%s)
                @supersedes(%s)
            when
                $s : Stage( kinds contains "pretraining", $m : model )
                Threshold( model == $m, name == %s, reached )
            then
                insertLogical(Effect.gives($s, "dialogue", "weak"));
            end
            """;

    private Run checkWith(Path tmp, String source, String view, String supersedes, String threshold) throws IOException {
        Path rules = TestKit.copyDir(TestKit.RULES, tmp.resolve("rules"));
        Files.writeString(rules.resolve("test.drl"), LATER.formatted(source, view, supersedes, threshold));
        return run("check", "--rules", rules.toString());
    }

    @Test
    void aWellFormedLaterRulePassesTheLint(@TempDir Path tmp) throws IOException {
        Run r = checkWith(tmp, "\"COT Table 2\"", "\"later\"", "\"code.training-gives-chain-of-thought\"", "\"large-scale\"");
        assertThat(r.out()).as(r.out()).contains("check: 0 error(s)");
    }

    @Test
    void theLintNamesEveryMistakeOfAViewAtItsRule(@TempDir Path tmp) throws IOException {
        Run unknownView = checkWith(tmp.resolve("a"), "\"COT Table 2\"", "\"latter\"", "\"code.training-gives-chain-of-thought\"",
                "\"large-scale\"");
        assertThat(unknownView.code()).isEqualTo(1);
        assertThat(unknownView.out()).contains("test.drl:7: rule \"test.later\": @view(\"latter\") is not a view")
                .contains("only a rule of the later view (@view(\"later\")) can supersede an essay rule");

        Run noTarget = checkWith(tmp.resolve("b"), "\"COT Table 2\"", "\"later\"", "\"code.training-gives-chain-of-thougt\"",
                "\"large-scale\"");
        assertThat(noTarget.out()).contains("@supersedes names no rule \"code.training-gives-chain-of-thougt\"")
                .contains("did you mean \"code.training-gives-chain-of-thought\"");

        Run laterTarget = checkWith(tmp.resolve("c"), "\"COT Table 2\"", "\"later\"", "\"scale.large-scale\"", "\"large-scale\"");
        assertThat(laterTarget.out()).contains("@supersedes names \"scale.large-scale\", a later rule");

        Run noPlace = checkWith(tmp.resolve("d"), "\"COT\"", "\"later\"", "\"code.training-gives-chain-of-thought\"", "\"large-scale\"");
        assertThat(noPlace.out()).contains("@source of a later rule names the place in each source").contains("\"COT\" has none");

        Run threshold = checkWith(tmp.resolve("e"), "\"COT Table 2\"", "\"later\"", "\"code.training-gives-chain-of-thought\"",
                "\"large-scal\"");
        assertThat(threshold.out()).contains("test.drl:16:").contains("no rule defines the threshold \"large-scal\"")
                .contains("did you mean \"large-scale\"?");
    }
}
