package org.origins.render;

import org.origins.kb.Level;
import org.origins.render.layout.Layout;
import org.origins.render.layout.LayoutGraph;
import org.origins.render.layout.LayeredLayout;
import org.origins.render.layout.TextMetrics;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * SVG drawn in Java ({@link LayeredLayout}), no Graphviz: a {@link Graph} (proofs, the evolution
 * tree, ...) or the matrix's {@link Grid}. The same shapes as the DOT form — conclusion a double
 * rounded box, stated fact a box, derived fact an ellipse, rule a hexagon, note a folded note,
 * condition a parallelogram, model a rounded box; levels by colour and by their words and signs in
 * the labels; disputed facts and links dashed and red; hypothetical models dashed orange, in a box
 * of their own. Each node is a group with an id, {@code data-*} attributes and a {@code <title>}
 * (shown on hover), inside a link where the graph gives one. Styles are CSS classes ({@link #CSS});
 * a standalone file carries them, a page that holds several drawings states them once
 * ({@link SvgDrawer#layered()}). Self-contained and deterministic. Over 300 lines for a reason: the
 * shapes, the edges, the matrix's grid and the styles they share are one picture language; the
 * markup itself is {@link SvgMarkup}'s.
 */
public final class SvgWriter {
    private static final double FONT = 10;
    private static final double LINE = 13;
    private static final double LABEL_FONT = 9;
    private static final double LABEL_LINE = 11;
    private static final double TITLE_FONT = 12;
    private static final double CLUSTER_FONT = 11;
    private static final double PAD_X = 8;
    private static final double PAD_Y = 5;
    private static final double MARGIN = 8;
    private static final double ARROW = 7;
    /** Bold text is drawn this much wider than regular. */
    private static final double BOLD = 1.1;

    /** The drawings' styles, for a page that inlines several of them (scoped to {@code svg.og}). */
    public static final String CSS = css();

    private SvgWriter() {
    }

    /** A standalone SVG file of the drawing. */
    public static String write(Drawing d) {
        return d instanceof Grid grid ? grid(grid) : standalone(graph((Graph) d, "g", false));
    }

    /**
     * The graph, to inline in a page that states {@link #CSS}: the SVG element's id is {@code id},
     * and every node's id starts with it.
     */
    public static String inline(Graph g, String id) {
        return graph(g, id, true);
    }

    private static String standalone(String svg) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + svg;
    }

    // ---- graphs ---------------------------------------------------------------------------------

    /** How a node of a kind is drawn. {@code flat}: edges may meet its side side by side. */
    private enum Shape {
        GOAL(true), BOX(true), ROUNDED(true), ELLIPSE(false), HEXAGON(false), NOTE(true), PARALLELOGRAM(false);

        final boolean flat;

        Shape(boolean flat) {
            this.flat = flat;
        }

        static Shape of(Graph.Kind k) {
            return switch (k) {
                case GOAL -> GOAL;
                case STATED, ELIDED -> BOX;
                case MODEL -> ROUNDED;
                case DERIVED -> ELLIPSE;
                case RULE -> HEXAGON;
                case NOTE -> NOTE;
                case MATCHED, FAILED, NOT_REACHED -> PARALLELOGRAM;
            };
        }
    }

    /** A node's label lines (with DISPUTED added as the DOT form does) and its size. */
    private record Drawn(Graph.Node node, Shape shape, List<String> lines, double width, double height) {
        static Drawn of(Graph.Node n) {
            List<String> lines = new ArrayList<>(n.lines());
            if (n.disputed() && lines.stream().noneMatch(l -> l.contains("DISPUTED"))) {
                lines.add("DISPUTED");
            }
            if (lines.isEmpty()) {
                lines.add(n.id());
            }
            Shape shape = Shape.of(n.kind());
            double tw = 0;
            for (int i = 0; i < lines.size(); i++) {
                tw = Math.max(tw, TextMetrics.width(lines.get(i), FONT) * (bold(n, i) ? BOLD : 1));
            }
            double th = lines.size() * LINE;
            double w = tw + 2 * PAD_X;
            double h = th + 2 * PAD_Y;
            switch (shape) {
                case ELLIPSE -> {
                    w = tw * Math.sqrt(2) + 2 * PAD_X;
                    h = th * Math.sqrt(2) + PAD_Y;
                }
                case HEXAGON -> w += 0.6 * h;
                case PARALLELOGRAM -> w += 0.3 * h;
                case GOAL -> {
                    w += 6;
                    h += 6;
                }
                case NOTE -> w += 6;
                default -> {
                }
            }
            return new Drawn(n, shape, lines, Math.ceil(w), Math.ceil(h));
        }
    }

    /** The first line of a model or of the conclusion is its name: bold. */
    private static boolean bold(Graph.Node n, int line) {
        return line == 0 && (n.kind() == Graph.Kind.MODEL || n.kind() == Graph.Kind.GOAL);
    }

    static String graph(Graph g, String prefix, boolean inline) {
        LayoutGraph lg = new LayoutGraph(LayoutGraph.Direction.valueOf(g.direction));
        Map<String, Integer> clusters = new HashMap<>();
        for (Graph.Cluster c : g.clusters) {
            clusters.put(c.id(), lg.cluster(TextMetrics.width(c.label(), CLUSTER_FONT) * BOLD, CLUSTER_FONT + 3));
        }
        List<Drawn> drawn = new ArrayList<>();
        Map<String, Integer> index = new HashMap<>();
        for (Graph.Node n : g.nodes) {
            Drawn d = Drawn.of(n);
            drawn.add(d);
            int c = n.cluster() == null ? -1 : clusters.getOrDefault(n.cluster(), -1);
            index.put(n.id(), lg.node(d.width(), d.height(), c, d.shape().flat));
        }
        List<Graph.Edge> edges = new ArrayList<>();
        for (Graph.Edge e : g.edges) {
            Integer from = index.get(e.from());
            Integer to = index.get(e.to());
            if (from == null || to == null) {
                continue;
            }
            List<String> label = labelLines(e);
            double lw = 0;
            for (String l : label) {
                lw = Math.max(lw, TextMetrics.width(l, LABEL_FONT));
            }
            lg.edge(from, to, Math.ceil(lw), label.isEmpty() ? 0 : label.size() * LABEL_LINE + 2);
            edges.add(e);
        }
        Layout layout = LayeredLayout.layout(lg);

        double top = MARGIN + (g.title.isEmpty() ? 0 : TITLE_FONT + 10);
        double width = Math.max(layout.width(), TextMetrics.width(g.title, TITLE_FONT) * BOLD) + 2 * MARGIN;
        double height = layout.height() + top + MARGIN;
        SvgMarkup s = new SvgMarkup();
        s.open("svg", inline ? List.of() : List.of("xmlns", "http://www.w3.org/2000/svg", "xmlns:xlink", "http://www.w3.org/1999/xlink"),
                "class", "og", "id", prefix, "width", SvgMarkup.num(width), "height", SvgMarkup.num(height),
                "viewBox", "0 0 " + SvgMarkup.num(width) + " " + SvgMarkup.num(height), "role", "img");
        s.element("title", g.title);
        if (!inline) {
            s.raw("<style>" + CSS + "</style>\n");
        }
        if (!g.title.isEmpty()) {
            s.text(width / 2, MARGIN + TITLE_FONT, "middle", "og-title", g.title);
        }
        s.open("g", List.of(), "transform", "translate(" + SvgMarkup.num(MARGIN) + "," + SvgMarkup.num(top) + ")");
        for (int c = 0; c < g.clusters.size(); c++) {
            Layout.Box b = layout.clusters().get(c);
            if (b.width() <= 0) {
                continue;
            }
            s.open("g", List.of(), "class", "og-cluster", "id", prefix + "-cluster-" + SvgMarkup.id(g.clusters.get(c).id()));
            s.element("title", g.clusters.get(c).label());
            s.rect(b.x(), b.y(), b.width(), b.height(), 4, null);
            s.text(b.x() + 8, b.y() + 6 + CLUSTER_FONT, "start", null, g.clusters.get(c).label());
            s.close("g");
        }
        for (int e = 0; e < edges.size(); e++) {
            edge(s, g, edges.get(e), layout.edges().get(e));
        }
        for (int v = 0; v < drawn.size(); v++) {
            node(s, drawn.get(v), layout.nodes().get(v), prefix);
        }
        s.close("g");
        s.close("svg");
        return s.toString();
    }

    private static List<String> labelLines(Graph.Edge e) {
        List<String> lines = new ArrayList<>();
        for (String l : e.label().split("\n")) {
            if (!l.isBlank()) {
                lines.add(l.strip());
            }
        }
        return lines;
    }

    private static void node(SvgMarkup s, Drawn d, Layout.Box b, String prefix) {
        Graph.Node n = d.node();
        List<String> classes = new ArrayList<>(List.of("og-node", "og-k-" + n.kind().name().toLowerCase(Locale.ROOT).replace('_', '-')));
        if (n.level() != null) {
            classes.add("og-l-" + n.level().id());
        }
        if (n.hypothetical()) {
            classes.add(n.level() == null ? "og-hyp og-hyp-fill" : "og-hyp");
        }
        if (n.disputed()) {
            classes.add("og-disputed");
        }
        List<String> attrs = new ArrayList<>(List.of("class", String.join(" ", classes), "id", prefix + "-" + SvgMarkup.id(n.id()),
                "data-node", n.id(), "data-kind", n.kind().name().toLowerCase(Locale.ROOT), "data-label", d.lines().get(0)));
        if (n.level() != null) {
            attrs.addAll(List.of("data-level", n.level().id()));
        }
        if (n.disputed()) {
            attrs.addAll(List.of("data-disputed", "true"));
        }
        if (n.hypothetical()) {
            attrs.addAll(List.of("data-hypothetical", "true"));
        }
        s.open("g", List.of(), attrs.toArray(String[]::new));
        s.element("title", String.join("\n", d.lines()));
        if (n.link() != null) {
            s.open("a", List.of(), "href", n.link(), "xlink:href", n.link(), "target", "_top");
        }
        shape(s, d.shape(), b);
        double y = b.centerY() - d.lines().size() * LINE / 2 + LINE - 3;
        for (int i = 0; i < d.lines().size(); i++) {
            s.text(b.centerX(), y + i * LINE, "middle", bold(n, i) ? "og-b" : null, d.lines().get(i));
        }
        if (n.link() != null) {
            s.close("a");
        }
        s.close("g");
    }

    private static void shape(SvgMarkup s, Shape shape, Layout.Box b) {
        double x = b.x();
        double y = b.y();
        double w = b.width();
        double h = b.height();
        switch (shape) {
            case BOX -> s.rect(x, y, w, h, 0, "og-shape");
            case ROUNDED -> s.rect(x, y, w, h, 6, "og-shape");
            case GOAL -> {
                s.rect(x, y, w, h, 7, "og-shape");
                s.rect(x + 3, y + 3, w - 6, h - 6, 5, "og-inner");
            }
            case ELLIPSE -> s.raw("<ellipse class=\"og-shape\" cx=\"" + SvgMarkup.num(b.centerX()) + "\" cy=\"" + SvgMarkup.num(b.centerY())
                    + "\" rx=\"" + SvgMarkup.num(w / 2) + "\" ry=\"" + SvgMarkup.num(h / 2) + "\"/>\n");
            case HEXAGON -> {
                double t = 0.3 * h;
                s.polygon("og-shape", x + t, y, x + w - t, y, x + w, y + h / 2, x + w - t, y + h, x + t, y + h, x, y + h / 2);
            }
            case PARALLELOGRAM -> {
                double t = 0.3 * h;
                s.polygon("og-shape", x + t, y, x + w, y, x + w - t, y + h, x, y + h);
            }
            case NOTE -> {
                double f = 8;
                s.polygon("og-shape", x, y, x + w - f, y, x + w, y + f, x + w, y + h, x, y + h);
                s.raw("<path class=\"og-fold\" d=\"M" + SvgMarkup.num(x + w - f) + "," + SvgMarkup.num(y) + "V" + SvgMarkup.num(y + f) + "H"
                        + SvgMarkup.num(x + w) + "\"/>\n");
            }
        }
    }

    private static void edge(SvgMarkup s, Graph g, Graph.Edge e, Layout.Route r) {
        List<String> classes = new ArrayList<>(List.of("og-edge"));
        if (e.dashed()) {
            classes.add("og-dashed");
        }
        if (e.disputed()) {
            classes.add("og-disputed");
        }
        List<String> label = labelLines(e);
        s.open("g", List.of(), "class", String.join(" ", classes), "data-from", e.from(), "data-to", e.to());
        s.element("title", name(g, e.from()) + " → " + name(g, e.to()) + (label.isEmpty() ? "" : ": " + String.join(" · ", label)));
        List<Layout.Point> p = new ArrayList<>(r.points());
        if (p.size() >= 2) {
            Layout.Point end = p.get(p.size() - 1);
            Layout.Point before = p.get(p.size() - 2);
            double dx = end.x() - before.x();
            double dy = end.y() - before.y();
            if (dx != 0 && dy != 0) {  // a curve: it arrives along the layer axis
                if (r.vertical()) {
                    dx = 0;
                } else {
                    dy = 0;
                }
            }
            double len = Math.hypot(dx, dy);
            if (len > 0) {
                double ux = dx / len;
                double uy = dy / len;
                double shortened = Math.min(ARROW, Math.hypot(end.x() - before.x(), end.y() - before.y()) - 0.5);
                p.set(p.size() - 1, new Layout.Point(end.x() - ux * shortened, end.y() - uy * shortened));
                s.raw("<path d=\"" + path(p, r.vertical()) + "\"/>\n");
                double bx = end.x() - ux * ARROW;
                double by = end.y() - uy * ARROW;
                s.polygon(null, end.x(), end.y(), bx - uy * ARROW / 2, by + ux * ARROW / 2, bx + uy * ARROW / 2, by - ux * ARROW / 2);
            }
        }
        if (r.label() != null && !label.isEmpty()) {
            Layout.Box lb = r.label();
            double y = lb.centerY() - label.size() * LABEL_LINE / 2 + LABEL_LINE - 2;
            for (int i = 0; i < label.size(); i++) {
                s.text(lb.x(), y + i * LABEL_LINE, "start", null, label.get(i));
            }
        }
        s.close("g");
    }

    /** Straight along a layer; across the gap between two layers, a curve that leaves and arrives along the layer axis. */
    private static String path(List<Layout.Point> p, boolean vertical) {
        StringBuilder d = new StringBuilder("M").append(SvgMarkup.num(p.get(0).x())).append(',').append(SvgMarkup.num(p.get(0).y()));
        for (int i = 1; i < p.size(); i++) {
            Layout.Point a = p.get(i - 1);
            Layout.Point b = p.get(i);
            if (a.x() == b.x() || a.y() == b.y()) {
                d.append('L').append(SvgMarkup.num(b.x())).append(',').append(SvgMarkup.num(b.y()));
            } else if (vertical) {
                double m = (a.y() + b.y()) / 2;
                d.append('C').append(SvgMarkup.num(a.x())).append(',').append(SvgMarkup.num(m)).append(' ').append(SvgMarkup.num(b.x())).append(',')
                        .append(SvgMarkup.num(m)).append(' ').append(SvgMarkup.num(b.x())).append(',').append(SvgMarkup.num(b.y()));
            } else {
                double m = (a.x() + b.x()) / 2;
                d.append('C').append(SvgMarkup.num(m)).append(',').append(SvgMarkup.num(a.y())).append(' ').append(SvgMarkup.num(m)).append(',')
                        .append(SvgMarkup.num(b.y())).append(' ').append(SvgMarkup.num(b.x())).append(',').append(SvgMarkup.num(b.y()));
            }
        }
        return d.toString();
    }

    private static String name(Graph g, String id) {
        for (Graph.Node n : g.nodes) {
            if (n.id().equals(id)) {
                return n.lines().isEmpty() ? id : n.lines().get(0);
            }
        }
        return id;
    }

    // ---- the matrix ---------------------------------------------------------------------------

    /** The matrix as a grid: a row per model, a column per ability, cells coloured by level with the level's sign. */
    static String grid(Grid m) {
        double cell = 34;
        double row = 18;
        for (Grid.Column c : m.columns()) {
            cell = Math.max(cell, Math.ceil(TextMetrics.width(c.label(), FONT) * BOLD) + 10);
        }
        double names = 0;
        for (Grid.Row r : m.rows()) {
            names = Math.max(names, TextMetrics.width(r.label() + (r.hypothetical() ? " *" : ""), FONT));
        }
        names = Math.ceil(names) + 12;
        List<String> legend = new ArrayList<>();
        StringBuilder levels = new StringBuilder("levels:");
        for (Level l : Level.values()) {
            levels.append("  ").append(l.sign()).append(' ').append(l.id());
        }
        legend.add(levels.toString());
        if (m.anyHypothetical()) {
            legend.add("* hypothetical model: predicted by the rules, not observed");
        }
        if (m.observed()) {
            legend.add("observed: ✓ agrees  ✗ contradicts  ? not predicted");
        }
        String title = "Abilities of every model";
        double gridWidth = names + cell * m.columns().size();
        double legendWidth = legend.stream().mapToDouble(l -> TextMetrics.width(l, FONT)).max().orElse(0);
        double width = Math.ceil(Math.max(gridWidth, Math.max(legendWidth, TextMetrics.width(title, TITLE_FONT) * BOLD))) + 2 * MARGIN;
        double top = MARGIN + TITLE_FONT + 10;
        double height = top + row * (m.rows().size() + 1) + 8 + legend.size() * LINE + MARGIN;
        SvgMarkup s = new SvgMarkup();
        s.open("svg", List.of("xmlns", "http://www.w3.org/2000/svg"), "class", "og", "id", "matrix", "width", SvgMarkup.num(width),
                "height", SvgMarkup.num(height), "viewBox", "0 0 " + SvgMarkup.num(width) + " " + SvgMarkup.num(height), "role", "img");
        s.element("title", title);
        s.raw("<style>" + CSS + "</style>\n");
        s.text(width / 2, MARGIN + TITLE_FONT, "middle", "og-title", title);
        double x0 = MARGIN;
        for (int i = 0; i < m.columns().size(); i++) {
            Grid.Column c = m.columns().get(i);
            double x = x0 + names + i * cell;
            s.open("g", List.of(), "class", "og-head", "data-ability", c.id());
            s.element("title", c.id());
            s.text(x + cell / 2, top + row - 5, "middle", "og-b", c.label());
            s.close("g");
        }
        for (int r = 0; r < m.rows().size(); r++) {
            Grid.Row mr = m.rows().get(r);
            double y = top + row * (r + 1);
            s.text(x0 + 4, y + row - 5, "start", mr.hypothetical() ? "og-i" : null, mr.label() + (mr.hypothetical() ? " *" : ""));
            for (int i = 0; i < mr.cells().size(); i++) {
                Grid.Cell c = mr.cells().get(i);
                double x = x0 + names + i * cell;
                s.open("g", List.of(), "class", "og-cell og-l-" + c.level().id(), "data-model", mr.label(),
                        "data-ability", m.columns().get(i).id(), "data-level", c.level().id());
                s.element("title", c.tooltip());
                s.rect(x, y, cell, row, 0, "og-shape");
                s.text(x + cell / 2, y + row - 5, "middle", null, c.text());
                s.close("g");
            }
        }
        double ly = top + row * (m.rows().size() + 1) + 8;
        for (int i = 0; i < legend.size(); i++) {
            s.text(x0, ly + (i + 1) * LINE - 3, "start", "og-legend", legend.get(i));
        }
        s.close("svg");
        return standalone(s.toString());
    }

    // ---- styles ---------------------------------------------------------------------------------

    private static String css() {
        StringBuilder c = new StringBuilder();
        c.append("svg.og{font-family:Helvetica,Arial,\"Liberation Sans\",sans-serif}")
                .append("svg.og text{font-size:").append(SvgMarkup.num(FONT)).append("px;fill:#212121}")
                .append("svg.og .og-title{font-size:").append(SvgMarkup.num(TITLE_FONT)).append("px;font-weight:bold}")
                .append("svg.og .og-b{font-weight:bold}svg.og .og-i{font-style:italic}svg.og .og-legend{fill:#455a64}")
                .append("svg.og .og-shape{fill:#fff;stroke:#455a64;stroke-width:1}svg.og .og-inner{fill:none;stroke:#283593;stroke-width:1}")
                .append("svg.og .og-fold{fill:none;stroke:#f9a825}");
        Map<String, String> kinds = new java.util.LinkedHashMap<>();
        kinds.put("goal", "fill:#e8eaf6;stroke:#283593;stroke-width:1.5");
        kinds.put("derived", "fill:#e3f2fd;stroke:#1565c0");
        kinds.put("rule", "fill:#f3e5f5;stroke:#6a1b9a");
        kinds.put("elided", "fill:#fafafa;stroke:#9e9e9e;stroke-dasharray:1,2");
        kinds.put("note", "fill:#fffde7;stroke:#f9a825");
        kinds.put("model", "fill:#e3f2fd;stroke:#1565c0");
        kinds.put("matched", "fill:#e8f5e9;stroke:#2e7d32");
        kinds.put("failed", "fill:#ffebee;stroke:#c62828;stroke-width:2");
        kinds.put("not-reached", "fill:#fafafa;stroke:#9e9e9e;stroke-dasharray:1,2");
        kinds.forEach((k, style) -> c.append("svg.og .og-k-").append(k).append(" .og-shape{").append(style).append('}'));
        for (Level l : Level.values()) {
            c.append("svg.og .og-l-").append(l.id()).append(" .og-shape{fill:").append(Graph.fill(l)).append("}svg.og .og-l-")
                    .append(l.id()).append(" text{fill:").append(Graph.ink(l)).append('}');
        }
        c.append("svg.og .og-cell .og-shape{stroke:#fff}")
                .append("svg.og .og-hyp .og-shape{stroke:#e65100;stroke-dasharray:5,3}svg.og .og-hyp-fill .og-shape{fill:#fff8e1}")
                .append("svg.og .og-node.og-disputed .og-shape{stroke:#c62828;stroke-width:2;stroke-dasharray:5,3}")
                .append("svg.og .og-edge path{fill:none;stroke:#546e7a;stroke-width:1}svg.og .og-edge polygon{fill:#546e7a}")
                .append("svg.og .og-edge text{font-size:").append(SvgMarkup.num(LABEL_FONT)).append("px;fill:#37474f}")
                .append("svg.og .og-dashed path{stroke-dasharray:5,3}")
                .append("svg.og .og-edge.og-disputed path{stroke:#c62828}svg.og .og-edge.og-disputed polygon,")
                .append("svg.og .og-edge.og-disputed text{fill:#c62828}")
                .append("svg.og .og-cluster rect{fill:#fffaf0;stroke:#e65100;stroke-dasharray:5,3}")
                .append("svg.og .og-cluster text{font-size:").append(SvgMarkup.num(CLUSTER_FONT)).append("px;font-weight:bold;fill:#e65100}")
                .append("svg.og a:hover .og-shape{stroke-width:2.5}");
        return c.toString();
    }
}
