package org.origins.reliability;

import org.origins.cli.Main;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The reliability tests' helpers: run the command line in-process, copy the real facts/ and
 * rules/ into a temporary folder, read the bad-input corpus, hash a folder.
 */
final class Run {
    /** The project's real folders (surefire runs in the project directory). */
    static final Path FACTS = Path.of("facts").toAbsolutePath();
    static final Path RULES = Path.of("rules").toAbsolutePath();
    /** The corpus of broken inputs. */
    static final Path BAD = Path.of("src/test/resources/bad").toAbsolutePath();

    private Run() {
    }

    record Result(int code, String out, String err) {
        /** Exit code 2 (or {@code code}), nothing on stdout, a message and no stack trace on stderr. */
        Result rejected(int expectedCode) {
            assertThat(code).as("exit code; stdout:\n%s\nstderr:\n%s", out, err).isEqualTo(expectedCode);
            if (expectedCode == Main.BAD_INPUT) {
                assertThat(out).as("stdout of a rejected command (no answer as if complete)").isEmpty();
                assertThat(err).as("stderr").isNotBlank();
            } else {
                assertThat(out + err).as("the problems found").isNotBlank();
            }
            return noStackTrace();
        }

        Result noStackTrace() {
            assertThat(err).as("stderr").doesNotContain("Exception").doesNotContain("\tat ").doesNotContain("at org.")
                    .doesNotContain("internal error");
            assertThat(out).as("stdout").doesNotContain("Exception").doesNotContain("\tat org.");
            return this;
        }
    }

    static Result cli(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true), false);
        return new Result(code, out.toString(), err.toString());
    }

    /** Copies a folder recursively to {@code target} (symbolic links are not expected in the source). */
    static Path copyDir(Path source, Path target) {
        return org.origins.TestKit.copyDir(source, target);
    }

    /** A corpus file's bytes. */
    static byte[] corpus(String rel) {
        try {
            return Files.readAllBytes(BAD.resolve(rel));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Path write(Path file, byte[] bytes) {
        try {
            Files.createDirectories(file.getParent());
            return Files.write(file, bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Every entry of a folder, recursively, with a hash of its content (files), "dir" (folders) or
     * its target (symbolic links): equal maps mean nothing was added, removed or changed.
     */
    static Map<String, String> hashes(Path dir) {
        Map<String, String> out = new TreeMap<>();
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path p : all.toList()) {
                String rel = dir.relativize(p).toString();
                if (Files.isSymbolicLink(p)) {
                    out.put(rel, "link " + Files.readSymbolicLink(p));
                } else if (Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
                    out.put(rel, "dir");
                } else {
                    out.put(rel, sha256(p));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    private static String sha256(Path p) throws IOException {
        try (InputStream in = Files.newInputStream(p)) {
            MessageDigest d = MessageDigest.getInstance("SHA-256");
            byte[] buf = new byte[1 << 16];
            for (int n; (n = in.read(buf)) > 0; ) {
                d.update(buf, 0, n);
            }
            return HexFormat.of().formatHex(d.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
