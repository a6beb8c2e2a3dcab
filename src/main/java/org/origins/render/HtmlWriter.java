package org.origins.render;

import org.origins.io.InputException;

import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * Writes a document as HTML: a whole self-contained page ({@link #page}: inline CSS, no script,
 * nothing loaded from elsewhere) or a fragment of one ({@link #fragment}) for a page made
 * elsewhere. Anchors are the document's own ids (stable across runs, see {@link Anchors}). Diagrams
 * become inline SVG through one {@link SvgDrawer} (origins' own layout unless another is given: the
 * one-line swap is {@code new HtmlWriter(SvgDrawer.graphviz())}); where it cannot draw, the graph's DOT source is
 * shown with a note, and the note is kept ({@link #notes}) for the caller to report. A writer holds
 * only those notes: use one per page.
 */
public final class HtmlWriter {
    static final String CSS = """
            body{font-family:system-ui,-apple-system,"Segoe UI",Helvetica,Arial,sans-serif;margin:0 auto;max-width:1300px;padding:0 24px 48px;color:#212121;line-height:1.4}
            h1{font-size:1.6em;margin:24px 0 8px}h2{border-bottom:1px solid #cfd8dc;padding-bottom:4px;margin-top:36px}
            h3{font-size:1.05em;margin:20px 0 6px;border-top:1px solid #eceff1;padding-top:6px}
            p{margin:6px 0}
            a{color:#1565c0;text-decoration:none}a:hover{text-decoration:underline}
            code{font-family:ui-monospace,Menlo,Consolas,monospace;font-size:.92em}
            table{border-collapse:collapse;margin:8px 0}
            th,td{border:1px solid #cfd8dc;padding:3px 6px;vertical-align:top}
            th{background:#eceff1;font-weight:600}
            td.c,th.c{text-align:center;white-space:nowrap;min-width:40px}
            td.c a{color:inherit;display:block}
            .lvl-none{background:#eeeeee;color:#9e9e9e}.lvl-weak{background:#fff59d;color:#000}
            .lvl-present{background:#a5d6a7;color:#000}.lvl-strong{background:#2e7d32;color:#fff}
            .grade,.detail{font-size:.75em;opacity:.8;margin-left:3px}
            .warn{color:#c62828;font-weight:600}
            .muted{color:#607d8b}
            .graph{overflow:auto;border:1px solid #cfd8dc;padding:8px;background:#fff}
            .graph svg{max-width:100%;height:auto}
            details.drawing summary{cursor:pointer;color:#546e7a;font-size:.9em}
            details.drawing .graph svg{max-width:none}
            .note{background:#fffde7;border:1px solid #f9a825;padding:6px 10px}
            pre{background:#f5f5f5;padding:8px;overflow:auto;font-size:.85em}
            ul,ol{margin:2px 0;padding-left:22px}
            li{margin:1px 0}
            blockquote{border-left:3px solid #cfd8dc;margin:4px 0 4px 12px;padding-left:10px}
            """;

    private final SvgDrawer drawer;
    /** Where a document's links go: a page's own anchors as they are, or another page (the web explorer's). */
    private final UnaryOperator<String> links;
    private final List<String> notes = new ArrayList<>();

    /** Diagrams drawn by origins' own layout ({@link SvgDrawer#layered()}): a page never needs Graphviz. */
    public HtmlWriter() {
        this(SvgDrawer.layered());
    }

    public HtmlWriter(SvgDrawer drawer) {
        this(drawer, UnaryOperator.identity());
    }

    /**
     * A writer whose links (a document's {@code #anchor}s, a drawing's node links) are sent through
     * {@code links} first: the web explorer turns {@code #model-ID} into the model's page.
     */
    public HtmlWriter(SvgDrawer drawer, UnaryOperator<String> links) {
        this.drawer = drawer;
        this.links = links;
    }

    /** The styles a page of this writer's fragments needs (the document's and the drawings'). */
    public String css() {
        return CSS + drawer.css();
    }

    /** A self-contained page: {@code title} in its head, the document in its body. */
    public String page(String title, Document document) {
        return "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
                + "<title>" + esc(title) + "</title>\n<style>\n" + css() + "</style>\n</head>\n<body>\n"
                + fragment(document.blocks()) + "</body>\n</html>\n";
    }

    /** The blocks' HTML, to go inside a page's body. */
    public String fragment(List<Block> blocks) {
        StringBuilder b = new StringBuilder();
        Blocks writer = new Blocks(b);
        blocks.forEach(x -> x.accept(writer));
        return b.toString();
    }

    /** What could not be drawn, and why, in this writer's pages so far. */
    public List<String> notes() {
        return List.copyOf(notes);
    }

    private final class Blocks implements Block.Visitor<Void> {
        private final StringBuilder out;

        Blocks(StringBuilder out) {
            this.out = out;
        }

        @Override
        public Void heading(Block.Heading h) {
            out.append("<h").append(h.level()).append(id(h.id())).append('>').append(inline(h.text()))
                    .append("</h").append(h.level()).append(">\n");
            return null;
        }

        @Override
        public Void paragraph(Block.Paragraph p) {
            out.append("<p>").append(inline(p.text())).append("</p>\n");
            return null;
        }

        @Override
        public Void items(Block.Items l) {
            items(l.numbered() ? "ol" : "ul", l.items());
            return null;
        }

        private void items(String tag, List<Block.Item> items) {
            out.append('<').append(tag).append(">\n");
            for (Block.Item i : items) {
                out.append("<li>").append(inline(i.text()));
                if (!i.items().isEmpty()) {
                    out.append('\n');
                    items("ul", i.items());
                }
                out.append("</li>\n");
            }
            out.append("</").append(tag).append(">\n");
        }

        @Override
        public Void table(Block.Table t) {
            out.append("<table").append(id(t.id())).append(">\n");
            if (t.columns().stream().anyMatch(c -> !c.title().isEmpty())) {
                out.append("<tr>");
                for (Block.Column c : t.columns()) {
                    out.append("<th").append(c.centred() ? " class=\"c\"" : "").append('>').append(esc(c.title())).append("</th>");
                }
                out.append("</tr>\n");
            }
            for (Block.Row r : t.rows()) {
                out.append("<tr").append(id(r.id())).append('>');
                for (int c = 0; c < t.columns().size(); c++) {
                    Block.Cell cell = c < r.cells().size() ? r.cells().get(c) : new Block.Cell(List.of(), null, null);
                    List<String> classes = new ArrayList<>();
                    if (t.columns().get(c).centred()) {
                        classes.add("c");
                    }
                    if (cell.shade() != null) {
                        classes.add("lvl-" + cell.shade().id());
                    }
                    out.append("<td").append(classes.isEmpty() ? "" : " class=\"" + String.join(" ", classes) + "\"")
                            .append(cell.title() == null ? "" : " title=\"" + esc(cell.title()) + "\"").append('>')
                            .append(inline(cell.text()));
                    if (c == t.columns().size() - 1) {
                        r.notes().forEach(n -> out.append("<br>").append(inline(n)));
                    }
                    out.append("</td>");
                }
                out.append("</tr>\n");
            }
            out.append("</table>\n");
            return null;
        }

        @Override
        public Void tree(Block.Tree t) {
            out.append("<ul class=\"tree\">\n");
            nodes(t.roots());
            return null;
        }

        /** The nodes' items, closing the list the caller opened. */
        private void nodes(List<Block.Node> nodes) {
            for (Block.Node n : nodes) {
                out.append("<li>");
                for (int i = 0; i < n.lines().size(); i++) {
                    out.append(i == 0 ? "" : "<br>").append(inline(n.lines().get(i)));
                }
                if (!n.children().isEmpty()) {
                    out.append("\n<ul>\n");
                    nodes(n.children());
                }
                out.append("</li>\n");
            }
            out.append("</ul>\n");
        }

        @Override
        public Void diagram(Block.Diagram d) {
            if (d.fold() != null) {
                out.append("<details class=\"drawing\"><summary>").append(esc(d.fold())).append("</summary>\n");
            }
            out.append("<div class=\"graph\">\n");
            try {
                out.append(drawer.svg(d.graph().relinked(links), d.id()));
            } catch (InputException e) {
                String why = e.problems().get(0).message();
                notes.add(why);
                out.append("<p class=\"note\">").append(esc(why + ". Its DOT source follows, for any Graphviz viewer."))
                        .append("</p>\n<pre>").append(esc(DotWriter.graph(d.graph()))).append("</pre>\n");
            }
            out.append("</div>\n");
            if (d.fold() != null) {
                out.append("</details>\n");
            }
            return null;
        }

        @Override
        public Void quote(Block.Quote q) {
            out.append("<blockquote>\n").append(fragment(q.blocks())).append("</blockquote>\n");
            return null;
        }

        @Override
        public Void preformatted(Block.Preformatted p) {
            out.append("<pre>").append(esc(p.text())).append("</pre>\n");
            return null;
        }

        @Override
        public Void gap(Block.Gap g) {
            return null;
        }
    }

    private static String id(String id) {
        return id == null ? "" : " id=\"" + esc(id) + "\"";
    }

    private String inline(List<Span> spans) {
        StringBuilder b = new StringBuilder();
        spans.forEach(s -> b.append(s.accept(this.spans)));
        return b.toString();
    }

    private final Span.Visitor<String> spans = new Span.Visitor<>() {
        @Override
        public String text(Span.Text t) {
            return esc(t.text());
        }

        @Override
        public String strong(Span.Strong s) {
            return "<b>" + esc(s.text()) + "</b>";
        }

        @Override
        public String muted(Span.Muted m) {
            return m.text().isEmpty() ? "" : "<span class=\"muted\">" + esc(m.text()) + "</span>";
        }

        @Override
        public String warning(Span.Warning w) {
            return "<span class=\"warn\">" + esc(w.text()) + "</span>";
        }

        @Override
        public String code(Span.Code c) {
            return "<code>" + esc(c.text()) + "</code>";
        }

        @Override
        public String link(Span.Link l) {
            return "<a href=\"" + esc(links.apply(l.target())) + "\">" + inline(l.text()) + "</a>";
        }

        @Override
        public String shaded(Span.Shaded s) {
            return "<span class=\"lvl-" + s.level().id() + "\">" + esc(s.text()) + "</span>";
        }

        @Override
        public String sign(Span.Sign s) {
            return esc(s.level().sign());
        }

        @Override
        public String grade(Span.GradeTag g) {
            return "<span class=\"grade\">[" + esc(g.grade().label()) + "]</span>";
        }

        @Override
        public String detail(Span.Detail d) {
            String text = d.text().stripLeading();
            return esc(d.text().substring(0, d.text().length() - text.length())) + "<span class=\"detail\">" + esc(text) + "</span>";
        }
    };

    /**
     * Text safe in HTML and in SVG (XML), in content and in attribute values: markup escaped, control
     * characters XML does not allow replaced by a space.
     */
    public static String esc(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> b.append("&amp;");
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> b.append(c < 0x20 && c != '\n' && c != '\t' ? ' ' : c);
            }
        }
        return b.toString();
    }
}
