package org.origins.cli;

import org.origins.explain.Answer;
import org.origins.io.AtomicFiles;
import org.origins.io.FilePaths;
import org.origins.io.InputException;
import org.origins.render.DotLayout;
import org.origins.render.DotWriter;
import org.origins.render.Drawing;
import org.origins.render.Format;
import org.origins.render.JsonWriter;
import org.origins.render.MarkdownWriter;
import org.origins.render.MermaidWriter;
import org.origins.render.Style;
import org.origins.render.TextWriter;
import org.origins.render.answers.Documents;
import org.origins.render.answers.Drawings;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Hands an answer to the writer chosen by --format and writes the result: to the terminal, or
 * with --out to a file (atomically), or with --render drawn by Graphviz into an image.
 */
final class Output {
    private Output() {
    }

    /** Where a command that draws graphs writes: {@code --out}, {@code --render}, {@code --force}. */
    static final class Target {
        @Option(names = "--out", paramLabel = "FILE",
                description = "Write to FILE instead of the terminal (atomically: a temporary file, then a rename).")
        Path out;

        @Option(names = "--render", paramLabel = "FORMAT",
                description = "Draw the graph with Graphviz's dot into --out FILE as ${COMPLETION-CANDIDATES} "
                        + "(needs Graphviz: apt-get install graphviz).")
        DotLayout.Image render;

        @Option(names = "--force", description = "Replace an existing --out file.")
        boolean force;
    }

    static void print(CommandSpec spec, Options options, Answer answer) {
        Format format = options.format;
        Target target = target(spec);
        if (target != null && target.render != null) {
            draw(spec, format, answer, target);
            return;
        }
        Path out = target == null ? null : target.out;
        if (out != null) {
            checkTarget(out, target.force);
        }
        String rendered = render(spec, format, answer, out == null && options.colours());
        if (out != null) {
            write(spec, out, rendered.getBytes(StandardCharsets.UTF_8), target.force);
            return;
        }
        spec.commandLine().getOut().print(rendered);
        spec.commandLine().getOut().flush();
    }

    private static String render(CommandSpec spec, Format format, Answer answer, boolean colours) {
        return switch (format) {
            case JSON -> JsonWriter.write(answer);
            case MARKDOWN -> new MarkdownWriter().write(Documents.of(answer));
            case MERMAID -> MermaidWriter.write(drawing(spec, format, answer));
            case DOT -> DotWriter.write(drawing(spec, format, answer));
            case TEXT -> new TextWriter(colours ? Style.auto() : Style.plain()).write(Documents.of(answer));
        };
    }

    private static Drawing drawing(CommandSpec spec, Format format, Answer answer) {
        return Drawings.of(answer).orElseThrow(() -> new InputException("--format " + format + ": `" + spec.name()
                + "` has no graph to draw; graphs are drawn for why, why-not, compare, what-if, matrix and lineage. "
                + "Use --format text, json or markdown here"));
    }

    /** --render: the DOT form drawn by Graphviz, written atomically to --out. */
    private static void draw(CommandSpec spec, Format format, Answer answer, Target target) {
        if (target.out == null) {
            throw new InputException("--render " + target.render + " needs --out FILE (where to write the image)");
        }
        if (format != Format.TEXT && format != Format.DOT) {
            throw new InputException("--render draws the DOT graph; it cannot be combined with --format " + format);
        }
        Drawing drawing = drawing(spec, Format.DOT, answer);
        checkTarget(target.out, target.force);
        byte[] image = DotLayout.render(DotWriter.write(drawing), target.render);
        write(spec, target.out, image, target.force);
    }

    /** Fails early (exit 2) on an --out that exists without --force or whose folder cannot be written. */
    static void checkTarget(Path out, boolean force) {
        if (Files.isDirectory(out)) {
            throw new InputException("--out " + FilePaths.display(out) + " is a folder; give a file name");
        }
        if (Files.exists(out) && !force) {
            throw new InputException("--out " + FilePaths.display(out) + " already exists; use --force to replace it");
        }
        Path dir = out.toAbsolutePath().getParent();
        Path existing = dir;
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        if (existing != null && !Files.isDirectory(existing)) {
            throw new InputException("--out " + FilePaths.display(out) + ": cannot write there: " + FilePaths.display(existing)
                    + " is a file, not a folder");
        }
        if (existing != null && !Files.isWritable(existing)) {
            throw new InputException("--out " + FilePaths.display(out) + ": cannot write there: the folder " + FilePaths.display(existing)
                    + " is not writable (permission denied)");
        }
    }

    /** Writes atomically (nothing partial is ever left) and says where. */
    static void write(CommandSpec spec, Path out, byte[] content, boolean force) {
        AtomicFiles.write(out, content, force);
        spec.commandLine().getOut().println("wrote " + FilePaths.display(out));
        spec.commandLine().getOut().flush();
    }

    private static Target target(CommandSpec spec) {
        for (CommandSpec mixin : spec.mixins().values()) {
            if (mixin.userObject() instanceof Target t) {
                return t;
            }
        }
        return null;
    }
}
