package org.origins.batch;

import org.origins.Cli;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.origins.TestKit;
import org.origins.explain.AbilitiesQuery;
import org.origins.explain.AbilityRow;
import org.origins.explain.MissingFacts;
import org.origins.kb.Level;
import org.origins.kb.ModelReader;
import org.origins.kb.ModelRecord;
import org.origins.reasoning.Reasoner;
import org.origins.reasoning.Reasoning;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A batch answers exactly what predicting each model alone answers, and the lean reading of the
 * session (only the effects and what they rest on) gives the same levels and grades as the full one.
 */
class BatchIdentityTest {
    private static final int MODELS = 3000;
    private static final int BLOCK = 1000;
    @TempDir
    static Path dir;
    private static List<String> in;
    private static BatchKit.Batch lean;

    @BeforeAll
    static void run() {
        in = BatchKit.generate(MODELS, 42, BLOCK, dir);
        lean = BatchKit.run(in, BatchPredictor.Settings.defaults().withChunk(BLOCK).withThreads(2).withLean(true));
        assertThat(lean.summary().errors()).as("first error: %s", lean.summary().firstError()).isZero();
        assertThat(lean.lines()).hasSize(MODELS);
    }

    @Test
    void aSampleOfFiftyLinesIsWhatPredictingEachModelAloneGives() throws IOException {
        Map<String, JsonNode> byId = new LinkedHashMap<>();
        for (String l : in) {
            JsonNode m = BatchKit.parse(l);
            byId.put(m.path("id").asText(), m);
        }
        Random rnd = new Random(20261127);
        List<Integer> withInBatchParent = new ArrayList<>();
        List<Integer> others = new ArrayList<>();
        for (int i = 0; i < in.size(); i++) {
            (byId.containsKey(BatchKit.parse(in.get(i)).path("parent").asText()) ? withInBatchParent : others).add(i);
        }
        Collections.shuffle(withInBatchParent, rnd);
        Collections.shuffle(others, rnd);
        List<Integer> sample = new ArrayList<>(withInBatchParent.subList(0, 10));
        sample.addAll(others.subList(0, 40));

        int differentFromParent = 0;
        int undeterminedSeen = 0;
        for (int i : sample) {
            JsonNode batchLine = BatchKit.parse(lean.lines().get(i));
            String id = BatchKit.parse(in.get(i)).path("id").asText();
            assertThat(batchLine.path("model").asText()).isEqualTo(id);
            // alone: the model and its ancestors among the batch's lines, as `origins predict FILE` reads them
            List<String> own = new ArrayList<>();
            for (JsonNode m = byId.get(id); m != null; m = byId.get(m.path("parent").asText())) {
                own.add(0, m.toString());
            }
            Path file = Files.writeString(dir.resolve(id + ".json"), "[" + String.join(",", own) + "]", StandardCharsets.UTF_8);
            List<ModelRecord> models = ModelReader.against(TestKit.kb()).files(List.of(file), true);
            Reasoning alone = Reasoner.run(TestKit.kb().with(models), TestKit.rules());
            AbilityRow.Table table = AbilitiesQuery.of(alone, id);
            var undetermined = MissingFacts.of(alone, id, BatchPredictor.Settings.defaults().maxFirings(), false).undetermined();

            Map<String, String> levels = new LinkedHashMap<>();
            Map<String, String> grades = new LinkedHashMap<>();
            for (AbilityRow row : table.abilities()) {
                levels.put(row.ability(), row.level().id());
                if (row.grade() != null) {
                    grades.put(row.ability(), row.grade().id());
                }
            }
            assertThat(texts(batchLine.path("levels"))).as("levels of %s (line %d)", id, i + 1).isEqualTo(levels);
            assertThat(texts(batchLine.path("grades"))).as("grades of %s (line %d)", id, i + 1).isEqualTo(grades);
            assertThat(possible(batchLine.path("undetermined"))).as("undetermined abilities of %s (line %d)", id, i + 1)
                    .isEqualTo(ids(undetermined));
            undeterminedSeen += undetermined.isEmpty() ? 0 : 1;
            if (own.size() > 1) {
                differentFromParent++;
            }
        }
        assertThat(differentFromParent).as("sampled models whose parent is an earlier line").isEqualTo(10);
        assertThat(undeterminedSeen).as("sampled models a value they leave out leaves undetermined").isGreaterThan(5);
    }

    @Test
    void theCommandLineAgreesWithTheBatchForOneModel() throws IOException {
        String line = in.stream().filter(l -> BatchKit.parse(l).path("stages").size() >= 2
                && TestKit.kb().model(BatchKit.parse(l).path("parent").asText()).isPresent()).findFirst().orElseThrow();
        Path file = Files.writeString(dir.resolve("one.json"), line, StandardCharsets.UTF_8);
        var r = Cli.run("predict", file.toString(), "--format", "json");
        assertThat(r.code()).as(r.err()).isZero();
        JsonNode rows = BatchKit.parse(r.out()).path("models").get(0).path("abilities").path("abilities");
        JsonNode batchLine = BatchKit.parse(lean.lines().get(in.indexOf(line)));
        for (JsonNode row : rows) {
            String a = row.path("ability").asText();
            assertThat(batchLine.path("levels").path(a).asText()).as(a).isEqualTo(row.path("level").asText());
            assertThat(batchLine.path("grades").path(a).asText(null)).as(a).isEqualTo(row.path("grade").asText(null));
            assertThat(batchLine.path("undetermined").path(a).toString()).as(a)
                    .isEqualTo(row.path("undetermined").isNull() ? "" : row.path("undetermined").toString());
        }
    }

    /** Regression: a batch line said nothing of an ability a value the model leaves out decides; predict says "undetermined". */
    @Test
    void aLineCarriesTheLevelsAnUndisclosedValueLeavesOpen() {
        String line = "{\"id\": \"tuned-no-tasks\", \"hypothetical\": true, \"parent\": \"davinci\", \"stages\": "
                + "[{\"kind\": \"supervised-instruction-tuning\", \"sources\": [\"USER\"]}]}";

        var batch = BatchKit.run(List.of(line), BatchPredictor.Settings.defaults());

        JsonNode out = BatchKit.parse(batch.lines().get(0));
        assertThat(out.path("levels").path("zero-shot-generalization").asText()).isEqualTo("none");
        assertThat(out.path("undetermined").path("zero-shot-generalization").toString()).isEqualTo("[\"none\",\"present\"]");
        assertThat(out.path("undetermined").size()).as("only the abilities a missing value changes").isEqualTo(1);

        // --levels-only: the same levels and grades, without trying the values left out
        JsonNode levelsOnly = BatchKit.parse(BatchKit.run(List.of(line), BatchPredictor.Settings.defaults().withProbe(false)).lines().get(0));
        assertThat(levelsOnly.has("undetermined")).isFalse();
        assertThat(levelsOnly.path("levels")).isEqualTo(out.path("levels"));
        assertThat(levelsOnly.path("grades")).isEqualTo(out.path("grades"));
    }

    @Test
    void theLeanReadingGivesTheSameLevelsAndGradesAsReadingEveryJustification() {
        var full = BatchKit.run(in, BatchPredictor.Settings.defaults().withChunk(BLOCK).withThreads(2).withLean(false));

        assertThat(full.lines()).hasSize(MODELS);
        for (int i = 0; i < MODELS; i++) {
            assertThat(lean.lines().get(i)).as("line %d", i + 1).isEqualTo(full.lines().get(i));
        }
        // and the comparison is not vacuous: the models differ, and grades are reported
        assertThat(lean.lines().stream().map(l -> BatchKit.parse(l).path("levels").toString()).distinct().count())
                .isGreaterThan(50);
        assertThat(lean.lines().stream().map(l -> BatchKit.parse(l).path("grades").toString()).distinct().count())
                .isGreaterThan(20);
    }

    /** A line's "undetermined": ability → its possible levels, as ids. */
    private static Map<String, List<String>> possible(JsonNode object) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        object.fields().forEachRemaining(e -> {
            List<String> levels = new ArrayList<>();
            e.getValue().forEach(l -> levels.add(l.asText()));
            out.put(e.getKey(), levels);
        });
        return out;
    }

    private static Map<String, List<String>> ids(Map<String, List<Level>> undetermined) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        undetermined.forEach((a, levels) -> out.put(a, levels.stream().map(Level::id).toList()));
        return out;
    }

    private static Map<String, String> texts(JsonNode object) {
        Map<String, String> out = new LinkedHashMap<>();
        object.fields().forEachRemaining(e -> out.put(e.getKey(), e.getValue().asText()));
        return out;
    }
}
