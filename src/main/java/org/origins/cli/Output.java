package org.origins.cli;

import org.origins.explain.Answer;
import org.origins.io.FilePaths;
import org.origins.io.InputException;
import org.origins.io.OutputTarget;
import org.origins.render.DotLayout;
import org.origins.render.DotWriter;
import org.origins.render.Drawing;
import org.origins.render.Format;
import org.origins.render.JsonWriter;
import org.origins.render.MarkdownWriter;
import org.origins.render.MermaidWriter;
import org.origins.render.Style;
import org.origins.render.SvgWriter;
import org.origins.render.TextWriter;
import org.origins.render.answers.Documents;
import org.origins.render.answers.Drawings;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.nio.file.Path;

/**
 * Hands an answer to the writer chosen by --format and writes the result: to the terminal, or
 * with --out to a file (atomically), or with --render drawn into an image (SVG by origins' own
 * layout, PNG by Graphviz).
 */
final class Output {
    private Output() {
    }

    /** Where a command that draws graphs writes: {@code --out}, {@code --render}, {@code --force}. */
    static final class Target {
        @Option(names = "--out", paramLabel = "FILE",
                description = "Write to FILE instead of the terminal: atomically (a temporary file, then a rename); an existing "
                        + "FILE only with --force, never a file the command reads (docs/safety.md).")
        Path out;

        @Option(names = "--render", paramLabel = "FORMAT",
                description = "Draw the graph into --out FILE as ${COMPLETION-CANDIDATES}: svg is drawn by origins itself, "
                        + "png by Graphviz's dot (needs Graphviz: apt-get install graphviz).")
        DotLayout.Image render;

        @Option(names = "--force", description = "Replace an existing --out file (keeping its permissions; a symbolic link's "
                + "target is written, a FIFO or device written into).")
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
        OutputTarget file = out == null ? null : checkTarget(spec, out, target.force);
        String rendered = render(spec, format, answer, out == null && options.colours());
        if (file != null) {
            write(spec, file, rendered.getBytes(StandardCharsets.UTF_8));
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

    /**
     * --render: SVG drawn by origins itself — the same picture on every machine, byte for byte, as
     * in the report, with or without Graphviz — or PNG, the DOT form drawn by Graphviz; written
     * atomically to --out.
     */
    private static void draw(CommandSpec spec, Format format, Answer answer, Target target) {
        if (target.out == null) {
            throw new InputException("--render " + target.render + " needs --out FILE (where to write the image)");
        }
        if (format != Format.TEXT && format != Format.DOT) {
            throw new InputException("--render draws the graph; it cannot be combined with --format " + format);
        }
        Drawing drawing = drawing(spec, Format.DOT, answer);
        OutputTarget file = checkTarget(spec, target.out, target.force);
        byte[] image = target.render == DotLayout.Image.SVG ? SvgWriter.write(drawing).getBytes(StandardCharsets.UTF_8)
                : DotLayout.render(DotWriter.write(drawing), target.render);
        write(spec, file, image);
    }

    /**
     * Fails early (exit 2) on an --out that may not be written: see {@link OutputTarget}; the files
     * the command reads are its facts and rules folders and its --with files.
     */
    static OutputTarget checkTarget(CommandSpec spec, Path out, boolean force) {
        List<Path> inputs = new ArrayList<>();
        for (CommandSpec mixin : spec.mixins().values()) {
            if (mixin.userObject() instanceof Options o) {
                inputs.add(o.factsDir());
                inputs.add(o.rulesDir());
                inputs.addAll(o.with);
            }
        }
        return OutputTarget.of("--out", out, force, inputs);
    }

    /** Writes (atomically, or into a FIFO or device) and says where. */
    static void write(CommandSpec spec, OutputTarget file, byte[] content) {
        file.write(content);
        spec.commandLine().getOut().println("wrote " + FilePaths.display(file.requested()));
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
