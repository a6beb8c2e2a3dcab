package org.origins.batch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.origins.TestKit;

import javax.tools.ToolProvider;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Shared helpers of the batch tests: the synthetic-model generator of bench/, running a batch, reading its output. */
final class BatchKit {
    static final ObjectMapper JSON = new ObjectMapper();
    private static Class<?> generator;

    private BatchKit() {
    }

    /**
     * {@code count} synthetic hypothetical models from bench/Generate.java (the benchmark's own
     * generator, compiled here against the test class path), one JSON line each.
     */
    static List<String> generate(int count, long seed, int block, Path dir) {
        try {
            Path out = dir.resolve("models-" + seed + ".jsonl");
            generator().getMethod("main", String[].class).invoke(null, (Object) new String[] {"--count", "" + count,
                    "--seed", "" + seed, "--block", "" + block, "--facts", TestKit.FACTS.toString(), "--out", out.toString()});
            return Files.readAllLines(out, StandardCharsets.UTF_8);
        } catch (ReflectiveOperationException e) {
            throw new AssertionError("bench/Generate.java failed", e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static synchronized Class<?> generator() throws IOException, ClassNotFoundException {
        if (generator == null) {
            Path classes = Files.createTempDirectory("origins-generate");
            int rc = ToolProvider.getSystemJavaCompiler().run(null, null, null, "-d", classes.toString(),
                    "-cp", System.getProperty("java.class.path"), Path.of("bench", "Generate.java").toString());
            assertThat(rc).as("javac bench/Generate.java").isZero();
            var loader = new URLClassLoader(new java.net.URL[] {classes.toUri().toURL()}, BatchKit.class.getClassLoader());
            generator = loader.loadClass("Generate");
        }
        return generator;
    }

    /** Runs a batch in-process over {@code lines}; the output lines. */
    static Batch run(List<String> lines, BatchPredictor.Settings settings) {
        var predictor = new BatchPredictor(TestKit.kb(), TestKit.rules(), settings, Path.of("models.jsonl"));
        StringWriter out = new StringWriter();
        try {
            var summary = predictor.run(new ByteArrayInputStream((String.join("\n", lines) + "\n")
                    .getBytes(StandardCharsets.UTF_8)), out);
            return new Batch(summary, out.toString().lines().toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    record Batch(BatchPredictor.Summary summary, List<String> lines) {
        List<JsonNode> json() {
            List<JsonNode> out = new ArrayList<>();
            for (String l : lines) {
                out.add(parse(l));
            }
            return out;
        }
    }

    static JsonNode parse(String line) {
        try {
            return JSON.readTree(line);
        } catch (IOException e) {
            throw new AssertionError("not a JSON line: " + line, e);
        }
    }
}
