package org.origins.kb;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * A copy of the project's real facts/ in a temporary directory, to break one file at a time.
 * Edits are textual so that line numbers in expected problems can be computed from the file.
 */
final class FactsCopy {
    /** The project's knowledge base (surefire runs with the project directory as working directory). */
    static final Path REAL_FACTS = Path.of("facts").toAbsolutePath();

    static final ObjectMapper MAPPER = new ObjectMapper();

    final Path dir;

    private FactsCopy(Path dir) {
        this.dir = dir;
    }

    /** Copies facts/ (the whole folder) into {@code tmp}/facts. */
    static FactsCopy of(Path tmp) {
        return new FactsCopy(org.origins.TestKit.copyDir(REAL_FACTS, tmp.resolve("facts")));
    }

    Path file(String rel) {
        return dir.resolve(rel);
    }

    String read(String rel) {
        try {
            return Files.readString(file(rel), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    FactsCopy write(String rel, String text) {
        return writeBytes(rel, text.getBytes(StandardCharsets.UTF_8));
    }

    FactsCopy writeBytes(String rel, byte[] bytes) {
        try {
            Files.createDirectories(file(rel).getParent());
            Files.write(file(rel), bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    /** Replaces the single occurrence of {@code from} in the file (it must occur exactly once). */
    FactsCopy replace(String rel, String from, String to) {
        String text = read(rel);
        int at = text.indexOf(from);
        assertThat(at).as("%s contains %s", rel, from).isGreaterThanOrEqualTo(0);
        assertThat(text.indexOf(from, at + 1)).as("%s contains %s only once", rel, from).isEqualTo(-1);
        return write(rel, text.substring(0, at) + to + text.substring(at + from.length()));
    }

    /** Replaces the {@code n}-th (0-based) occurrence of {@code from}. */
    FactsCopy replaceNth(String rel, String from, int n, String to) {
        String text = read(rel);
        int at = -1;
        for (int i = 0; i <= n; i++) {
            at = text.indexOf(from, at + 1);
            assertThat(at).as("%s contains %s at least %d times", rel, from, n + 1).isGreaterThanOrEqualTo(0);
        }
        return write(rel, text.substring(0, at) + to + text.substring(at + from.length()));
    }

    /**
     * Edits the parsed JSON of a file and writes it back pretty-printed (keys print as
     * {@code "key" : value}); for structural edits that are awkward as text.
     */
    FactsCopy editJson(String rel, Consumer<ObjectNode> edit) {
        try {
            ObjectNode root = (ObjectNode) MAPPER.readTree(file(rel).toFile());
            edit.accept(root);
            return write(rel, MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(root));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static ObjectNode statement(Object value, String source) {
        ObjectNode s = MAPPER.createObjectNode();
        s.set("value", MAPPER.valueToTree(value));
        s.put("source", source);
        return s;
    }

    /** The 1-based line of the first occurrence of {@code needle} in the (edited) file. */
    int lineOf(String rel, String needle) {
        String text = read(rel);
        int at = text.indexOf(needle);
        assertThat(at).as("%s contains %s", rel, needle).isGreaterThanOrEqualTo(0);
        return (int) text.substring(0, at).chars().filter(c -> c == '\n').count() + 1;
    }

    /** Loads the copy, expecting it to be rejected; returns every problem reported. */
    List<Problem> loadFails() {
        InputException e = catchThrowableOfType(InputException.class, () -> KbLoader.load(dir));
        assertThat(e).as("KbLoader.load should throw InputException").isNotNull();
        assertThat(e.problems()).isNotEmpty();
        return e.problems();
    }

    KnowledgeBase load() {
        return KbLoader.load(dir);
    }
}
