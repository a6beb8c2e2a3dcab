package org.origins.render.layout;

import java.util.ArrayList;
import java.util.List;

/**
 * Draws each cluster apart: its nodes (and the dummies of edges inside it) already come after the
 * free nodes of their layers; here the whole cluster moves along the layers until its box — with
 * a margin and its label — clears everything before it that it would overlap, and the box is
 * measured. In abstract coordinates: breadth along the layers, depth across them.
 */
final class Clusters {
    static final double PAD = 10;
    private static final double LABEL_GAP = 4;

    private Clusters() {
    }

    /**
     * Moves the clusters (changing {@code x}) and returns their boxes. {@code top}/{@code bottom}:
     * each node's depth range (a dummy's is its layer's, where its edge passes).
     */
    static List<Layered.Extent> clear(LayoutGraph g, Layered w, double[] x, double[] top, double[] bottom) {
        boolean vertical = g.direction.vertical();
        boolean labelAtEnd = g.direction == LayoutGraph.Direction.BT;  // the label stays on top of the picture
        List<Layered.Extent> boxes = new ArrayList<>();
        for (int c = 0; c < g.clusters.size(); c++) {
            LayoutGraph.Cluster cl = g.clusters.get(c);
            double lb = vertical ? cl.labelWidth() : cl.labelHeight();
            double ld = vertical ? cl.labelHeight() : cl.labelWidth();
            List<Integer> members = new ArrayList<>();
            for (int v = 0; v < w.size(); v++) {
                if (w.cluster.get(v) == c) {
                    members.add(v);
                }
            }
            if (members.isEmpty()) {
                boxes.add(new Layered.Extent(0, 0, 0, 0));
                continue;
            }
            double b0 = Double.MAX_VALUE;
            double b1 = -Double.MAX_VALUE;
            double d0 = Double.MAX_VALUE;
            double d1 = -Double.MAX_VALUE;
            for (int v : members) {
                b0 = Math.min(b0, x[v] - w.left(v));
                b1 = Math.max(b1, x[v] + w.right(v));
                d0 = Math.min(d0, top[v]);
                d1 = Math.max(d1, bottom[v]);
            }
            b0 -= PAD + (vertical ? 0 : lb + LABEL_GAP);
            b1 = Math.max(b1 + PAD, vertical ? b0 + lb + 2 * PAD : b1 + PAD);
            d0 -= PAD + (vertical && !labelAtEnd ? ld + LABEL_GAP : 0);
            d1 += PAD + (vertical && labelAtEnd ? ld + LABEL_GAP : 0);
            if (!vertical) {
                d1 = Math.max(d1, d0 + ld + 2 * PAD);
            }
            double needed = -Double.MAX_VALUE;
            for (int v = 0; v < w.size(); v++) {
                if (w.clusterRank(v) < c + 1 && top[v] < d1 && d0 < bottom[v]) {
                    needed = Math.max(needed, x[v] + w.right(v) + (w.dummy(v) ? Layered.DUMMY_GAP : Layered.NODE_GAP));
                }
            }
            for (Layered.Extent e : boxes) {
                if (e.d0() < d1 && d0 < e.d1()) {
                    needed = Math.max(needed, e.b1() + Layered.NODE_GAP);
                }
            }
            double shift = Math.max(0, needed - b0);
            for (int v : members) {
                x[v] += shift;
            }
            boxes.add(new Layered.Extent(b0 + shift, b1 + shift, d0, d1));
        }
        return boxes;
    }
}
