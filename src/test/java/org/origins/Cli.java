package org.origins;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.origins.cli.Main;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Shared helpers of the command tests: run the command line in-process, read its JSON, copy
 * facts/ or rules/ into a temporary folder.
 */
final class Cli {
    static final ObjectMapper JSON = new ObjectMapper();

    private Cli() {
    }

    record Result(int code, String out, String err) {
        List<String> lines() {
            return Arrays.stream(out.split("\n")).filter(l -> !l.isBlank()).toList();
        }

        /** The first line of stdout that starts (after spaces) with {@code first} followed by a space. */
        String row(String first) {
            return Arrays.stream(out.split("\n")).filter(l -> l.strip().startsWith(first + " ")).findFirst()
                    .orElseThrow(() -> new AssertionError("no row " + first + " in:\n" + out));
        }

        JsonNode json() {
            assertThat(code).as("exit code; stderr:\n%s", err).isZero();
            try {
                return JSON.readTree(out);
            } catch (IOException e) {
                throw new AssertionError("stdout is not JSON:\n" + out, e);
            }
        }

        /** A bad-input exit: code 2, nothing on stdout, no stack trace, a message on stderr. */
        Result badInput() {
            assertThat(code).as("exit code; stdout:\n%s\nstderr:\n%s", out, err).isEqualTo(Main.BAD_INPUT).isEqualTo(2);
            assertThat(out).as("stdout of a rejected command").isEmpty();
            assertThat(err).isNotBlank();
            noStackTrace();
            return this;
        }

        Result noStackTrace() {
            assertThat(err).doesNotContain("Exception").doesNotContain("\tat ").doesNotContain("at org.")
                    .doesNotContain("internal error");
            assertThat(out).doesNotContain("Exception").doesNotContain("\tat ");
            return this;
        }
    }

    static Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true), false);
        return new Result(code, out.toString(), err.toString());
    }

    /** The elements of a JSON array as a list. */
    static List<JsonNode> list(JsonNode array) {
        assertThat(array.isArray()).as("expected a JSON array, found %s", array).isTrue();
        return StreamSupport.stream(array.spliterator(), false).toList();
    }

    /** The texts of a JSON array of strings. */
    static List<String> texts(JsonNode array) {
        return list(array).stream().map(JsonNode::asText).toList();
    }

    /** Copies a folder recursively (e.g. facts/ or rules/) to {@code target}. */
    static Path copyDir(Path source, Path target) {
        return TestKit.copyDir(source, target);
    }

    static Path write(Path file, String text) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }

    static byte[] bytes(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The names of the files in a folder (hidden ones too), sorted. */
    static List<String> names(Path dir) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(dir)) {
            return new ArrayList<>(new TreeSet<>(s.map(p -> p.getFileName().toString()).toList()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
