package org.origins.render;


import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.origins.io.InputException;

/**
 * Draws DOT source into an image with Graphviz's {@code dot} program (the system property
 * {@code origins.dot} names another binary). Everything happens in a private temporary folder and
 * the image comes back as bytes: the caller writes it atomically, so a failed drawing never leaves
 * a partial file. A missing Graphviz is bad input (exit 2) with the way to install it.
 */
public final class DotLayout {
    /** The image formats {@code --render} takes. */
    public enum Image {
        SVG, PNG;

        @Override
        public String toString() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public static final String INSTALL = "install Graphviz (Debian/Ubuntu: apt-get install graphviz; macOS: brew install graphviz), "
            + "or write the DOT source with --format dot and draw it elsewhere";

    private static final long TIMEOUT_SECONDS = 120;

    private DotLayout() {
    }

    /** The Graphviz binary used: {@code origins.dot}, else {@code dot} on the PATH. */
    static String binary() {
        String b = System.getProperty("origins.dot");
        return b == null || b.isBlank() ? "dot" : b;
    }

    /** Thrown when Graphviz is not installed. */
    public static final class MissingGraphviz extends InputException {
        MissingGraphviz(String message) {
            super(message);
        }
    }

    /**
     * The image of {@code dot}. Throws {@link MissingGraphviz} when Graphviz is not installed and
     * {@link InputException} when it fails on the source or takes too long.
     */
    public static byte[] render(String dot, Image format) {
        Path dir = null;
        try {
            dir = Files.createTempDirectory("origins-dot-");
            Path in = dir.resolve("graph.dot");
            Path out = dir.resolve("graph." + format);
            Path err = dir.resolve("stderr.txt");
            Files.writeString(in, dot, StandardCharsets.UTF_8);
            Process p;
            try {
                p = new ProcessBuilder(binary(), "-T" + format, "-o" + out, in.toString())
                        .redirectErrorStream(false)
                        .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                        .redirectError(err.toFile())
                        .start();
            } catch (IOException e) {
                throw new MissingGraphviz("cannot draw " + format + ": Graphviz's `" + binary()
                        + "` program was not found; " + INSTALL);
            }
            if (!p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                p.waitFor(10, TimeUnit.SECONDS);
                throw new InputException("Graphviz took more than " + TIMEOUT_SECONDS + " s to draw the " + format
                        + "; nothing was written");
            }
            String stderr = Files.exists(err) ? Files.readString(err, StandardCharsets.UTF_8).strip() : "";
            if (p.exitValue() != 0 || !Files.exists(out) || Files.size(out) == 0) {
                throw new InputException("Graphviz failed to draw the " + format + " (exit " + p.exitValue() + ")"
                        + (stderr.isEmpty() ? "" : ": " + firstLines(stderr)) + "; nothing was written");
            }
            return Files.readAllBytes(out);
        } catch (IOException e) {
            throw new InputException("cannot run Graphviz: " + e.getMessage() + "; nothing was written");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InputException("interrupted while Graphviz was drawing; nothing was written");
        } finally {
            delete(dir);
        }
    }

    /** Whether Graphviz can be run here ({@code dot -V}). */
    public static boolean available() {
        try {
            Process p = new ProcessBuilder(binary(), "-V").redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            return p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static String firstLines(String s) {
        List<String> lines = s.lines().limit(3).toList();
        return String.join(" / ", lines);
    }

    private static void delete(Path dir) {
        if (dir == null) {
            return;
        }
        try (var files = Files.list(dir)) {
            for (Path f : files.toList()) {
                Files.deleteIfExists(f);
            }
            Files.deleteIfExists(dir);
        } catch (IOException ignored) {
            // a leftover in the system's temporary folder does no harm
        }
    }
}
