package org.origins;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * `origins check --observations` and `origins matrix --observed`: predictions against what was observed. The
 * essay's observations (facts/observations.json) in the essay view, where all of them agree; the agreement per
 * file and the constant guesses: AgreementTest.
 */
class ObservationsTest {
    /** The observations of facts/observations.json at the time of writing: all agree with the essay's rules. */
    private static final int OBSERVATIONS = 40;

    /** `check --observations` of the essay's own observation file in the essay view ({@code facts}: its folder). */
    private static Cli.Result check(Path facts, String... more) {
        List<String> args = new java.util.ArrayList<>(List.of("check", "--observations", "--view", "essay", "--facts", facts.toString(),
                "--observed", facts.resolve("observations.json").toString()));
        args.addAll(List.of(more));
        return Cli.run(args.toArray(String[]::new));
    }

    private static int indexOf(List<String> lines, String prefix) {
        return IntStream.range(0, lines.size()).filter(i -> lines.get(i).startsWith(prefix)).findFirst()
                .orElseThrow(() -> new AssertionError("no line starting with " + prefix + " in:\n" + String.join("\n", lines)));
    }

    /** A copy of facts/ with one more observation appended to observations.json. */
    private static Path factsWithObservation(Path tmp, String id, String model, String ability, String op, String level)
            throws IOException {
        Path facts = TestKit.copyDir(TestKit.FACTS, tmp.resolve("facts"));
        Path file = facts.resolve("observations.json");
        ObjectNode root = (ObjectNode) Cli.JSON.readTree(file.toFile());
        ObjectNode o = ((ArrayNode) root.get("observations")).addObject();
        o.put("id", id);
        o.put("model", model);
        o.put("ability", ability);
        o.put("level", level);
        o.put("op", op);
        o.put("evidence", "a test observation");
        o.put("source", "ESSAY");
        o.put("where", "test");
        o.put("status", "inferred");
        Cli.write(file, Cli.JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root));
        return facts;
    }

    @Test
    void everyObservationAgreesWithThePredictions() {
        Cli.Result r = check(TestKit.FACTS);

        assertThat(r.code()).as(r.out() + r.err()).isZero();
        List<String> lines = r.lines();
        int check = indexOf(lines, "check:");
        assertThat(lines).contains(OBSERVATIONS + " agree, 0 contradict, 0 unpredicted");
        assertThat(indexOf(lines, OBSERVATIONS + " agree,")).as("the summary comes before the check: line").isLessThan(check);
        assertThat(lines.get(check)).startsWith("check: 0 error(s)");
        assertThat(r.out()).contains("agree        davinci chain-of-thought = none  (predicted: none)")
                .contains("agree        code-davinci-002 chain-of-thought = strong  (predicted: strong)")
                .contains("agree        text-davinci-002 in-context-learning < code-davinci-002  (predicted: weak vs strong for code-davinci-002)")
                .doesNotContain("CONTRADICT");
    }

    @Test
    void theJsonCountsEveryObservation() {
        JsonNode obs = check(TestKit.FACTS, "--format", "json").json().path("observations");

        assertThat(obs.path("schema").asText()).isEqualTo("origins.observations/1");
        assertThat(obs.path("agree").asInt()).isEqualTo(OBSERVATIONS);
        assertThat(obs.path("contradict").asInt()).isZero();
        assertThat(obs.path("unpredicted").asInt()).isZero();
        assertThat(Cli.list(obs.path("observations"))).hasSize(OBSERVATIONS)
                .allSatisfy(o -> assertThat(o.path("verdict").asText()).isEqualTo("agree"));
        JsonNode palm = Cli.list(obs.path("observations")).stream()
                .filter(o -> o.path("model").asText().equals("palm-540b") && o.path("source").asText().startsWith("COT")).findFirst()
                .orElseThrow();
        assertThat(palm.path("observed").asText()).isEqualTo(">= present");
        assertThat(palm.path("predicted").asText()).isEqualTo("present");
        assertThat(palm.path("status").asText()).isEqualTo("published");
    }

    @Test
    void aContradictingObservationFailsTheCheckWithAProof(@TempDir Path tmp) throws IOException {
        Path facts = factsWithObservation(tmp, "test-text-davinci-001-strong-reasoning", "text-davinci-001",
                "chain-of-thought", ">=", "strong");

        Cli.Result r = check(facts);

        assertThat(r.code()).as(r.out() + r.err()).isEqualTo(1);
        r.noStackTrace();
        assertThat(r.out()).contains("CONTRADICT   text-davinci-001 chain-of-thought >= strong  (predicted: weak)")
                .contains("observed: a test observation")
                // the proof of what the rules concluded
                .contains("text-davinci-001 · chain-of-thought")
                .contains("rule instruction.tuning-at-scale-surfaces-weak-reasoning")
                .contains("text-davinci-001#1 feedme: gives weak   none → weak");
        assertThat(r.lines()).contains(OBSERVATIONS + " agree, 1 contradict, 0 unpredicted");
    }

    @Test
    void aContradictionInJsonCarriesTheProof(@TempDir Path tmp) throws IOException {
        Path facts = factsWithObservation(tmp, "test-code-davinci-002-weak-reasoning", "code-davinci-002",
                "chain-of-thought", "<=", "weak");

        Cli.Result r = check(facts, "--format", "json");

        assertThat(r.code()).isEqualTo(1);
        JsonNode obs = Cli.JSON.readTree(r.out()).path("observations");
        assertThat(obs.path("contradict").asInt()).isEqualTo(1);
        JsonNode c = Cli.list(obs.path("observations")).stream().filter(o -> o.path("verdict").asText().equals("contradict"))
                .findFirst().orElseThrow();
        assertThat(c.path("id").asText()).isEqualTo("test-code-davinci-002-weak-reasoning");
        assertThat(c.path("observed").asText()).isEqualTo("<= weak");
        assertThat(c.path("predicted").asText()).isEqualTo("strong");
        assertThat(Cli.list(c.path("proofs"))).singleElement().satisfies(p -> {
            assertThat(p.path("schema").asText()).isEqualTo("origins.why/1");
            assertThat(p.path("model").asText()).isEqualTo("code-davinci-002");
            assertThat(p.path("level").asText()).isEqualTo("strong");
        });
    }

    @Test
    void aContradictedCellIsMarkedInTheMatrix(@TempDir Path tmp) throws IOException {
        Path facts = factsWithObservation(tmp, "test-text-davinci-001-strong-reasoning", "text-davinci-001",
                "chain-of-thought", ">=", "strong");

        JsonNode root = Cli.run("matrix", "--observed", "--facts", facts.toString(), "--format", "json", "--view", "essay").json();

        assertThat(cell(root, "text-davinci-001", "chain-of-thought").path("observed").asText()).isEqualTo("contradict");
        Cli.Result text = Cli.run("matrix", "--observed", "--facts", facts.toString(), "--view", "essay");
        assertThat(text.row("text-davinci-001")).contains("✗");
    }

    @Test
    void anObservationAgainstALevelOfNoneIsAContradiction(@TempDir Path tmp) throws IOException {
        Path facts = factsWithObservation(tmp, "test-davinci-strong-reasoning", "davinci", "chain-of-thought", ">=", "strong");

        Cli.Result r = check(facts);

        assertThat(r.code()).as(r.out()).isEqualTo(1);
        assertThat(r.out()).contains("CONTRADICT   davinci chain-of-thought >= strong  (predicted: none)");
    }

    // ---- matrix --observed ---------------------------------------------------------------------------------

    private static JsonNode cell(JsonNode matrix, String model, String ability) {
        JsonNode m = Cli.list(matrix.path("models")).stream().filter(x -> x.path("model").asText().equals(model)).findFirst()
                .orElseThrow(() -> new AssertionError("no model " + model));
        return Cli.list(m.path("cells")).stream().filter(c -> c.path("ability").asText().equals(ability)).findFirst()
                .orElseThrow(() -> new AssertionError("no cell " + model + " " + ability));
    }

    @Test
    void theMatrixMarksObservedCells() {
        Cli.Result r = Cli.run("matrix", "--observed", "--view", "essay");

        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.row("davinci")).contains("++✓").contains("·✓");
        assertThat(r.row("code-davinci-002")).contains("++✓");
        assertThat(r.row("opt-175b")).doesNotContain("✓");
        assertThat(r.out()).contains("observed: ✓ agrees ✗ contradicts ? not predicted");
        for (String model : TestKit.kb().models().stream().map(m -> m.id()).toList()) {
            assertThat(r.row(model)).as("row of %s", model).doesNotContain("✗").doesNotContain("?");
        }
    }

    @Test
    void theMatrixJsonSaysAgreeForObservedCellsOnly() {
        JsonNode root = Cli.run("matrix", "--observed", "--format", "json", "--view", "essay").json();

        assertThat(root.path("schema").asText()).isEqualTo("origins.matrix/1");
        assertThat(cell(root, "davinci", "chain-of-thought").path("level").asText()).isEqualTo("none");
        assertThat(cell(root, "davinci", "chain-of-thought").path("observed").asText()).isEqualTo("agree");
        assertThat(cell(root, "code-davinci-002", "chain-of-thought").path("level").asText()).isEqualTo("strong");
        assertThat(cell(root, "code-davinci-002", "chain-of-thought").path("observed").asText()).isEqualTo("agree");
        assertThat(cell(root, "chatgpt", "dialogue").path("observed").asText()).isEqualTo("agree");
        assertThat(cell(root, "opt-175b", "in-context-learning").path("observed").isNull()).isTrue();
        long agreeing = Cli.list(root.path("models")).stream().flatMap(m -> Cli.list(m.path("cells")).stream())
                .filter(c -> c.path("observed").asText().equals("agree")).count();
        long other = Cli.list(root.path("models")).stream().flatMap(m -> Cli.list(m.path("cells")).stream())
                .filter(c -> !c.path("observed").isNull() && !c.path("observed").asText().equals("agree")).count();
        // 40 observations on 34 distinct cells: some cells are observed twice (by the essay and by a paper)
        assertThat(agreeing).isEqualTo(34);
        assertThat(other).isZero();
    }

    @Test
    void withoutObservedTheMatrixHasNoMarks() {
        JsonNode root = Cli.run("matrix", "--format", "json").json();

        assertThat(cell(root, "davinci", "chain-of-thought").path("observed").isNull()).isTrue();
        assertThat(Cli.run("matrix").out()).doesNotContain("✓");
    }
}
