package org.origins.render.layout;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;

/**
 * Routes each edge through its dummy nodes: out of its source across the layer axis, straight
 * through every layer it passes (where its dummies hold the way free), across the gaps between
 * layers, and into its target. Edges meet a flat-sided node side by side, in the order of where
 * they come from; other nodes in the middle. In abstract coordinates ({breadth, depth}); a turned
 * edge's points are given back in its own direction.
 */
final class Routing {
    /** Between an edge and its label. */
    static final double LABEL_PAD = 5;
    private static final double PORT_STEP = 10;
    private static final double PORT_MARGIN = 8;
    private static final double LOOP = 14;

    private Routing() {
    }

    /** An edge's way in abstract coordinates, and its label's box. */
    record Way(List<double[]> points, Layered.Extent label) {
    }

    /**
     * {@code top}/{@code bottom}: each node's depth range; {@code bandTop}/{@code bandBottom}: each
     * layer's.
     */
    static List<Way> route(Layered w, double[] x, double[] top, double[] bottom, double[] bandTop, double[] bandBottom) {
        double[] outPort = ports(w, x, true);
        double[] inPort = ports(w, x, false);
        List<Way> ways = new ArrayList<>();
        for (int e = 0; e < w.chains.size(); e++) {
            int[] chain = w.chains.get(e);
            if (chain.length == 1) {
                ways.add(loop(w, chain[0], x, top, bottom));
                continue;
            }
            List<double[]> pts = new ArrayList<>();
            int s = chain[0];
            int t = chain[chain.length - 1];
            double sx = outPort[e];
            add(pts, sx, bottom[s]);
            add(pts, sx, bandBottom[w.layer[s]]);
            for (int k = 1; k < chain.length - 1; k++) {
                int d = chain[k];
                add(pts, x[d], bandTop[w.layer[d]]);
                add(pts, x[d], bandBottom[w.layer[d]]);
            }
            double tx = inPort[e];
            add(pts, tx, bandTop[w.layer[t]]);
            add(pts, tx, top[t]);
            if (w.reversed.get(e)) {
                Collections.reverse(pts);
            }
            Layered.Extent label = null;
            int ld = w.labelNode.get(e);
            if (ld >= 0) {  // beside the edge, in the middle of the layer
                int l = w.layer[ld];
                double d0 = (bandTop[l] + bandBottom[l] - w.depth.get(ld)) / 2;
                label = new Layered.Extent(x[ld] + LABEL_PAD, x[ld] + w.breadth.get(ld), d0, d0 + w.depth.get(ld));
            }
            ways.add(new Way(pts, label));
        }
        return ways;
    }

    private static void add(List<double[]> pts, double b, double d) {
        if (!pts.isEmpty()) {
            double[] last = pts.get(pts.size() - 1);
            if (last[0] == b && last[1] == d) {
                return;
            }
        }
        pts.add(new double[]{b, d});
    }

    /**
     * Per edge, where it leaves its upper end ({@code below}) or enters its lower end: a flat node
     * spreads its edges over the middle of its side, ordered by where their next point lies.
     */
    private static double[] ports(Layered w, double[] x, boolean below) {
        double[] port = new double[w.chains.size()];
        List<List<Integer>> byNode = new ArrayList<>();
        for (int v = 0; v < w.realCount; v++) {
            byNode.add(new ArrayList<>());
        }
        for (int e = 0; e < w.chains.size(); e++) {
            int[] chain = w.chains.get(e);
            if (chain.length > 1) {
                byNode.get(below ? chain[0] : chain[chain.length - 1]).add(e);
            }
        }
        for (int v = 0; v < w.realCount; v++) {
            List<Integer> es = byNode.get(v);
            es.sort(Comparator.comparingDouble(e -> x[neighbour(w, e, below)]));  // stable: ties keep the edges' order
            double room = w.breadth.get(v) - 2 * PORT_MARGIN;
            double spread = w.flat.get(v) && es.size() > 1 ? Math.max(0, Math.min(room, (es.size() - 1) * PORT_STEP)) : 0;
            for (int i = 0; i < es.size(); i++) {
                double offset = es.size() > 1 ? -spread / 2 + spread * i / (es.size() - 1) : 0;
                port[es.get(i)] = x[v] + offset;
            }
        }
        return port;
    }

    private static int neighbour(Layered w, int e, boolean below) {
        int[] chain = w.chains.get(e);
        return below ? chain[1] : chain[chain.length - 2];
    }

    /** A self-loop: out of the node's trailing side and back into it, beside it. */
    private static Way loop(Layered w, int v, double[] x, double[] top, double[] bottom) {
        double side = x[v] + w.right(v);
        double middle = (top[v] + bottom[v]) / 2;
        double half = Math.min(6, (bottom[v] - top[v]) / 4);
        List<double[]> pts = new ArrayList<>();
        pts.add(new double[]{side, middle - half});
        pts.add(new double[]{side + LOOP, middle - half});
        pts.add(new double[]{side + LOOP, middle + half});
        pts.add(new double[]{side, middle + half});
        return new Way(pts, null);
    }
}
