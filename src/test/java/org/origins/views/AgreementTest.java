package org.origins.views;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.origins.TestKit;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * `check --observations` per observation file, on fixture files: agreement beside the two constant guesses,
 * per ability; undetermined answers; the essay conclusions the default view changes. (No test reads the
 * held-out observations: TestKit's copies leave them out.)
 */
class AgreementTest {
    private static final String FIXTURE = """
            { "observations": [
              { "id": "a", "model": "davinci", "ability": "chain-of-thought", "level": "none", "op": "=", "source": "COT", "where": "test" },
              { "id": "b", "model": "palm-540b", "ability": "chain-of-thought", "level": "present", "op": ">=", "source": "COT", "where": "test" },
              { "id": "c", "model": "code-cushman-001", "ability": "chain-of-thought", "level": "weak", "op": ">=", "source": "COT", "where": "test" },
              { "id": "d", "model": "wizardlm-13b-v1.2", "ability": "zero-shot-generalization", "level": "present", "op": ">=", "source": "INSTRUCTEVAL", "where": "test" },
              { "id": "e", "model": "wizardlm-13b-v1.2", "ability": "world-knowledge", "level": "weak", "op": ">=", "source": "INSTRUCTEVAL", "where": "test" },
              { "id": "f", "model": "text-davinci-002", "ability": "in-context-learning", "op": "<", "than": "code-davinci-002", "source": "ESSAY", "where": "test" }
            ] }
            """;

    private static ViewsTest.Run check(Path facts, String... more) {
        List<String> args = new ArrayList<>(List.of("check", "--observations", "--facts", facts.toString(), "--format", "json"));
        args.addAll(List.of(more));
        return ViewsTest.run(args.toArray(String[]::new));
    }

    private static JsonNode split(JsonNode check, int i) {
        return check.path("agreement").get(i);
    }

    @Test
    void eachFileIsComparedWithThePredictionsAndWithTheTwoConstantGuesses(@TempDir Path tmp) throws IOException {
        Path facts = TestKit.copyDir(TestKit.FACTS, tmp.resolve("facts"));
        Path fixture = Files.writeString(tmp.resolve("fixture.json"), FIXTURE);

        ViewsTest.Run r = check(facts, "--observed", fixture.toString());

        assertThat(r.code()).as("a contradiction fails the check").isEqualTo(1);
        JsonNode root = new com.fasterxml.jackson.databind.ObjectMapper().readTree(r.out());
        assertThat(root.path("view").asText()).isEqualTo("default");
        assertThat(root.path("agreement")).hasSize(1);
        JsonNode s = split(root, 0);
        assertThat(s.path("split").asText()).as("a file of no split of the facts folder").isEqualTo("other");
        assertThat(s.path("file").asText()).endsWith("fixture.json");
        assertThat(s.path("total").asInt()).isEqualTo(6);
        assertThat(s.path("agree").asInt()).as("a, b, e, f").isEqualTo(4);
        assertThat(s.path("contradict").asInt()).as("c: Codex 12B is below large scale").isEqualTo(1);
        assertThat(s.path("undetermined").asInt()).as("d: WizardLM's example count is undisclosed").isEqualTo(1);
        assertThat(s.path("alwaysPresent").asInt()).as("b, c, d, e").isEqualTo(4);
        assertThat(s.path("alwaysAbsent").asInt()).as("a").isEqualTo(1);
        JsonNode cot = null;
        for (JsonNode a : s.path("abilities")) {
            if (a.path("ability").asText().equals("chain-of-thought")) {
                cot = a;
            }
        }
        assertThat(cot).isNotNull();
        assertThat(cot.path("total").asInt()).isEqualTo(3);
        assertThat(cot.path("agree").asInt()).isEqualTo(2);
        JsonNode d = null;
        for (JsonNode o : s.path("observations").path("observations")) {
            if (o.path("id").asText().equals("d")) {
                d = o;
            }
        }
        assertThat(d.path("verdict").asText()).isEqualTo("undetermined");
        assertThat(d.path("predicted").asText()).isEqualTo("undetermined: none or present");

        ViewsTest.Run essay = check(facts, "--observed", fixture.toString(), "--view", "essay");
        JsonNode e = split(new com.fasterxml.jackson.databind.ObjectMapper().readTree(essay.out()), 0);
        assertThat(e.path("agree").asInt()).as("the essay's rules give Codex 12B weak reasoning").isGreaterThanOrEqualTo(4);
    }

    @Test
    void withoutObservedEveryObservationFileOfTheFactsFolderIsReportedAndTheRevisionsListed(@TempDir Path tmp) throws IOException {
        Path facts = TestKit.copyDir(TestKit.FACTS, tmp.resolve("facts"));
        Files.writeString(facts.resolve("observations-later.json"), FIXTURE);
        assertThat(facts.resolve(TestKit.HELD_OUT)).doesNotExist();

        ViewsTest.Run r = ViewsTest.run("check", "--observations", "--facts", facts.toString());

        assertThat(r.out()).contains("essay models (" ).contains("development: the rules were written from these (")
                .doesNotContain("held out")
                .containsPattern("always present \\d+/6 \\(66\\.7%\\) · always absent 1/6 \\(16\\.7%\\)")
                .contains("essay conclusions that later evidence changes (--view essay → default view)")
                .contains("code-cushman-001 chain-of-thought: weak → none")
                .contains("no longer code.training-gives-chain-of-thought  superseded by code.scale-and-code-give-chain-of-thought")
                .contains("t0-11b zero-shot-generalization: present → none")
                .contains("by instruction.tuning-at-scale-gives-zero-shot");
        ViewsTest.Run essay = ViewsTest.run("check", "--observations", "--facts", facts.toString(), "--view", "essay");
        assertThat(essay.out()).doesNotContain("essay conclusions that later evidence changes");
    }

    /** Regression: the verdict was glued to the model ("UNDETERMINEDtk-instruct-3b", now with another model); verdicts stand in a column. */
    @Test
    void eachVerdictStandsApartFromTheModel(@TempDir Path tmp) throws IOException {
        Path facts = TestKit.copyDir(TestKit.FACTS, tmp.resolve("facts"));
        Path fixture = Files.writeString(tmp.resolve("fixture.json"), FIXTURE);

        ViewsTest.Run r = ViewsTest.run("check", "--observations", "--facts", facts.toString(), "--observed", fixture.toString());

        assertThat(r.out()).contains("\nUNDETERMINED wizardlm-13b-v1.2 zero-shot-generalization >= present  (predicted: undetermined: none or present)")
                .contains("\nCONTRADICT   code-cushman-001 chain-of-thought >= weak  (predicted: none)")
                .doesNotContain("UNDETERMINEDwizardlm");
    }

    @Test
    void anUnreadableObservationFileIsBadInput(@TempDir Path tmp) throws IOException {
        Path bad = Files.writeString(tmp.resolve("bad.json"), "{ \"observations\": [ { \"id\": \"x\", \"model\": \"davinky\", "
                + "\"ability\": \"chain-of-thought\", \"level\": \"none\", \"op\": \"=\", \"source\": \"COT\" } ] }");

        ViewsTest.Run r = ViewsTest.run("check", "--observed", bad.toString());

        // check reports load problems as its answer, one line each, and exits 2
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.out()).contains("bad.json:1:").contains("unknown model \"davinky\"").contains("did you mean \"davinci\"");
    }
}
