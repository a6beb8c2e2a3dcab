package org.origins.render.layout;

import java.util.ArrayList;
import java.util.List;

/**
 * The working graph of one layout: the real nodes, then dummy nodes that break every edge longer
 * than one layer into unit steps (one of them carries the edge's label), each with its size along
 * the layers ({@code breadth}) and across them ({@code depth}), and the point where edges pass it
 * ({@code anchor}, from its leading side). Directions are abstract here: layer 0 on top, order left
 * to right; {@link LayeredLayout} turns the result the way the graph asked.
 */
final class Layered {
    /** Gaps in pixels: between neighbours in a layer (real nodes, and where a dummy is involved). */
    static final double NODE_GAP = 18;
    static final double DUMMY_GAP = 8;

    final int realCount;
    final List<Double> breadth = new ArrayList<>();
    final List<Double> depth = new ArrayList<>();
    final List<Double> anchor = new ArrayList<>();
    final List<Integer> cluster = new ArrayList<>();
    final List<Boolean> flat = new ArrayList<>();
    /** The layer of every node. */
    int[] layer;
    /** Per node: the nodes one layer up and one layer down it is joined to (once per edge). */
    final List<List<Integer>> up = new ArrayList<>();
    final List<List<Integer>> down = new ArrayList<>();
    /** Per layer, its nodes from left to right. */
    List<List<Integer>> layers = new ArrayList<>();
    /** Per original edge: its nodes from the upper end to the lower one; a self-loop's is its node alone. */
    final List<int[]> chains = new ArrayList<>();
    /** Per original edge: whether it was turned round (it points up); and the dummy carrying its label, or -1. */
    final List<Boolean> reversed = new ArrayList<>();
    final List<Integer> labelNode = new ArrayList<>();

    Layered(LayoutGraph g) {
        realCount = g.nodes.size();
        boolean vertical = g.direction.vertical();
        for (LayoutGraph.Node n : g.nodes) {
            double b = vertical ? n.width() : n.height();
            add(b, vertical ? n.height() : n.width(), b / 2, n.cluster(), n.flat());
        }
    }

    int size() {
        return breadth.size();
    }

    boolean dummy(int v) {
        return v >= realCount;
    }

    int add(double b, double d, double a, int c, boolean isFlat) {
        breadth.add(b);
        depth.add(d);
        anchor.add(a);
        cluster.add(c);
        flat.add(isFlat);
        up.add(new ArrayList<>());
        down.add(new ArrayList<>());
        return breadth.size() - 1;
    }

    /** An abstract box: breadth from {@code b0} to {@code b1}, depth from {@code d0} to {@code d1}. */
    record Extent(double b0, double b1, double d0, double d1) {
        boolean empty() {
            return b1 <= b0;
        }
    }

    /** The space a node needs to the left of its anchor, and to its right. */
    double left(int v) {
        return anchor.get(v);
    }

    double right(int v) {
        return breadth.get(v) - anchor.get(v);
    }

    /** The least distance between the anchors of {@code a} and of its right neighbour {@code b}. */
    double separation(int a, int b) {
        double gap = dummy(a) || dummy(b) ? DUMMY_GAP : NODE_GAP;
        return right(a) + left(b) + gap;
    }

    /** The order of a cluster in a layer: free nodes first, then each cluster in turn. */
    int clusterRank(int v) {
        return cluster.get(v) + 1;
    }
}
