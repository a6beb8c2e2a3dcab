package org.origins.render;

import org.origins.kb.Level;

import java.util.ArrayList;
import java.util.List;

/**
 * Graphviz DOT: proof graphs and the evolution tree as digraphs, the matrix as one table node.
 * Formats only; the same answer gives the same bytes. Shapes: conclusion a double rounded box,
 * stated fact a box, derived fact an ellipse, rule a hexagon, note a note, condition a
 * parallelogram; disputed facts and parent links are dashed (and red), hypothetical models dashed
 * in a cluster of their own.
 */
public final class DotWriter {
    private static final String FONT = "Helvetica";

    private DotWriter() {
    }

    /** The drawing in DOT: a digraph, or one table node for the matrix. */
    public static String write(Drawing d) {
        return d instanceof Grid grid ? grid(grid) : graph((Graph) d);
    }

    public static String graph(Graph g) {
        StringBuilder b = new StringBuilder();
        b.append("digraph \"origins\" {\n");
        b.append("    graph [rankdir=").append(g.direction).append(", fontname=\"").append(FONT)
                .append("\", fontsize=12, labelloc=t, label=").append(quote(g.title))
                .append(", nodesep=0.3, ranksep=0.45];\n");
        b.append("    node [fontname=\"").append(FONT).append("\", fontsize=10, style=filled, fillcolor=\"#ffffff\", color=\"#455a64\"];\n");
        b.append("    edge [fontname=\"").append(FONT).append("\", fontsize=9, color=\"#546e7a\", fontcolor=\"#37474f\"];\n");
        // Left to right, dot stacks the nodes of a rank bottom-up in the order it meets them: declared in
        // reverse, the first (the oldest root) comes out on top.
        List<Graph.Node> nodes = new ArrayList<>(g.nodes);
        if (g.direction.equals("LR")) {
            java.util.Collections.reverse(nodes);
        }
        for (Graph.Node n : nodes) {
            if (n.cluster() == null) {
                node(b, n, "    ");
            }
        }
        for (Graph.Cluster c : g.clusters) {
            b.append("    subgraph ").append(quote("cluster_" + c.id())).append(" {\n");
            b.append("        label=").append(quote(c.label())).append(";\n");
            b.append("        style=\"dashed,filled\"; color=\"#e65100\"; fillcolor=\"#fffaf0\"; fontcolor=\"#e65100\";\n");
            for (Graph.Node n : nodes) {
                if (c.id().equals(n.cluster())) {
                    node(b, n, "        ");
                }
            }
            b.append("    }\n");
        }
        for (Graph.Edge e : g.edges) {
            List<String> attrs = new ArrayList<>();
            if (!e.label().isEmpty()) {
                attrs.add("label=" + quote(e.label()));
            }
            if (e.dashed()) {
                attrs.add("style=dashed");
            }
            if (e.disputed()) {
                attrs.add("color=\"#c62828\"");
                attrs.add("fontcolor=\"#c62828\"");
            }
            b.append("    ").append(quote(e.from())).append(" -> ").append(quote(e.to()));
            if (!attrs.isEmpty()) {
                b.append(" [").append(String.join(", ", attrs)).append(']');
            }
            b.append(";\n");
        }
        b.append("}\n");
        return b.toString();
    }

    private static void node(StringBuilder b, Graph.Node n, String indent) {
        List<String> attrs = new ArrayList<>();
        List<String> style = new ArrayList<>(List.of("filled"));
        String fill = null;
        switch (n.kind()) {
            case GOAL -> {
                attrs.add("shape=box");
                attrs.add("peripheries=2");
                style.add("rounded");
                style.add("bold");
                fill = "#e8eaf6";
            }
            case STATED -> attrs.add("shape=box");
            case DERIVED -> {
                attrs.add("shape=ellipse");
                fill = "#e3f2fd";
            }
            case RULE -> {
                attrs.add("shape=hexagon");
                fill = "#f3e5f5";
            }
            case ELIDED -> {
                attrs.add("shape=box");
                style.add("dotted");
                fill = "#fafafa";
            }
            case NOTE -> {
                attrs.add("shape=note");
                fill = "#fffde7";
            }
            case MODEL -> {
                attrs.add("shape=box");
                style.add("rounded");
                fill = "#e3f2fd";
            }
            case MATCHED -> {
                attrs.add("shape=parallelogram");
                fill = "#e8f5e9";
            }
            case FAILED -> {
                attrs.add("shape=parallelogram");
                attrs.add("color=\"#c62828\"");
                attrs.add("penwidth=2");
                fill = "#ffebee";
            }
            case NOT_REACHED -> {
                attrs.add("shape=parallelogram");
                style.add("dotted");
                fill = "#fafafa";
            }
        }
        List<String> lines = new ArrayList<>(n.lines());
        if (n.level() != null) {
            fill = Graph.fill(n.level());
            attrs.add("fontcolor=\"" + Graph.ink(n.level()) + "\"");
        }
        if (n.hypothetical()) {
            style.add("dashed");
            attrs.add("color=\"#e65100\"");
            if (n.level() == null) {
                fill = "#fff8e1";
            }
        }
        if (n.disputed()) {
            style.add("dashed");
            attrs.add("color=\"#c62828\"");
            attrs.add("penwidth=2");
            if (lines.stream().noneMatch(l -> l.contains("DISPUTED"))) {
                lines.add("DISPUTED");
            }
        }
        attrs.add("style=" + quote(String.join(",", style)));
        if (fill != null) {
            attrs.add("fillcolor=" + quote(fill));
        }
        if (n.link() != null) {
            attrs.add("URL=" + quote(n.link()));
            attrs.add("target=\"_top\"");
        }
        attrs.add("label=" + quote(String.join("\n", lines)));
        b.append(indent).append(quote(n.id())).append(" [").append(String.join(", ", attrs)).append("];\n");
    }

    /** A DOT string: quotes and backslashes escaped, line breaks as \n (centred lines). */
    static String quote(String s) {
        StringBuilder b = new StringBuilder("\"");
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\r', '\t' -> b.append(' ');
                default -> b.append(c);
            }
        }
        return b.append('"').toString();
    }

    // ---- the matrix -------------------------------------------------------------------------------

    /** The matrix as one HTML-like table node, cells coloured by level, each with its level and grade as tooltip. */
    static String grid(Grid m) {
        StringBuilder b = new StringBuilder();
        b.append("digraph \"matrix\" {\n");
        b.append("    graph [fontname=\"").append(FONT).append("\", labelloc=t, label=\"Abilities of every model\"];\n");
        b.append("    node [shape=plaintext, fontname=\"").append(FONT).append("\", fontsize=10];\n");
        b.append("    matrix [label=<\n<TABLE BORDER=\"0\" CELLBORDER=\"1\" CELLSPACING=\"0\" CELLPADDING=\"4\">\n");
        b.append("<TR><TD></TD>");
        for (Grid.Column c : m.columns()) {
            b.append("<TD TOOLTIP=\"").append(HtmlWriter.esc(c.id())).append("\"><B>").append(HtmlWriter.esc(c.label())).append("</B></TD>");
        }
        b.append("</TR>\n");
        for (Grid.Row row : m.rows()) {
            b.append("<TR><TD ALIGN=\"LEFT\"").append(row.hypothetical() ? " BGCOLOR=\"#fff8e1\"" : "").append(">")
                    .append(row.hypothetical() ? "<I>" + HtmlWriter.esc(row.label()) + " *</I>" : HtmlWriter.esc(row.label())).append("</TD>");
            for (Grid.Cell c : row.cells()) {
                b.append("<TD BGCOLOR=\"").append(Graph.fill(c.level())).append("\" TOOLTIP=\"").append(HtmlWriter.esc(c.tooltip())).append("\">")
                        .append("<FONT COLOR=\"").append(Graph.ink(c.level())).append("\">")
                        .append(HtmlWriter.esc(c.text())).append("</FONT></TD>");
            }
            b.append("</TR>\n");
        }
        b.append("<TR><TD COLSPAN=\"").append(m.columns().size() + 1).append("\" ALIGN=\"LEFT\">");
        for (Level l : Level.values()) {
            b.append("<FONT COLOR=\"").append(l == Level.NONE ? "#757575" : "#000000").append("\">").append(HtmlWriter.esc(l.sign() + " " + l.id()))
                    .append("</FONT>   ");
        }
        if (m.anyHypothetical()) {
            b.append("* hypothetical   ");
        }
        if (m.observed()) {
            b.append(HtmlWriter.esc("observed: ✓ agrees ✗ contradicts ? not predicted"));
        }
        b.append("</TD></TR>\n");
        b.append("</TABLE>>];\n");
        b.append("}\n");
        return b.toString();
    }
}
