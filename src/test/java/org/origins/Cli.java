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
 * The one in-process harness of the command line for every test: run {@code origins ARGS} and check
 * what a user would meet (exit code, standard output, standard error), read its JSON, and the
 * small file helpers the command tests share.
 */
public final class Cli {
    public static final ObjectMapper JSON = new ObjectMapper();

    private Cli() {
    }

    /** What a run printed and returned. */
    public record Result(int code, String out, String err) {
        /** Exit code 0. */
        public Result ok() {
            assertThat(code).as("exit code; stderr:\n%s", err).isZero();
            return this;
        }

        public List<String> lines() {
            return Arrays.stream(out.split("\n")).filter(l -> !l.isBlank()).toList();
        }

        /** The first line of stdout that starts (after spaces) with {@code first} followed by a space. */
        public String row(String first) {
            return Arrays.stream(out.split("\n")).filter(l -> l.strip().startsWith(first + " ")).findFirst()
                    .orElseThrow(() -> new AssertionError("no row " + first + " in:\n" + out));
        }

        /** Exit 0, and stdout parsed as JSON. */
        public JsonNode json() {
            ok();
            try {
                return JSON.readTree(out);
            } catch (IOException e) {
                throw new AssertionError("stdout is not JSON:\n" + out, e);
            }
        }

        /** A bad-input exit: code 2, nothing on stdout, no stack trace, a message on stderr. */
        public Result badInput() {
            return rejected(Main.BAD_INPUT);
        }

        /**
         * Exit {@code expectedCode}, no stack trace; for bad input (2) nothing on stdout (no answer as if
         * complete) and a message on stderr, else the problems found somewhere.
         */
        public Result rejected(int expectedCode) {
            assertThat(code).as("exit code; stdout:\n%s\nstderr:\n%s", out, err).isEqualTo(expectedCode);
            if (expectedCode == Main.BAD_INPUT) {
                assertThat(out).as("stdout of a rejected command (no answer as if complete)").isEmpty();
                assertThat(err).as("stderr").isNotBlank();
            } else {
                assertThat(out + err).as("the problems found").isNotBlank();
            }
            return noStackTrace();
        }

        public Result noStackTrace() {
            assertThat(err).as("stderr").doesNotContain("Exception").doesNotContain("\tat ").doesNotContain("at org.")
                    .doesNotContain("internal error");
            assertThat(out).as("stdout").doesNotContain("Exception").doesNotContain("\tat ");
            return this;
        }
    }

    public static Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true), false);
        return new Result(code, out.toString(), err.toString());
    }

    /** The elements of a JSON array as a list. */
    public static List<JsonNode> list(JsonNode array) {
        assertThat(array.isArray()).as("expected a JSON array, found %s", array).isTrue();
        return StreamSupport.stream(array.spliterator(), false).toList();
    }

    /** The texts of a JSON array of strings. */
    public static List<String> texts(JsonNode array) {
        return list(array).stream().map(JsonNode::asText).toList();
    }

    public static Path write(Path file, String text) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }

    public static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static byte[] bytes(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The names of the files in a folder (hidden ones too), sorted: a failed write must leave nothing behind. */
    public static List<String> names(Path dir) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(dir)) {
            return new ArrayList<>(new TreeSet<>(s.map(p -> p.getFileName().toString()).toList()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The part of {@code text} from the line starting with {@code start} to the next line that is exactly {@code end}. */
    public static String block(String text, String start, String end) {
        int i = text.indexOf(start);
        assertThat(i).as("no %s in:\n%s", start, text).isNotNegative();
        int j = text.indexOf("\n" + end + "\n", i);
        assertThat(j).as("no end %s after %s", end, start).isPositive();
        return text.substring(i, j);
    }
}
