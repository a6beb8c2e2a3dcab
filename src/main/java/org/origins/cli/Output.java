package org.origins.cli;

import org.origins.kb.OutputTarget;
import org.origins.kb.InputException;
import org.origins.kb.Paths;
import org.origins.render.DotLayout;
import org.origins.render.DotRenderer;
import org.origins.render.Format;
import org.origins.render.JsonRenderer;
import org.origins.render.MarkdownRenderer;
import org.origins.render.MermaidRenderer;
import org.origins.render.Style;
import org.origins.render.SvgRenderer;
import org.origins.render.TextRenderer;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.nio.file.Path;
import java.util.function.Function;

/**
 * Hands an answer to the renderer chosen by --format and writes the result: to the terminal, or
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
                        + "FILE only with --force, never a file the command reads (README: \"Where --out writes\").")
        Path out;

        @Option(names = "--render", paramLabel = "FORMAT",
                description = "Draw the graph into --out FILE as ${COMPLETION-CANDIDATES}: svg is drawn by origins itself, "
                        + "png by Graphviz's dot (needs Graphviz: apt-get install graphviz).")
        DotLayout.Image render;

        @Option(names = "--force", description = "Replace an existing --out file (keeping its permissions; a symbolic link's "
                + "target is written, a FIFO or device written into).")
        boolean force;
    }

    static void print(CommandSpec spec, Format format, Object answer, Function<TextRenderer, String> text) {
        Target target = target(spec);
        if (target != null && target.render != null) {
            draw(spec, format, answer, target);
            return;
        }
        Path out = target == null ? null : target.out;
        OutputTarget file = out == null ? null : checkTarget(spec, out, target.force);
        String rendered = render(spec, format, answer, text, out == null && Main.colours());
        if (file != null) {
            write(spec, file, rendered.getBytes(StandardCharsets.UTF_8));
            return;
        }
        spec.commandLine().getOut().print(rendered);
        spec.commandLine().getOut().flush();
    }

    private static String render(CommandSpec spec, Format format, Object answer, Function<TextRenderer, String> text,
                                 boolean colours) {
        switch (format) {
            case JSON:
                return JsonRenderer.render(answer);
            case MARKDOWN:
                return MarkdownRenderer.supports(answer) ? MarkdownRenderer.render(answer)
                        : MarkdownRenderer.fenced(text.apply(new TextRenderer(Style.plain())));
            case MERMAID:
                requireGraph(spec, format, MermaidRenderer.supports(answer));
                return MermaidRenderer.render(answer);
            case DOT:
                requireGraph(spec, format, DotRenderer.supports(answer));
                return DotRenderer.render(answer);
            case TEXT:
            default:
                return text.apply(new TextRenderer(colours ? Style.auto() : Style.plain()));
        }
    }

    private static void requireGraph(CommandSpec spec, Format format, boolean supported) {
        if (!supported) {
            throw new InputException("--format " + format + ": `" + spec.name() + "` has no graph to draw; graphs are drawn "
                    + "for why, why-not, compare, what-if, matrix and lineage. Use --format text, json or markdown here");
        }
    }

    /**
     * --render: SVG drawn by origins itself — the same picture on every machine, byte for byte, as
     * in the report, with or without Graphviz — or PNG, the DOT form drawn by Graphviz; written
     * atomically to --out.
     */
    private static void draw(CommandSpec spec, Format format, Object answer, Target target) {
        if (target.out == null) {
            throw new InputException("--render " + target.render + " needs --out FILE (where to write the image)");
        }
        if (format != Format.TEXT && format != Format.DOT) {
            throw new InputException("--render draws the graph; it cannot be combined with --format " + format);
        }
        requireGraph(spec, Format.DOT, DotRenderer.supports(answer));
        OutputTarget file = checkTarget(spec, target.out, target.force);
        byte[] image = target.render == DotLayout.Image.SVG ? SvgRenderer.render(answer).getBytes(StandardCharsets.UTF_8)
                : DotLayout.render(DotRenderer.render(answer), target.render);
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
        spec.commandLine().getOut().println("wrote " + Paths.display(file.requested()));
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
