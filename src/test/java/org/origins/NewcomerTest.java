package org.origins;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a new user meets in the first ten minutes, with the README only: the command list, short
 * usage errors, recipes without sources graded like flags, the same place for one mistake in check
 * and test, a clean check --strict, streams that are not plain files.
 */
class NewcomerTest {
    private static final String RECIPE = """
            id: recipe
            hypothetical: true
            parent: opt-175b
            stages:
              - kind: code-training
                tokens: 100B
                codeShare: 30%
              - kind: supervised-instruction-tuning
                tasks: 1800
            """;

    @TempDir
    Path tmp;

    @Test
    void bareOriginsListsTheCommands() {
        Cli.Result r = Cli.run();
        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("Commands:");
        for (String c : new String[] {"why", "why-not", "predict", "add", "check", "test", "shell", "report"}) {
            assertThat(r.out()).containsPattern("(?m)^\\s+" + Pattern.quote(c) + "\\s");
        }
    }

    @Test
    void aBadOptionValueIsOneLineNamingWhatIsAccepted() {
        Cli.Result r = Cli.run("why", "davinci", "chain-of-thought", "--format", "xml").badInput();
        assertThat(r.err()).contains("--format xml: expected one of text, json, mermaid, dot, markdown")
                .doesNotContain("Usage:").doesNotContain("--max-firings");
        assertThat(r.err().lines().count()).isLessThanOrEqualTo(2);
        assertThat(Cli.run("wy", "davinci", "icl").badInput().err()).contains("unknown command \"wy\"; did you mean \"why\"");
    }

    @Test
    void aRecipeFileNeedsNoSourcesAndIsGradedAsTheSameFlags() throws IOException {
        Path file = Cli.write(tmp.resolve("recipe.yaml"), RECIPE);
        JsonNode fromFile = Cli.run("predict", file.toString(), "--format", "json").json();
        JsonNode fromFlags = Cli.run("predict", "--name", "recipe", "--parent", "opt-175b", "--stage",
                "code-training:tokens=100B,codeShare=30%", "--stage", "supervised-instruction-tuning:tasks=1800",
                "--format", "json").json();

        assertThat(fromFile.at("/models/0/abilities")).isEqualTo(fromFlags.at("/models/0/abilities"));
        assertThat(fromFile.toString()).doesNotContain("\"conclusion\"");   // the user's values are inferred
    }

    @Test
    void aGuessedSourceSaysThatNoneIsNeeded() throws IOException {
        Path file = Cli.write(tmp.resolve("guess.yaml"), RECIPE.replace("tokens: 100B", "sources: [me]\n    tokens: 100B"));
        Cli.Result r = Cli.run("predict", file.toString()).badInput();
        assertThat(r.err()).contains("unknown source \"me\"").contains("need no sources").doesNotContain("T0");
    }

    @Test
    void checkAndTestPointAtTheSamePlace() throws IOException {
        Path rules = TestKit.copyDir(TestKit.RULES, tmp.resolve("rules"));
        Files.copy(Path.of("src/test/resources/bad/rules/unknown-ability.drl"), rules.resolve("unknown-ability.drl"));
        Pattern place = Pattern.compile("unknown-ability\\.drl:(\\d+:\\d+): rule \"[^\"]+\": unknown ability \"chain-of-thougth\"");

        Cli.Result check = Cli.run("check", "--rules", rules.toString());
        Cli.Result test = Cli.run("test", "--rules", rules.toString());

        Matcher c = place.matcher(check.out());
        Matcher t = place.matcher(test.err());
        assertThat(c.find()).as(check.out()).isTrue();
        assertThat(t.find()).as(test.err()).isTrue();
        assertThat(t.group(1)).isEqualTo(c.group(1));
    }

    @Test
    void checkStrictPassesOnACleanCheckout() {
        Cli.Result r = Cli.run("check", "--strict");
        assertThat(r.code()).as(r.out()).isZero();
        assertThat(r.out()).contains("note: rule \"experiments.dialogue-contrast-tests-dialogue\" never fires");
    }

    /** The rule that never fires on the bundled facts works: given two models that differ by dialogue tuning, it fires. */
    @Test
    void theDialogueContrastRuleFiresOnAPairThatDiffersByDialogueTuning() throws IOException {
        Path pair = Cli.write(tmp.resolve("pair.yaml"), """
                id: opt-dialogue
                hypothetical: true
                parent: opt-175b
                stages:
                  - kind: dialogue-tuning
                    examples: 10K
                """);
        Cli.Result r = Cli.run("experiments", "--with", pair.toString(), "--format", "json");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("C49").contains("opt-dialogue");
    }

    @Test
    void nearMissesAndBadValuesOfWhatIfAndWhySayWhatWasMeant() {
        assertThat(Cli.run("what-if", "text-davinci-003", "--without-stage", "rlhf").badInput().err())
                .contains("did you mean \"rlhf-ppo\" or \"rlhf-ppo-with-lm-mix\"?");
        assertThat(Cli.run("what-if", "davinci", "--set", "parameters=big").badInput().err())
                .contains("--set parameters=big: expected").doesNotContain("--assume");
        assertThat(Cli.run("why", "davinci", "chain-of-thought", "--depth", "-1").badInput().err()).contains("--depth must be 0 or more");
    }

    @Test
    void aBatchReadsAFifoAndAHugeLineIsAnErrorLine() throws Exception {
        Path fifo = tmp.resolve("models.fifo");
        assertThat(new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor()).isZero();
        String line = "{\"id\": \"fifo-model\", \"hypothetical\": true, \"parent\": \"davinci\", \"stages\": []}\n";
        CompletableFuture<Void> writer = CompletableFuture.runAsync(() -> {
            try {
                char[] huge = new char[3 << 20];
                Arrays.fill(huge, 'x');
                Files.writeString(fifo, line + "{\"notes\": \"" + new String(huge) + "\"}\n" + line.replace("fifo-model", "after-huge"));
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });

        Cli.Result r = Cli.run("predict", "--batch", fifo.toString());
        writer.get(30, TimeUnit.SECONDS);

        assertThat(r.code()).isEqualTo(2);
        assertThat(r.out().lines()).hasSize(3);
        assertThat(r.out().lines().toList().get(0)).startsWith("{\"model\":\"fifo-model\"");
        assertThat(r.out().lines().toList().get(1)).contains("\"line\":2").contains("bytes long, more than the 1048576 bytes");
        assertThat(r.out().lines().toList().get(2)).startsWith("{\"model\":\"after-huge\"");
    }
}
