package org.origins.batch;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.MinimalPrettyPrinter;
import org.origins.io.Problem;
import org.origins.kb.Grade;
import org.origins.kb.Level;
import org.origins.reasoning.Standing;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;

/**
 * Writes a chunk's output lines with Jackson's streaming generator, one compact JSON object a line:
 * <pre>{"model":"m","levels":{"language-generation":"present",...},"grades":{"language-generation":"hypothesis",...}}</pre>
 * {@code levels} lists every ability; {@code grades} only the abilities some step decided; {@code undetermined},
 * only when a value the model's lineage leaves undisclosed would change an ability, the levels each
 * such ability could have ({@code "undetermined":{"zero-shot-generalization":["none","present"]}}), as
 * {@code predict} shows them. A line that
 * could not be read gives {@code {"model":"m","error":{"line":N,"column":C,"pointer":"/stages/0/kind","message":"..."}}}
 * ({@code model} when the line names one, {@code column} and {@code pointer} when known).
 */
final class ResultLines implements AutoCloseable {
    private static final JsonFactory JSON = new JsonFactory();

    private final List<String> abilities;
    private final StringWriter out;
    private final JsonGenerator json;

    ResultLines(List<String> abilities, int expectedLines) {
        this.abilities = abilities;
        this.out = new StringWriter(expectedLines * 700);
        try {
            this.json = JSON.createGenerator(out).setPrettyPrinter(new MinimalPrettyPrinter(""));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void result(String model, Map<String, Standing> standings, Map<String, List<Level>> undetermined) {
        try {
            json.writeStartObject();
            json.writeStringField("model", model);
            json.writeObjectFieldStart("levels");
            for (String a : abilities) {
                json.writeStringField(a, standings.get(a).level().id());
            }
            json.writeEndObject();
            json.writeObjectFieldStart("grades");
            for (String a : abilities) {
                Grade g = standings.get(a).grade();
                if (g != null) {
                    json.writeStringField(a, g.id());
                }
            }
            json.writeEndObject();
            if (!undetermined.isEmpty()) {
                json.writeObjectFieldStart("undetermined");
                for (String a : abilities) {
                    List<Level> possible = undetermined.get(a);
                    if (possible != null) {
                        json.writeArrayFieldStart(a);
                        for (Level l : possible) {
                            json.writeString(l.id());
                        }
                        json.writeEndArray();
                    }
                }
                json.writeEndObject();
            }
            end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void error(String model, long line, Problem error) {
        try {
            json.writeStartObject();
            if (model != null) {
                json.writeStringField("model", model);
            }
            json.writeObjectFieldStart("error");
            json.writeNumberField("line", line);
            if (error.column() > 0) {
                json.writeNumberField("column", error.column());
            }
            if (error.pointer() != null && !error.pointer().isEmpty()) {
                json.writeStringField("pointer", error.pointer());
            }
            json.writeStringField("message", error.message());
            json.writeEndObject();
            end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void end() throws IOException {
        json.writeEndObject();
        json.writeRaw('\n');
    }

    /** The lines written. */
    String text() {
        try {
            json.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    @Override
    public void close() {
        try {
            json.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
