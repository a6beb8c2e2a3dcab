package org.origins.render;

import org.origins.kb.Level;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Mermaid diagrams (GitHub renders them in Markdown): proof graphs and the evolution tree as
 * flowcharts, the matrix as a block grid. Formats only; the same answer gives the same bytes.
 * Shapes: [[conclusion]], [stated fact], ([derived fact]), {{rule}}, &gt;note], [/condition/];
 * disputed facts and parent links are dashed.
 */
public final class MermaidWriter {
    private MermaidWriter() {
    }

    /** The drawing in Mermaid: a flowchart, or a block grid for the matrix. */
    public static String write(Drawing d) {
        return d instanceof Grid grid ? grid(grid) : graph((Graph) d);
    }

    // ---- flowcharts -----------------------------------------------------------------------------

    private static final Map<String, String> CLASSES = new LinkedHashMap<>();

    static {
        CLASSES.put("goal", "fill:#e8eaf6,stroke:#283593,stroke-width:2px");
        CLASSES.put("stated", "fill:#ffffff,stroke:#455a64");
        CLASSES.put("derived", "fill:#e3f2fd,stroke:#1565c0");
        CLASSES.put("rule", "fill:#f3e5f5,stroke:#6a1b9a");
        CLASSES.put("elided", "fill:#fafafa,stroke:#9e9e9e,stroke-dasharray:3 3");
        CLASSES.put("note", "fill:#fffde7,stroke:#f9a825");
        CLASSES.put("model", "fill:#e3f2fd,stroke:#1565c0");
        CLASSES.put("matched", "fill:#e8f5e9,stroke:#2e7d32");
        CLASSES.put("failed", "fill:#ffebee,stroke:#c62828,stroke-width:2px");
        CLASSES.put("notreached", "fill:#fafafa,stroke:#9e9e9e,stroke-dasharray:3 3");
        for (Level l : Level.values()) {
            CLASSES.put("lvl_" + l.id(), "fill:" + Graph.fill(l) + ",color:" + Graph.ink(l) + ",stroke:#37474f,stroke-width:2px");
        }
        CLASSES.put("hypothetical", "fill:#fff8e1,stroke:#e65100,stroke-width:2px,stroke-dasharray:5 5");
        CLASSES.put("disputed", "fill:#fff3e0,stroke:#c62828,stroke-width:2px,stroke-dasharray:5 5");
    }

    public static String graph(Graph g) {
        StringBuilder b = new StringBuilder();
        b.append("%% ").append(comment(g.title)).append('\n');
        b.append("flowchart ").append(g.direction).append('\n');
        for (Graph.Node n : g.nodes) {
            if (n.cluster() == null) {
                node(b, n, "    ");
            }
        }
        for (Graph.Cluster c : g.clusters) {
            b.append("    subgraph ").append(c.id()).append("[\"").append(text(c.label())).append("\"]\n");
            for (Graph.Node n : g.nodes) {
                if (c.id().equals(n.cluster())) {
                    node(b, n, "        ");
                }
            }
            b.append("    end\n");
        }
        for (Graph.Edge e : g.edges) {
            b.append("    ").append(e.from()).append(e.dashed() ? " -.->" : " -->");
            if (!e.label().isEmpty()) {
                b.append("|\"").append(lines(List.of(e.label().split("\n")))).append("\"|");
            }
            b.append(' ').append(e.to()).append('\n');
        }
        Map<String, List<String>> classes = new LinkedHashMap<>();
        for (Graph.Node n : g.nodes) {
            classes.computeIfAbsent(styleClass(n), k -> new ArrayList<>()).add(n.id());
        }
        styles(b, classes);
        for (Graph.Cluster c : g.clusters) {
            if (c.id().equals(Graph.HYPOTHETICAL)) {
                b.append("    style ").append(c.id()).append(" fill:#fffaf0,stroke:#e65100,stroke-dasharray:5 5\n");
            }
        }
        List<String> disputed = new ArrayList<>();
        for (int i = 0; i < g.edges.size(); i++) {
            if (g.edges.get(i).disputed()) {
                disputed.add(String.valueOf(i));
            }
        }
        if (!disputed.isEmpty()) {
            b.append("    linkStyle ").append(String.join(",", disputed)).append(" stroke:#c62828,color:#c62828\n");
        }
        for (Graph.Node n : g.nodes) {
            if (n.link() != null) {
                b.append("    click ").append(n.id()).append(" href \"").append(n.link()).append("\"\n");
            }
        }
        return b.toString();
    }

    private static void node(StringBuilder b, Graph.Node n, String indent) {
        String[] shape = switch (n.kind()) {
            case GOAL -> new String[]{"[[\"", "\"]]"};
            case STATED, ELIDED -> new String[]{"[\"", "\"]"};
            case DERIVED -> new String[]{"([\"", "\"])"};
            case RULE -> new String[]{"{{\"", "\"}}"};
            case NOTE -> new String[]{">\"", "\"]"};
            case MODEL -> new String[]{"(\"", "\")"};
            case MATCHED, FAILED, NOT_REACHED -> new String[]{"[/\"", "\"/]"};
        };
        List<String> lines = new ArrayList<>(n.lines());
        if (n.disputed() && lines.stream().noneMatch(l -> l.contains("DISPUTED"))) {
            lines.add("DISPUTED");
        }
        b.append(indent).append(n.id()).append(shape[0]).append(lines(lines)).append(shape[1]).append('\n');
    }

    private static String styleClass(Graph.Node n) {
        if (n.disputed()) {
            return "disputed";
        }
        if (n.level() != null) {
            return "lvl_" + n.level().id();
        }
        if (n.hypothetical()) {
            return "hypothetical";
        }
        return switch (n.kind()) {
            case GOAL -> "goal";
            case STATED -> "stated";
            case DERIVED -> "derived";
            case RULE -> "rule";
            case ELIDED -> "elided";
            case NOTE -> "note";
            case MODEL -> "model";
            case MATCHED -> "matched";
            case FAILED -> "failed";
            case NOT_REACHED -> "notreached";
        };
    }

    private static String lines(List<String> lines) {
        List<String> out = new ArrayList<>();
        for (String l : lines) {
            out.add(text(l));
        }
        return String.join("<br/>", out);
    }

    /**
     * Text safe inside a quoted Mermaid label: the characters Mermaid or its HTML labels would read
     * as syntax become entity codes (#quot; and the like).
     */
    static String text(String s) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '#' -> b.append("#35;");
                case '"' -> b.append("#quot;");
                case '<' -> b.append("#lt;");
                case '>' -> b.append("#gt;");
                case '&' -> b.append("#amp;");
                case '|' -> b.append("#124;");
                case '`' -> b.append("#96;");
                case '\n', '\r', '\t' -> b.append(' ');
                default -> b.append(c);
            }
        }
        return b.toString();
    }

    private static String comment(String s) {
        return s.replaceAll("[\\r\\n]+", " ").replace("%%", "%");
    }

    // ---- the matrix -------------------------------------------------------------------------------

    /** The matrix as a block grid: a header row of abilities, then one row a model, cells coloured by level. */
    static String grid(Grid m) {
        StringBuilder b = new StringBuilder();
        int columns = m.columns().size() + 1;
        b.append("%% ability matrix: · none, − weak, + present, ++ strong; * hypothetical\n");
        b.append("block-beta\n");
        b.append("    columns ").append(columns).append('\n');
        b.append("    space");
        for (int i = 0; i < m.columns().size(); i++) {
            b.append(" h").append(i + 1).append("[\"").append(text(m.columns().get(i).label())).append("\"]");
        }
        b.append('\n');
        Map<String, List<String>> classes = new LinkedHashMap<>();
        for (int r = 0; r < m.rows().size(); r++) {
            Grid.Row row = m.rows().get(r);
            String rid = "r" + (r + 1);
            b.append("    ").append(rid).append("[\"").append(text(row.label() + (row.hypothetical() ? " *" : ""))).append("\"]");
            if (row.hypothetical()) {
                classes.computeIfAbsent("hypothetical", k -> new ArrayList<>()).add(rid);
            }
            for (int c = 0; c < row.cells().size(); c++) {
                Grid.Cell cell = row.cells().get(c);
                String id = rid + "c" + (c + 1);
                b.append(' ').append(id).append("[\"").append(text(cell.text())).append("\"]");
                classes.computeIfAbsent("lvl_" + cell.level().id(), k -> new ArrayList<>()).add(id);
            }
            b.append('\n');
        }
        b.append("    legend[\"").append(text("levels: · none  − weak  + present  ++ strong"
                + (m.anyHypothetical() ? "  * hypothetical" : "")
                + (m.observed() ? "  observed: ✓ agrees ✗ contradicts ? not predicted" : ""))).append("\"]:").append(columns).append('\n');
        styles(b, classes);
        return b.toString();
    }

    /** The style classes in use ({@code classes}: class to node ids), then which nodes wear each. */
    private static void styles(StringBuilder b, Map<String, List<String>> classes) {
        for (Map.Entry<String, String> c : CLASSES.entrySet()) {
            if (classes.containsKey(c.getKey())) {
                b.append("    classDef ").append(c.getKey()).append(' ').append(c.getValue()).append('\n');
            }
        }
        for (Map.Entry<String, String> c : CLASSES.entrySet()) {
            List<String> ids = classes.get(c.getKey());
            if (ids != null) {
                b.append("    class ").append(String.join(",", ids)).append(' ').append(c.getKey()).append('\n');
            }
        }
    }
}
