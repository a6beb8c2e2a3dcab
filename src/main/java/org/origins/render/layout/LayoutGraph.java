package org.origins.render.layout;

import java.util.ArrayList;
import java.util.List;

/**
 * What to lay out: nodes with their sizes (and the cluster they belong to), directed edges with the
 * size of their label (zero when unlabelled), and the direction the edges should point.
 * Nodes, edges and clusters are numbered in the order they are added.
 */
public final class LayoutGraph {
    /** Where edges point: down (TB), up (BT) or right (LR). */
    public enum Direction {
        TB, BT, LR;

        /** Whether layers are rows (TB, BT), not columns (LR). */
        boolean vertical() {
            return this != LR;
        }
    }

    record Node(double width, double height, int cluster, boolean flat) {
    }

    record Edge(int from, int to, double labelWidth, double labelHeight) {
        boolean labelled() {
            return labelWidth > 0 && labelHeight > 0;
        }
    }

    record Cluster(double labelWidth, double labelHeight) {
    }

    final Direction direction;
    final List<Node> nodes = new ArrayList<>();
    final List<Edge> edges = new ArrayList<>();
    final List<Cluster> clusters = new ArrayList<>();

    public LayoutGraph(Direction direction) {
        this.direction = direction;
    }

    /** A cluster drawn apart, after the other nodes of its layers, with a label of that size in its top-left corner. */
    public int cluster(double labelWidth, double labelHeight) {
        clusters.add(new Cluster(labelWidth, labelHeight));
        return clusters.size() - 1;
    }

    /**
     * A node of that size; {@code cluster} -1 for none. {@code flat}: the node's sides are straight,
     * so edges may meet them side by side (a box); otherwise they all meet its middle (an ellipse).
     */
    public int node(double width, double height, int cluster, boolean flat) {
        if (!(width > 0) || !(height > 0)) {
            throw new IllegalArgumentException("a node needs a positive size, not " + width + " × " + height);
        }
        if (cluster < -1 || cluster >= clusters.size()) {
            throw new IllegalArgumentException("no cluster " + cluster);
        }
        nodes.add(new Node(width, height, cluster, flat));
        return nodes.size() - 1;
    }

    /** An edge; a label of zero size for none. */
    public int edge(int from, int to, double labelWidth, double labelHeight) {
        if (from < 0 || from >= nodes.size() || to < 0 || to >= nodes.size()) {
            throw new IllegalArgumentException("an edge between unknown nodes " + from + " → " + to);
        }
        edges.add(new Edge(from, to, Math.max(0, labelWidth), Math.max(0, labelHeight)));
        return edges.size() - 1;
    }

    public int edgeCount() {
        return edges.size();
    }
}
