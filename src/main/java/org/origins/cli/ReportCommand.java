package org.origins.cli;

import org.origins.explain.Report;
import org.origins.explain.ReportQuery;
import org.origins.io.FilePaths;
import org.origins.io.InputException;
import org.origins.render.Format;
import org.origins.render.HtmlWriter;
import org.origins.render.JsonWriter;
import org.origins.render.MarkdownWriter;
import org.origins.render.answers.Documents;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;

@Command(name = "report", mixinStandardHelpOptions = true,
        description = {"A full report to share: the evolution tree, the ability matrix (levels, grades, each cell linked to its "
                + "proof), the observations checked, the disputed facts, the rules with their claims, grades and sources, "
                + "and the proofs. Hypothetical models (--with) are marked.",
                "--out report.html: one self-contained page (inline CSS; the tree and each proof's graph as inline SVG, "
                        + "drawn by origins itself, no Graphviz needed; nothing loaded from the network). --out report.md: the same as Markdown with Mermaid blocks. "
                        + "Without --out, the Markdown goes to the terminal."})
class ReportCommand implements Callable<Integer> {
    @Mixin
    Options options;
    @Spec
    CommandSpec spec;
    @Option(names = "--out", paramLabel = "FILE",
            description = "FILE.html (one self-contained page), FILE.md (Markdown with Mermaid) or FILE.json; written atomically.")
    Path out;
    @Option(names = "--force", description = "Replace an existing --out file.")
    boolean force;

    private enum Kind { HTML, MARKDOWN, JSON }

    @Override
    public Integer call() {
        Kind kind = kind();
        var target = out == null ? null : Output.checkTarget(spec, out, force);
        Report report = ReportQuery.build(new Workspace(options).reason(), options.maxFirings);
        String content = switch (kind) {
            case JSON -> JsonWriter.write(report);
            case MARKDOWN -> new MarkdownWriter().write(Documents.of(report));
            case HTML -> html(report);
        };
        if (out == null) {
            spec.commandLine().getOut().print(content);
            spec.commandLine().getOut().flush();
        } else {
            Output.write(spec, target, content.getBytes(StandardCharsets.UTF_8));
        }
        return Main.OK;
    }

    /** HTML, Markdown or JSON: by the --out file's extension, else by --format (Markdown unless json). */
    private Kind kind() {
        if (out == null) {
            if (options.format == Format.JSON) {
                return Kind.JSON;
            }
            if (options.format.graph()) {
                throw new InputException("--format " + options.format + ": the report is a document, not one graph; "
                        + "use --out report.html or --out report.md (the lineage command draws the tree alone)");
            }
            return Kind.MARKDOWN;
        }
        String name = out.getFileName() == null ? "" : out.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".html") || name.endsWith(".htm")) {
            return Kind.HTML;
        }
        if (name.endsWith(".md") || name.endsWith(".markdown")) {
            return Kind.MARKDOWN;
        }
        if (name.endsWith(".json")) {
            return Kind.JSON;
        }
        throw new InputException("--out " + FilePaths.display(out) + ": the report is written as HTML (.html), Markdown (.md) "
                + "or JSON (.json); end the file name with one of these");
    }

    /** The page, its diagrams drawn by Graphviz; what could not be drawn is said on the page and here. */
    private String html(Report report) {
        HtmlWriter writer = new HtmlWriter();
        String page = writer.page(Documents.title(report), Documents.of(report));
        for (String note : writer.notes()) {
            spec.commandLine().getErr().println("origins: " + note);
        }
        spec.commandLine().getErr().flush();
        return page;
    }
}
