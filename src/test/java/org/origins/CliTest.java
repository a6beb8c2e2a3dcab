package org.origins;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.origins.cli.Main;
import org.origins.kb.ModelRecord;
import org.origins.scenario.ScenarioLoader;

import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** The command line as a user meets it: exit codes, what goes to stdout and what to stderr. */
class CliTest {

    private static List<String> modelIds() {
        return TestKit.kb().models().stream().map(ModelRecord::id).toList();
    }

    @Test
    void modelsListsEveryModel() {
        Cli.Result r = Cli.run("models");

        assertThat(r.code()).as(r.err()).isZero();
        assertThat(modelIds()).hasSize(TestKit.realModelCount());
        assertThat(r.out()).contains(modelIds());
        assertThat(r.out()).contains(TestKit.realModelCount() + " models");
        assertThat(r.out()).contains("code-davinci-002", "text-davinci-003", "palm-540b", "flan-t5-xxl");
    }

    @Test
    void abilitiesShowsLevelAndDecidingRule() {
        Cli.Result r = Cli.run("abilities", "code-davinci-002");

        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.row("chain-of-thought")).contains("strong").contains("code.training-at-scale-gives-strong-chain-of-thought")
                .contains("code-davinci-002#1");
        assertThat(r.row("instruction-following")).contains("none");
        assertThat(r.out()).contains("lineage.base-probably-not-parent");
    }

    @Test
    void whyTakesAChineseAbilityName() {
        Cli.Result r = Cli.run("why", "text-davinci-003", "上下文学习", "--view", "essay");

        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("text-davinci-003 · in-context-learning").contains("上下文学习")
                .contains("rule pretraining.scale-gives-in-context-learning");
    }

    @Test
    void whyTakesAnAliasAndWritesJson() throws Exception {
        Cli.Result r = Cli.run("why", "code-davinci-002", "CoT", "--format", "json");

        assertThat(r.code()).as(r.err()).isZero();
        JsonNode root = new ObjectMapper().readTree(r.out());
        assertThat(root.path("schema").asText()).isEqualTo("origins.why/1");
        assertThat(root.path("model").asText()).isEqualTo("code-davinci-002");
        assertThat(root.path("ability").asText()).isEqualTo("chain-of-thought");
        assertThat(root.path("level").asText()).isEqualTo("strong");
    }

    @Test
    void anUnknownModelIsABadInputWithASuggestion() {
        Cli.Result r = Cli.run("why", "davinci-02", "chain-of-thought");

        assertThat(r.code()).isEqualTo(Main.BAD_INPUT).isEqualTo(2);
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).contains("unknown model \"davinci-02\"").contains("did you mean");
        Matcher m = Pattern.compile("did you mean \"([^\"]+)\"").matcher(r.err());
        assertThat(m.find()).as(r.err()).isTrue();
        assertThat(modelIds()).contains(m.group(1));
        assertThat(m.group(1)).contains("davinci");
        r.noStackTrace();
    }

    @Test
    void aMisspeltAbilitySuggestsTheRightOne() {
        Cli.Result r = Cli.run("why", "davinci", "chain-of-thougt");

        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("unknown ability \"chain-of-thougt\"").contains("did you mean \"chain-of-thought\"");
        r.noStackTrace();
    }

    @Test
    void whyWithoutArgumentsShowsUsage() {
        Cli.Result none = Cli.run("why");
        assertThat(none.code()).isEqualTo(2);
        assertThat(none.err()).contains("Missing required parameters: 'MODEL', 'ABILITY'").contains("Usage: origins why");

        Cli.Result one = Cli.run("why", "davinci");
        assertThat(one.code()).isEqualTo(2);
        assertThat(one.err()).contains("Missing required parameter: 'ABILITY'").contains("Usage: origins why");
        none.noStackTrace();
        one.noStackTrace();
    }

    @Test
    void matrixShowsEveryModel() {
        Cli.Result r = Cli.run("matrix");

        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains(modelIds());
        assertThat(r.row("davinci")).isNotEqualTo(r.row("code-davinci-002"));
    }

    @Test
    void testRunsEveryScenarioAndPasses() {
        int expectations = ScenarioLoader.load(ScenarioLoader.files(TestKit.RULES.resolve("tests")), TestKit.kb(),
                TestKit.rules()).stream().mapToInt(s -> s.expectations().size()).sum();

        Cli.Result r = Cli.run("test");

        assertThat(r.code()).as(r.out() + r.err()).isZero();
        List<String> lines = Arrays.stream(r.out().split("\n")).filter(l -> !l.isBlank()).toList();
        assertThat(lines.get(lines.size() - 1)).isEqualTo(expectations + " passed, 0 failed");
        assertThat(expectations).isGreaterThanOrEqualTo(66);
    }

    @Test
    void aMissingFactsFolderIsNamed() {
        Cli.Result r = Cli.run("models", "--facts", "/nonexistent");

        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("/nonexistent").contains("facts directory not found");
        r.noStackTrace();
    }

    @Test
    void optionsBeforeTheSubcommandAreAUsageError() {
        // --facts belongs to the subcommands; before one, picocli rejects it (still naming the folder)
        Cli.Result r = Cli.run("--facts", "/nonexistent", "models");

        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("Unknown options").contains("/nonexistent");
        r.noStackTrace();
    }

    @Test
    void assumingTheOtherCodeShareKeepsPalmsReasoning() {
        Cli.Result r = Cli.run("abilities", "palm-540b", "--assume", "palm-540b.codeShare=8%", "--view", "essay");

        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.row("chain-of-thought")).contains("present").contains("code.pretraining-share-gives-chain-of-thought");
    }

    @Test
    void assumingInstructionTuningGivesCodeDavinci002InstructionFollowing() {
        Cli.Result before = Cli.run("abilities", "code-davinci-002");
        Cli.Result after = Cli.run("abilities", "code-davinci-002", "--assume", "code-davinci-002.instructionTuned=true");

        assertThat(after.code()).as(after.err()).isZero();
        assertThat(before.row("instruction-following")).contains("none");
        assertThat(after.row("instruction-following")).doesNotContain("none").contains("strong")
                .contains("code-davinci-002#2");
    }

    @Test
    void aMisspeltAssumptionFieldSuggestsTheRightOne() {
        Cli.Result r = Cli.run("abilities", "palm-540b", "--assume", "palm-540b.codeShar=8%");

        assertThat(r.code()).isEqualTo(2);
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).contains("unknown field \"codeShar\"").contains("did you mean \"codeShare\"");
        r.noStackTrace();
    }

    @Test
    void aBadAssumptionValueSaysAShareWasExpected() {
        Cli.Result r = Cli.run("abilities", "palm-540b", "--assume", "palm-540b.codeShare=lots");

        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("expected a share").contains("\"lots\"");
        r.noStackTrace();
    }
}
