package org.origins.render;

import org.origins.kb.Level;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A diagram, independent of the graph language: nodes of a kind (which decides the shape), edges
 * with labels, clusters. Mermaid ({@link MermaidWriter}), DOT ({@link DotWriter}) and the HTML
 * writer all draw from it, so that they always show the same graph. The graphs of the answers are
 * built in {@link org.origins.render.answers.Drawings}, only from the answer's own values and in its
 * order: the same answer gives the same graph.
 */
public final class Graph implements Drawing {
    /** What a node stands for; each kind has its own shape. */
    public enum Kind {
        /** The conclusion asked about. */
        GOAL,
        /** A fact stated in the knowledge base (with its source). */
        STATED,
        /** A fact concluded by rules. */
        DERIVED,
        /** A rule applied. */
        RULE,
        /** A derived fact below the depth limit. */
        ELIDED,
        /** A side remark: a mechanism, a doubt, what a rule would need. */
        NOTE,
        /** A model of the evolution tree. */
        MODEL,
        /** A rule condition that matched, failed, or was not reached. */
        MATCHED, FAILED, NOT_REACHED
    }

    /** {@code lines}: the label, one entry a line. {@code level}: colours the node by level when not null. */
    public record Node(String id, Kind kind, List<String> lines, Level level, boolean disputed, boolean hypothetical,
                       String cluster, String link) {
        public Node {
            lines = List.copyOf(lines);
        }
    }

    /** {@code label} may hold several lines separated by '\n'. {@code disputed}: a link a source disputes (drawn red). */
    public record Edge(String from, String to, String label, boolean dashed, boolean disputed) {
    }

    public record Cluster(String id, String label) {
    }

    /** The id of the cluster that holds hypothetical models. */
    public static final String HYPOTHETICAL = "hypothetical";

    final String title;
    /** Layout direction: BT (evidence below, conclusion on top), TB or LR. */
    final String direction;
    final List<Node> nodes = new ArrayList<>();
    final List<Edge> edges = new ArrayList<>();
    final List<Cluster> clusters = new ArrayList<>();
    private final Map<String, Node> byId = new HashMap<>();

    public Graph(String title, String direction) {
        this.title = title;
        this.direction = direction;
    }

    public String title() {
        return title;
    }

    public String direction() {
        return direction;
    }

    public List<Node> nodes() {
        return List.copyOf(nodes);
    }

    public List<Edge> edges() {
        return List.copyOf(edges);
    }

    public List<Cluster> clusters() {
        return List.copyOf(clusters);
    }

    /** A plain node of a kind; a second node with the same id is the first. */
    public Node node(String id, Kind kind, List<String> lines) {
        return add(new Node(id, kind, clean(lines), null, false, false, null, null));
    }

    /** Adds a node with its labels cleaned (see {@link #clean}); a second node with the same id is the first. */
    public Node add(Node n) {
        if (byId.containsKey(n.id())) {
            return byId.get(n.id());
        }
        Node cleaned = new Node(n.id(), n.kind(), clean(n.lines()), n.level(), n.disputed(), n.hypothetical(), n.cluster(), n.link());
        nodes.add(cleaned);
        byId.put(n.id(), cleaned);
        return cleaned;
    }

    public void edge(String from, String to, String label, boolean dashed) {
        edges.add(new Edge(from, to, label == null ? "" : label, dashed, false));
    }

    /** A dashed red edge: a link a source disputes. */
    public void disputedEdge(String from, String to, String label) {
        edges.add(new Edge(from, to, label == null ? "" : label, true, true));
    }

    public void cluster(String id, String label) {
        clusters.add(new Cluster(id, label));
    }

    /** This graph with every node's link sent through {@code links} (itself when there is nothing to change). */
    public Graph relinked(java.util.function.UnaryOperator<String> links) {
        if (nodes.stream().allMatch(n -> n.link() == null || links.apply(n.link()).equals(n.link()))) {
            return this;
        }
        Graph g = new Graph(title, direction);
        for (Node n : nodes) {
            g.add(new Node(n.id(), n.kind(), n.lines(), n.level(), n.disputed(), n.hypothetical(), n.cluster(),
                    n.link() == null ? null : links.apply(n.link())));
        }
        g.edges.addAll(edges);
        g.clusters.addAll(clusters);
        return g;
    }

    /** Labels are single-spaced lines: rule conditions may span lines and indentation in their files. */
    static List<String> clean(List<String> lines) {
        List<String> out = new ArrayList<>();
        for (String l : lines) {
            if (l != null && !l.isBlank()) {
                out.add(l.strip().replaceAll("\\s+", " "));
            }
        }
        return out;
    }

    // ---- palette ------------------------------------------------------------------------------

    /** The fill of a level, the same in every format: grey, yellow, light green, dark green. */
    public static String fill(Level l) {
        return switch (l) {
            case NONE -> "#eeeeee";
            case WEAK -> "#fff59d";
            case PRESENT -> "#a5d6a7";
            case STRONG -> "#2e7d32";
        };
    }

    /** The text colour on {@link #fill(Level)}. */
    public static String ink(Level l) {
        return l == Level.STRONG ? "#ffffff" : "#000000";
    }
}
