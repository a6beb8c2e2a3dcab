package org.origins;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * `origins experiments`: controlled comparisons the knowledge base allows, with the claim each tests and its caveats.
 * Runs on a copy of facts/ that keeps only the essay's twenty models, so that the exact experiments asserted here do
 * not change when published models are added to the knowledge base.
 */
class ExperimentsTest {
    @TempDir
    static Path scratch;
    private static Path essayFacts;
    private static final String T5_CODE = """
            id: t5-code
            hypothetical: true
            parent: t5-11b
            stages:
              - kind: code-training
                sources: [USER]
                tokens: 100
            """;

    /** The command line `origins experiments ARGS --facts <essay-only copy>`. */
    /** The experiments of the essay's twenty models, in the essay view (its rules predict what each would show). */
    private static String[] onEssayFacts(String... args) {
        if (essayFacts == null) {
            essayFacts = TestKit.essayFacts(scratch.resolve("facts"));
        }
        String[] all = new String[args.length + 5];
        all[0] = "experiments";
        System.arraycopy(args, 0, all, 1, args.length);
        all[args.length + 1] = "--facts";
        all[args.length + 2] = essayFacts.toString();
        all[args.length + 3] = "--view";
        all[args.length + 4] = "essay";
        return all;
    }

    private static List<JsonNode> experiments(String... args) {
        String[] withFormat = java.util.Arrays.copyOf(args, args.length + 2);
        withFormat[args.length] = "--format";
        withFormat[args.length + 1] = "json";
        JsonNode root = Cli.run(onEssayFacts(withFormat)).json();
        assertThat(root.path("schema").asText()).isEqualTo("origins.experiments/1");
        return Cli.list(root.path("experiments"));
    }

    private static JsonNode experiment(List<JsonNode> all, String... models) {
        return all.stream().filter(e -> Cli.texts(e.path("models")).equals(List.of(models))).findFirst()
                .orElseThrow(() -> new AssertionError("no experiment " + String.join(" / ", models)));
    }

    @Test
    void t5CushmanFlanT5SeparatesCodeFromInstructionTuning() {
        JsonNode e = experiment(experiments(), "t5-11b", "code-cushman-001", "flan-t5-xxl");

        assertThat(e.path("claim").asText()).isEqualTo("C39");
        assertThat(e.path("ingredient").asText()).isEqualTo("code-training vs supervised-instruction-tuning");
        assertThat(e.path("rule").asText()).isEqualTo("experiments.disentangle-code-and-instruction");
        assertThat(Cli.texts(e.path("hypothetical"))).isEmpty();
        assertThat(Cli.texts(e.path("caveats"))).contains("pretraining data only in t5-11b: c4");
        assertThat(Cli.texts(e.path("predictions")))
                .contains("chain-of-thought: t5-11b none, code-cushman-001 weak, flan-t5-xxl none");
    }

    @Test
    void theC4CaveatIsTrue() {
        // c4 is t5-11b's pretraining corpus and nowhere in code-cushman-001's lineage
        List<String> cushman = TestKit.kb().lineageOf("code-cushman-001").models().stream()
                .flatMap(m -> m.stages().stream()).flatMap(s -> s.corpus().stream()).toList();
        List<String> t5 = TestKit.kb().require("t5-11b").stages().stream().flatMap(s -> s.corpus().stream()).toList();
        assertThat(t5).contains("c4");
        assertThat(cushman).doesNotContain("c4");
    }

    @Test
    void t5AndFlanT5AreAPairWithoutCaveat() {
        JsonNode e = experiment(experiments(), "t5-11b", "flan-t5-xxl");

        assertThat(e.path("claim").asText()).isEqualTo("C19");
        assertThat(e.path("ingredient").asText()).isEqualTo("supervised-instruction-tuning");
        assertThat(e.path("rule").asText()).isEqualTo("experiments.instruction-contrast-tests-generalisation");
        assertThat(Cli.texts(e.path("caveats"))).isEmpty();
        assertThat(Cli.texts(e.path("predictions"))).containsExactly(
                "zero-shot-generalization: t5-11b none, flan-t5-xxl present",
                "in-context-learning: t5-11b none, flan-t5-xxl none");
    }

    @Test
    void theModelOptionFilters() {
        List<JsonNode> all = experiments();
        List<JsonNode> flan = experiments("--model", "flan-t5-xxl");

        assertThat(flan).allSatisfy(e -> assertThat(Cli.texts(e.path("models"))).contains("flan-t5-xxl"));
        assertThat(flan).extracting(e -> String.join(" / ", Cli.texts(e.path("models")))).containsExactlyInAnyOrder(
                "t5-11b / flan-t5-xxl",
                "t5-11b / code-cushman-001 / flan-t5-xxl",
                "t5-11b / codex-initial-12b / flan-t5-xxl",
                "t5-11b / copilot-12b / flan-t5-xxl");
        assertThat(flan).hasSize((int) all.stream().filter(e -> Cli.texts(e.path("models")).contains("flan-t5-xxl")).count());
        assertThat(all.size()).isGreaterThan(flan.size());
    }

    @Test
    void theTextCountsTheExperiments() {
        Cli.Result r = Cli.run(onEssayFacts("--model", "flan-t5-xxl"));

        assertThat(r.code()).as(r.err()).isZero();
        List<String> lines = r.lines();
        assertThat(lines.get(lines.size() - 1)).isEqualTo("4 experiments");
        assertThat(r.out()).contains("t5-11b / code-cushman-001 / flan-t5-xxl  — code-training vs supervised-instruction-tuning, tests C39")
                .contains("caveat: pretraining data only in t5-11b: c4");
    }

    @Test
    void anUnknownModelIsABadInput() {
        Cli.Result r = Cli.run(onEssayFacts("--model", "flan-t5")).badInput();

        assertThat(r.err()).contains("unknown model \"flan-t5\"").contains("did you mean \"flan-t5-xxl\"");
    }

    @Test
    void aHypotheticalModelTakesPartInNewExperiments(@TempDir Path tmp) {
        Path file = Cli.write(tmp.resolve("t5-code.yaml"), T5_CODE);

        List<JsonNode> with = experiments("--with", file.toString());
        List<JsonNode> without = experiments();

        JsonNode pair = experiment(with, "t5-11b", "t5-code");
        assertThat(pair.path("claim").asText()).isEqualTo("C21");
        assertThat(pair.path("ingredient").asText()).isEqualTo("code-training");
        assertThat(Cli.texts(pair.path("hypothetical"))).containsExactly("t5-code");
        assertThat(Cli.texts(pair.path("caveats"))).as("same pretraining: nothing to caveat").isEmpty();
        assertThat(Cli.texts(pair.path("predictions"))).contains("chain-of-thought: t5-11b none, t5-code weak");
        JsonNode triple = experiment(with, "t5-11b", "t5-code", "flan-t5-xxl");
        assertThat(triple.path("claim").asText()).isEqualTo("C39");
        assertThat(Cli.texts(triple.path("hypothetical"))).containsExactly("t5-code");
        assertThat(without).noneMatch(e -> Cli.texts(e.path("models")).contains("t5-code"));
        assertThat(with).hasSizeGreaterThan(without.size());
        assertThat(experiments("--with", file.toString(), "--model", "t5-code")).extracting(e -> String.join(" / ", Cli.texts(e.path("models"))))
                .containsExactlyInAnyOrder("t5-11b / t5-code / flan-t5-xxl", "t5-11b / t5-code / t0-11b", "t5-11b / t5-code");
    }
}
