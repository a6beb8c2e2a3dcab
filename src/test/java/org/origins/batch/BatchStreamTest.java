package org.origins.batch;

import org.origins.Cli;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.origins.TestKit;
import org.origins.kb.Ability;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** `origins predict --batch`: one output line per input model, in input order; bad lines reported, the stream goes on. */
class BatchStreamTest {
    private static final BatchPredictor.Settings SETTINGS = BatchPredictor.Settings.defaults();

    private static String model(String id, String parent, String stages) {
        return "{\"id\":\"" + id + "\",\"hypothetical\":true,\"parent\":" + (parent == null ? "null" : "\"" + parent + "\"")
                + ",\"stages\":[" + stages + "]}";
    }

    private static final String CODE = "{\"kind\":\"code-training\",\"sources\":[\"USER\"],\"tokens\":100}";
    private static final String SFT = "{\"kind\":\"supervised-instruction-tuning\",\"sources\":[\"USER\"],\"tasks\":1800}";

    @Test
    void orderIsPreservedAcrossChunksAndWorkerThreads(@TempDir Path dir) {
        List<String> in = BatchKit.generate(600, 7, 25, dir);

        var batch = BatchKit.run(in, SETTINGS.withChunk(25).withThreads(3));

        assertThat(batch.summary().errors()).as("errors; first: %s", batch.summary().firstError()).isZero();
        assertThat(batch.json()).extracting(j -> j.path("model").asText())
                .containsExactlyElementsOf(in.stream().map(l -> BatchKit.parse(l).path("id").asText()).toList());
        List<String> abilities = TestKit.kb().abilities().stream().map(Ability::id).toList();
        for (JsonNode j : batch.json()) {
            assertThat(iterable(j.path("levels").fieldNames())).as("levels of %s", j).containsExactlyElementsOf(abilities);
            assertThat(iterable(j.path("grades").fieldNames())).isSubsetOf(abilities);
        }
    }

    @Test
    void blankLinesAreSkippedButCountInLineNumbers() {
        var batch = BatchKit.run(List.of(model("a", "davinci", CODE), "", "   ", "{broken", model("b", "a", SFT)),
                SETTINGS);

        assertThat(batch.lines()).hasSize(3);
        assertThat(batch.json().get(1).path("error").path("line").asInt()).isEqualTo(4);
        assertThat(batch.json().get(2).path("model").asText()).isEqualTo("b");
        assertThat(batch.summary().lines()).isEqualTo(3);
    }

    @Test
    void badLinesAreReportedWithTheirLineNumbersAndTheStreamGoesOn() {
        List<String> in = List.of(
                model("ok-1", "davinci", CODE),                                        // 1
                "{\"id\": \"broken\", ",                                               // 2 syntax
                model("ok-3", "code-davinci-002", SFT),                                // 3
                model("bad-kind", "davinci", "{\"kind\":\"code-trainin\",\"sources\":[\"USER\"]}"), // 4
                "[1, 2]",                                                              // 5 not an object
                model("child-of-bad", "bad-kind", SFT),                                // 6 parent rejected
                model("orphan", "no-such-model", SFT),                                 // 7 unknown parent
                model("ok-1", "davinci", SFT),                                         // 8 duplicate id
                model("davinci", null, CODE),                                          // 9 a real model's id
                model("ok-10", "ok-3", CODE),                                          // 10 parent in the chunk
                "{\"id\":\"not-hypothetical\",\"parent\":\"davinci\",\"stages\":[]}"   // 11
        );

        var batch = BatchKit.run(in, SETTINGS);
        List<JsonNode> out = batch.json();

        assertThat(out).hasSize(in.size());
        assertThat(batch.summary().predicted()).isEqualTo(3);
        assertThat(batch.summary().errors()).isEqualTo(8);
        for (int i : List.of(1, 3, 10)) {
            assertThat(out.get(i - 1).has("levels")).as("line %d: %s", i, out.get(i - 1)).isTrue();
        }
        for (int i : List.of(2, 4, 5, 6, 7, 8, 9, 11)) {
            JsonNode e = out.get(i - 1).path("error");
            assertThat(e.path("line").asInt()).as("line of %s", out.get(i - 1)).isEqualTo(i);
            assertThat(e.path("message").asText()).isNotBlank();
        }
        assertThat(out.get(1).path("error").path("message").asText()).contains("JSON syntax error");
        assertThat(out.get(3).path("model").asText()).isEqualTo("bad-kind");
        assertThat(out.get(3).path("error").path("pointer").asText()).isEqualTo("/stages/0/kind");
        assertThat(out.get(3).path("error").path("message").asText()).contains("unknown stage kind \"code-trainin\"")
                .contains("code-training");
        assertThat(out.get(5).path("error").path("message").asText()).contains("line 4").contains("rejected");
        assertThat(out.get(6).path("error").path("message").asText()).contains("unknown parent \"no-such-model\"")
                .contains("earlier line of the same chunk");
        assertThat(out.get(7).path("error").path("message").asText()).contains("duplicate model id \"ok-1\"").contains("line 1");
        assertThat(out.get(8).path("error").path("message").asText()).contains("real model");
        assertThat(out.get(10).path("error").path("message").asText()).contains("\"hypothetical\": true");
        assertThat(batch.summary().firstError()).startsWith("line 2:");
    }

    @Test
    void theCommandWritesJsonLinesAndExitsWith2WhenALineWasBad(@TempDir Path dir) throws IOException {
        Path good = write(dir.resolve("good.jsonl"), model("a", "davinci", CODE), model("b", "a", SFT));
        Path bad = write(dir.resolve("bad.jsonl"), model("a", "davinci", CODE), "{oops", model("b", "a", SFT));
        Path out = dir.resolve("out.jsonl");

        var ok = Cli.run("predict", "--batch", good.toString(), "--out", out.toString());
        assertThat(ok.code()).as(ok.err()).isZero();
        assertThat(ok.out()).isEmpty();
        assertThat(Files.readAllLines(out)).hasSize(2).allSatisfy(l -> assertThat(l).startsWith("{\"model\":"));

        var toStdout = Cli.run("predict", "--batch", bad.toString(), "--out", "-");
        assertThat(toStdout.code()).isEqualTo(2);
        assertThat(toStdout.out().lines().toList()).hasSize(3);
        assertThat(toStdout.out().lines().toList().get(1)).contains("\"error\":{\"line\":2");
        assertThat(toStdout.err()).contains("1 of 3 lines were rejected").contains("line 2:").doesNotContain("Exception");

        var usage = Cli.run("predict", "--batch", good.toString(), "--name", "x");
        assertThat(usage.code()).isEqualTo(2);
        var missing = Cli.run("predict", "--batch", dir.resolve("none.jsonl").toString());
        assertThat(missing.code()).isEqualTo(2);
        assertThat(missing.err()).contains("not found");
    }

    @Test
    void aChunkWhoseRulesDoNotSettleIsRedoneModelByModel() {
        // a firing cap below what the real models alone need: the chunk fails, then every model alone fails too
        var batch = BatchKit.run(List.of(model("a", "davinci", CODE), model("b", "a", SFT)), SETTINGS.withMaxFirings(20));

        assertThat(batch.summary().errors()).isEqualTo(2);
        assertThat(batch.json()).allSatisfy(j -> assertThat(j.path("error").path("message").asText())
                .contains("the rules failed for this model").contains("20"));
        assertThat(batch.json().get(1).path("error").path("line").asInt()).isEqualTo(2);
    }

    private static Path write(Path file, String... lines) throws IOException {
        Files.write(file, List.of(lines), StandardCharsets.UTF_8);
        return file;
    }

    private static List<String> iterable(java.util.Iterator<String> it) {
        List<String> out = new ArrayList<>();
        it.forEachRemaining(out::add);
        return out;
    }
}
