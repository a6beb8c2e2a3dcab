package org.origins.render;

import org.origins.cli.Main;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Runs the command line in-process for the render tests, and the checks they share. */
final class RenderCli {
    /** Two hypothetical models: opt-code (from the real opt-175b) and opt-code-inst (from opt-code). */
    static final String HYPOTHETICAL = org.origins.TestKit.TWO_HYPOTHETICAL_MODELS;

    private RenderCli() {
    }

    record Result(int code, String out, String err) {
        Result ok() {
            assertThat(code).as("exit code; stderr:\n%s", err).isZero();
            return this;
        }

        /** Bad input: exit 2, a message, no stack trace. */
        Result badInput() {
            assertThat(code).as("exit code; stdout:\n%s\nstderr:\n%s", out, err).isEqualTo(Main.BAD_INPUT);
            assertThat(err).isNotBlank().doesNotContain("Exception").doesNotContain("\tat ").doesNotContain("internal error");
            return this;
        }
    }

    static Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true), false);
        return new Result(code, out.toString(), err.toString());
    }

    static Path write(Path file, String content) {
        try {
            Files.writeString(file, content, StandardCharsets.UTF_8);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The names in a folder: a failed write must leave no file and no hidden temporary one. */
    static List<String> names(Path dir) {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The part of {@code text} from the line starting with {@code start} to the next line that is exactly {@code end}. */
    static String block(String text, String start, String end) {
        int i = text.indexOf(start);
        assertThat(i).as("no %s in:\n%s", start, text).isNotNegative();
        int j = text.indexOf("\n" + end + "\n", i);
        assertThat(j).as("no end %s after %s", end, start).isPositive();
        return text.substring(i, j);
    }
}
