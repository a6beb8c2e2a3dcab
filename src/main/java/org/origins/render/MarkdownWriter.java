package org.origins.render;

import java.util.ArrayList;
import java.util.List;

/**
 * Writes a document as Markdown for sharing (GitHub renders the Mermaid blocks): headings, lists,
 * tables, trees as nested lists, diagrams as Mermaid. Blocks are separated by a blank line; text is
 * escaped so that nothing in it reads as Markdown syntax.
 */
public final class MarkdownWriter {
    public String write(Document document) {
        return write(document.blocks());
    }

    public String write(List<Block> blocks) {
        List<String> parts = new ArrayList<>();
        Blocks writer = new Blocks();
        for (Block b : blocks) {
            String part = b.accept(writer);
            if (!part.isEmpty()) {
                parts.add(part);
            }
        }
        return String.join("\n", parts);
    }

    private final class Blocks implements Block.Visitor<String> {
        @Override
        public String heading(Block.Heading h) {
            return (h.id() == null ? "" : anchor(h.id()) + "\n\n") + "#".repeat(h.level()) + " " + inline(h.text(), true) + "\n";
        }

        @Override
        public String paragraph(Block.Paragraph p) {
            return inline(p.text(), false) + "\n";
        }

        @Override
        public String items(Block.Items l) {
            StringBuilder b = new StringBuilder();
            items(b, l.numbered(), l.items(), "");
            return b.toString();
        }

        private void items(StringBuilder b, boolean numbered, List<Block.Item> items, String indent) {
            for (int i = 0; i < items.size(); i++) {
                String bullet = numbered ? (i + 1) + ". " : "- ";
                b.append(indent).append(bullet).append(inline(items.get(i).text(), false)).append('\n');
                items(b, false, items.get(i).items(), indent + " ".repeat(bullet.length()));
            }
        }

        @Override
        public String table(Block.Table t) {
            StringBuilder b = new StringBuilder("|");
            for (Block.Column c : t.columns()) {
                b.append(' ').append(md(c.title())).append(" |");
            }
            b.append("\n|");
            for (Block.Column c : t.columns()) {
                b.append(c.centred() ? " :-: |" : " --- |");
            }
            b.append('\n');
            for (Block.Row r : t.rows()) {
                b.append('|');
                for (int c = 0; c < t.columns().size(); c++) {
                    String cell = c < r.cells().size() ? inline(r.cells().get(c).text(), false) : "";
                    if (c == 0 && r.id() != null) {
                        cell = anchor(r.id()) + cell;
                    }
                    if (c == t.columns().size() - 1) {
                        for (List<Span> note : r.notes()) {
                            cell += "<br>" + inline(note, false);
                        }
                    }
                    b.append(' ').append(cell).append(" |");
                }
                b.append('\n');
            }
            return b.toString();
        }

        @Override
        public String tree(Block.Tree t) {
            StringBuilder b = new StringBuilder();
            nodes(b, t.roots(), "");
            return b.toString();
        }

        private void nodes(StringBuilder b, List<Block.Node> nodes, String indent) {
            for (Block.Node n : nodes) {
                b.append(indent).append("- ");
                for (int i = 0; i < n.lines().size(); i++) {
                    b.append(i == 0 ? "" : "<br>").append(inline(n.lines().get(i), false));
                }
                b.append('\n');
                nodes(b, n.children(), indent + "  ");
            }
        }

        @Override
        public String diagram(Block.Diagram d) {
            return d.fold() != null ? "" : "```mermaid\n" + MermaidWriter.graph(d.graph()) + "```\n";
        }

        @Override
        public String quote(Block.Quote q) {
            StringBuilder b = new StringBuilder();
            for (String line : write(q.blocks()).split("\n", -1)) {
                if (!line.isEmpty() || b.length() > 0) {
                    b.append(line.isEmpty() ? ">" : "> " + line).append('\n');
                }
            }
            return b.toString().replaceAll(">\n$", "");
        }

        @Override
        public String preformatted(Block.Preformatted p) {
            return fenced(p.text(), "text");
        }

        @Override
        public String gap(Block.Gap g) {
            return "";
        }
    }

    private static String anchor(String id) {
        return "<a id=\"" + id + "\"></a>";
    }

    /** Text in a code fence long enough not to be closed by the text. */
    static String fenced(String text, String language) {
        String fence = "```";
        while (text.contains(fence)) {
            fence += "`";
        }
        return fence + language + "\n" + text + (text.endsWith("\n") ? "" : "\n") + fence + "\n";
    }

    private String inline(List<Span> spans, boolean heading) {
        StringBuilder b = new StringBuilder();
        Spans s = new Spans(heading);
        spans.forEach(x -> b.append(x.accept(s)));
        return b.toString();
    }

    private final class Spans implements Span.Visitor<String> {
        /** Inside a heading, which is strong already, emphasis is left out. */
        private final boolean heading;

        Spans(boolean heading) {
            this.heading = heading;
        }

        private String strong(String text) {
            return heading || text.isBlank() ? md(text) : "**" + md(text.strip()) + "**" + (text.endsWith(" ") ? " " : "");
        }

        @Override
        public String text(Span.Text t) {
            return md(t.text());
        }

        @Override
        public String strong(Span.Strong s) {
            return strong(s.text());
        }

        @Override
        public String muted(Span.Muted m) {
            return md(m.text());
        }

        @Override
        public String warning(Span.Warning w) {
            String lead = w.text().substring(0, w.text().length() - w.text().stripLeading().length());
            return lead + strong(w.text().stripLeading());
        }

        @Override
        public String code(Span.Code c) {
            String fence = c.text().contains("`") ? "`` " : "`";
            return fence + c.text() + new StringBuilder(fence).reverse();
        }

        @Override
        public String link(Span.Link l) {
            return "[" + inline(l.text(), heading) + "](" + l.target() + ")";
        }

        @Override
        public String shaded(Span.Shaded s) {
            return md(s.text());
        }

        @Override
        public String sign(Span.Sign s) {
            return switch (s.level()) {
                case NONE -> "·";
                case WEAK -> "🟨 −";
                case PRESENT -> "🟩 +";
                case STRONG -> "🟩🟩 ++";
            };
        }

        @Override
        public String grade(Span.GradeTag g) {
            return "*(" + g.grade().label() + ")*";
        }

        @Override
        public String detail(Span.Detail d) {
            String text = d.text().stripLeading();
            return d.text().substring(0, d.text().length() - text.length()) + "<sub>" + md(text) + "</sub>";
        }
    }

    /** An underscore between letters or digits (MODEL_INDEX) never starts emphasis. */
    private static boolean inWord(String s, int i) {
        return i > 0 && i + 1 < s.length() && Character.isLetterOrDigit(s.charAt(i - 1)) && Character.isLetterOrDigit(s.charAt(i + 1));
    }

    /** Text safe in Markdown (also inside a table cell): the characters Markdown would read as syntax escaped. */
    static String md(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '\\', '`', '*', '[', ']', '|' -> b.append('\\').append(c);
                case '_' -> b.append(inWord(s, i) ? "_" : "\\_");
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '&' -> b.append("&amp;");
                case '\n', '\r', '\t' -> b.append(' ');
                default -> b.append(c);
            }
        }
        return b.toString();
    }
}
