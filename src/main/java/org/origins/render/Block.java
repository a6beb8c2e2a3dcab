package org.origins.render;

import org.origins.kb.Level;

import java.util.List;

/**
 * A block of a {@link Document}. Blocks say what a part of an answer is (a heading, a list, a
 * table, a proof tree, a diagram); the writers decide how each looks. The few layout values a
 * terminal needs to line text up (indents, column widths) are carried here and ignored by
 * Markdown and HTML.
 */
public sealed interface Block {
    <R> R accept(Visitor<R> visitor);

    /** One method per kind of block: a writer handles every kind, or does not compile. */
    interface Visitor<R> {
        R heading(Heading h);

        R paragraph(Paragraph p);

        R items(Items l);

        R table(Table t);

        R tree(Tree t);

        R diagram(Diagram d);

        R quote(Quote q);

        R preformatted(Preformatted p);

        R gap(Gap g);
    }

    /** A heading; {@code id} (or null) is its stable anchor. On a terminal, one line. */
    record Heading(int level, String id, List<Span> text) implements Block {
        @Override
        public <R> R accept(Visitor<R> v) {
            return v.heading(this);
        }

        public Heading {
            text = List.copyOf(text);
        }
    }

    /** A paragraph; on a terminal, one line. */
    record Paragraph(List<Span> text) implements Block {
        @Override
        public <R> R accept(Visitor<R> v) {
            return v.paragraph(this);
        }

        public Paragraph {
            text = List.copyOf(text);
        }
    }

    /**
     * A list, nested. On a terminal items have no bullet: an item at depth d is indented by
     * {@code indent + d × step} spaces.
     */
    record Items(int indent, int step, boolean numbered, List<Item> items) implements Block {
        @Override
        public <R> R accept(Visitor<R> v) {
            return v.items(this);
        }

        public Items {
            items = List.copyOf(items);
        }
    }

    /** A list item and the items below it. */
    record Item(List<Span> text, List<Item> items) {
        public Item {
            text = List.copyOf(text);
            items = List.copyOf(items);
        }
    }

    /**
     * A table. On a terminal, {@code indent} spaces lead each row, the column titles are printed only
     * when {@code titled}, and each row's notes hang under the column {@code notesUnder}, indented by
     * {@code notesIndent} more.
     */
    record Table(String id, int indent, boolean titled, List<Column> columns, List<Row> rows, int notesUnder,
                 int notesIndent) implements Block {
        @Override
        public <R> R accept(Visitor<R> v) {
            return v.table(this);
        }

        public Table {
            columns = List.copyOf(columns);
            rows = List.copyOf(rows);
        }
    }

    /**
     * A column: its title, and on a terminal what stands before it ({@code gap}: spaces, or a word
     * such as " vs ") and its least width (a column with a least width is padded even at the end of a
     * row). {@code centred}: its cells are centred in Markdown and HTML.
     */
    record Column(String title, String gap, int width, boolean centred) {
    }

    /** A row: its anchor (or null), its cells, and lines that belong to it (shown below it, or in its last cell). */
    record Row(String id, List<Cell> cells, List<List<Span>> notes) {
        public Row {
            cells = List.copyOf(cells);
            notes = notes.stream().map(List::copyOf).toList();
        }
    }

    /** A cell; {@code shade} (or null) colours its background in HTML, {@code title} (or null) is its tooltip there. */
    record Cell(List<Span> text, Level shade, String title) {
        public Cell {
            text = List.copyOf(text);
        }
    }

    /** A tree (a proof, the evolution tree): each node has lines and children; several roots may stand side by side. */
    record Tree(List<Node> roots) implements Block {
        @Override
        public <R> R accept(Visitor<R> v) {
            return v.tree(this);
        }

        public Tree {
            roots = List.copyOf(roots);
        }
    }

    /** A node of a {@link Tree}: its first line is its head, the others detail it. */
    record Node(List<List<Span>> lines, List<Node> children) {
        public Node {
            lines = lines.stream().map(List::copyOf).toList();
            children = List.copyOf(children);
        }
    }

    /**
     * A drawing of a {@link Graph}: Mermaid in Markdown, SVG in HTML; a terminal leaves it out.
     * {@code id} (or null) names the drawing on a page. {@code fold} (or null) marks a drawing of what
     * the blocks around it already say (a proof's graph in a report): a page shows it on request,
     * folded under that line; Markdown and a terminal leave it out.
     */
    record Diagram(String id, Graph graph, String fold) implements Block {
        public Diagram(Graph graph) {
            this(null, graph, null);
        }

        @Override
        public <R> R accept(Visitor<R> v) {
            return v.diagram(this);
        }

    }

    /** Blocks set apart, as a quotation; on a terminal, each line follows {@code indent} spaces and a bar. */
    record Quote(int indent, List<Block> blocks) implements Block {
        @Override
        public <R> R accept(Visitor<R> v) {
            return v.quote(this);
        }

        public Quote {
            blocks = List.copyOf(blocks);
        }
    }

    /** Text shown as it is, in a fixed-width font (DOT source). */
    record Preformatted(String text) implements Block {
        @Override
        public <R> R accept(Visitor<R> v) {
            return v.preformatted(this);
        }

    }

    /** A pause between parts: a blank line on a terminal (Markdown and HTML space their blocks anyway). */
    record Gap() implements Block {
        @Override
        public <R> R accept(Visitor<R> v) {
            return v.gap(this);
        }

    }
}
