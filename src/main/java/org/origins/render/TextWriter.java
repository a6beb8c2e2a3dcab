package org.origins.render;

import java.util.List;

/**
 * Writes a document for a terminal: one line per heading, paragraph and list item (items indented,
 * no bullets), tables with padded columns, trees with box-drawing guides, colours by {@link Style}.
 * Diagrams are left out; small print ({@link Span.Detail}) too.
 */
public final class TextWriter {
    private final Style style;

    public TextWriter(Style style) {
        this.style = style;
    }

    public String write(Document document) {
        return write(document.blocks());
    }

    public String write(List<Block> blocks) {
        StringBuilder out = new StringBuilder();
        Blocks writer = new Blocks(out);
        blocks.forEach(b -> b.accept(writer));
        return out.toString();
    }

    /** The text of spans on one line. */
    public String line(List<Span> spans) {
        StringBuilder b = new StringBuilder();
        Spans s = new Spans();
        spans.forEach(x -> b.append(x.accept(s)));
        return b.toString();
    }

    /** How long a line of spans is on the screen (colours do not count). */
    static int width(List<Span> spans) {
        return new TextWriter(Style.plain()).line(spans).length();
    }

    private final class Blocks implements Block.Visitor<Void> {
        private final StringBuilder out;

        Blocks(StringBuilder out) {
            this.out = out;
        }

        @Override
        public Void heading(Block.Heading h) {
            out.append(line(h.text())).append('\n');
            return null;
        }

        @Override
        public Void paragraph(Block.Paragraph p) {
            out.append(line(p.text())).append('\n');
            return null;
        }

        @Override
        public Void items(Block.Items l) {
            items(l, l.items(), 0);
            return null;
        }

        private void items(Block.Items l, List<Block.Item> items, int depth) {
            for (Block.Item i : items) {
                out.append(" ".repeat(l.indent() + depth * l.step())).append(line(i.text())).append('\n');
                items(l, i.items(), depth + 1);
            }
        }

        @Override
        public Void table(Block.Table t) {
            List<Block.Column> cols = t.columns();
            int[] widths = new int[cols.size()];
            for (int c = 0; c < cols.size(); c++) {
                widths[c] = cols.get(c).width();
            }
            if (t.titled()) {
                for (int c = 0; c < cols.size(); c++) {
                    widths[c] = Math.max(widths[c], cols.get(c).title().length());
                }
            }
            for (Block.Row r : t.rows()) {
                int last = lastCell(r);
                for (int c = 0; c <= last; c++) {
                    if (padded(t, c, last)) {
                        widths[c] = Math.max(widths[c], width(r.cells().get(c).text()));
                    }
                }
            }
            if (t.titled()) {
                row(t, widths, cols.stream().map(c -> new Block.Cell(List.of(new Span.Text(c.title())), null, null)).toList());
            }
            for (Block.Row r : t.rows()) {
                row(t, widths, r.cells());
                int offset = t.indent();
                for (int c = 0; c < t.notesUnder(); c++) {
                    offset += widths[c] + cols.get(c + 1).gap().length();
                }
                for (List<Span> note : r.notes()) {
                    out.append(" ".repeat(offset + t.notesIndent())).append(line(note)).append('\n');
                }
            }
            return null;
        }

        private void row(Block.Table t, int[] widths, List<Block.Cell> cells) {
            int last = lastCell(new Block.Row(null, cells, List.of()));
            out.append(" ".repeat(t.indent()));
            for (int c = 0; c <= last; c++) {
                if (c > 0) {
                    out.append(t.columns().get(c).gap());
                }
                List<Span> text = cells.get(c).text();
                out.append(line(text));
                if (padded(t, c, last)) {
                    out.append(" ".repeat(Math.max(0, widths[c] - width(text))));
                }
            }
            out.append('\n');
        }

        /** Every cell but a row's last is padded to its column's width; the last only in a last column with a least width. */
        private static boolean padded(Block.Table t, int c, int last) {
            return c < last || (c == t.columns().size() - 1 && t.columns().get(c).width() > 0);
        }

        /** The index of a row's last non-empty cell (-1 for none). */
        private static int lastCell(Block.Row r) {
            int last = r.cells().size() - 1;
            while (last >= 0 && r.cells().get(last).text().isEmpty()) {
                last--;
            }
            return last;
        }

        @Override
        public Void tree(Block.Tree t) {
            t.roots().forEach(n -> node(n, "", true, true));
            return null;
        }

        private void node(Block.Node n, String prefix, boolean root, boolean last) {
            String head = root ? "" : prefix + (last ? "└─ " : "├─ ");
            String cont = root ? "" : prefix + (last ? "   " : "│  ");
            out.append(head).append(line(n.lines().get(0))).append('\n');
            String guide = n.children().isEmpty() ? "   " : "│  ";
            for (int i = 1; i < n.lines().size(); i++) {
                out.append(cont).append(guide).append(line(n.lines().get(i))).append('\n');
            }
            for (int i = 0; i < n.children().size(); i++) {
                node(n.children().get(i), cont, false, i == n.children().size() - 1);
            }
        }

        @Override
        public Void diagram(Block.Diagram d) {
            return null;
        }

        @Override
        public Void quote(Block.Quote q) {
            String prefix = " ".repeat(q.indent()) + "│ ";
            for (String l : write(q.blocks()).split("\n")) {
                out.append(prefix).append(l).append('\n');
            }
            return null;
        }

        @Override
        public Void preformatted(Block.Preformatted p) {
            out.append(p.text()).append(p.text().endsWith("\n") ? "" : "\n");
            return null;
        }

        @Override
        public Void gap(Block.Gap g) {
            out.append('\n');
            return null;
        }
    }

    private final class Spans implements Span.Visitor<String> {
        @Override
        public String text(Span.Text t) {
            return t.text();
        }

        @Override
        public String strong(Span.Strong s) {
            return style.bold(s.text());
        }

        @Override
        public String muted(Span.Muted m) {
            return style.dim(m.text());
        }

        @Override
        public String warning(Span.Warning w) {
            return style.warn(w.text());
        }

        @Override
        public String code(Span.Code c) {
            return "`" + c.text() + "`";
        }

        @Override
        public String link(Span.Link l) {
            return line(l.text());
        }

        @Override
        public String shaded(Span.Shaded s) {
            return style.level(s.level(), s.text());
        }

        @Override
        public String sign(Span.Sign s) {
            return style.level(s.level(), s.level().sign());
        }

        @Override
        public String grade(Span.GradeTag g) {
            return "[" + g.grade().label() + "]";
        }

        @Override
        public String detail(Span.Detail d) {
            return "";
        }
    }
}
