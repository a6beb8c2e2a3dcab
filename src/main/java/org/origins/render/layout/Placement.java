package org.origins.render.layout;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Places the nodes along their layers (Brandes and Köpf, "Fast and simple horizontal coordinate
 * assignment", 2001): in each of four directions (from the top or the bottom, packed to the left or
 * to the right) nodes are aligned with a median neighbour into vertical blocks — long edges first,
 * so they run straight — and the blocks packed as tight as the order allows (here as the longest
 * path of the blocks' separation constraints, which also avoids the original's class-shift flaw);
 * the four results are then balanced.
 */
final class Placement {
    private final Layered w;
    private final int n;
    private final int[] pos;
    private final Set<Long> conflicts = new HashSet<>();

    private Placement(Layered w) {
        this.w = w;
        this.n = w.size();
        this.pos = new int[n];
        for (List<Integer> layer : w.layers) {
            for (int i = 0; i < layer.size(); i++) {
                pos[layer.get(i)] = i;
            }
        }
    }

    /** The anchor of every node along its layer. */
    static double[] place(Layered w) {
        Placement p = new Placement(w);
        p.markConflicts();
        double[][] xs = new double[4][];
        for (int variant = 0; variant < 4; variant++) {
            xs[variant] = p.variant(variant / 2 == 1, variant % 2 == 1);
        }
        double[] x = p.balance(xs);
        p.separate(x);
        return x;
    }

    private static long key(int upper, int lower) {
        return (long) upper << 32 | lower;
    }

    private boolean inner(int upper, int lower) {
        return w.dummy(upper) && w.dummy(lower);
    }

    /** Type 1 conflicts: a segment that crosses an inner segment (dummy to dummy) gives way to it. */
    private void markConflicts() {
        for (int i = 0; i + 1 < w.layers.size(); i++) {
            List<Integer> upper = w.layers.get(i);
            List<Integer> lower = w.layers.get(i + 1);
            int k0 = 0;
            int l = 0;
            for (int l1 = 0; l1 < lower.size(); l1++) {
                int v = lower.get(l1);
                int innerUpper = -1;
                if (w.dummy(v)) {
                    for (int u : w.up.get(v)) {
                        if (w.dummy(u)) {
                            innerUpper = u;
                        }
                    }
                }
                if (l1 == lower.size() - 1 || innerUpper >= 0) {
                    int k1 = innerUpper >= 0 ? pos[innerUpper] : upper.size() - 1;
                    for (; l <= l1; l++) {
                        int x = lower.get(l);
                        for (int u : w.up.get(x)) {
                            if ((pos[u] < k0 || pos[u] > k1) && !inner(u, x)) {
                                conflicts.add(key(u, x));
                            }
                        }
                    }
                    k0 = k1;
                }
            }
        }
    }

    /** One of the four placements: aligned with the neighbours above (or below), packed to the left (or right). */
    private double[] variant(boolean fromBottom, boolean toRight) {
        List<List<Integer>> layers = new ArrayList<>();
        for (List<Integer> l : w.layers) {
            List<Integer> c = new ArrayList<>(l);
            if (toRight) {
                Collections.reverse(c);
            }
            layers.add(c);
        }
        if (fromBottom) {
            Collections.reverse(layers);
        }
        int[] vpos = new int[n];
        for (List<Integer> layer : layers) {
            for (int i = 0; i < layer.size(); i++) {
                vpos[layer.get(i)] = i;
            }
        }
        int[] root = new int[n];
        int[] align = new int[n];
        for (int v = 0; v < n; v++) {
            root[v] = v;
            align[v] = v;
        }
        for (int i = 1; i < layers.size(); i++) {
            int r = -1;
            for (int v : layers.get(i)) {
                List<Integer> nb = new ArrayList<>(fromBottom ? w.down.get(v) : w.up.get(v));
                if (nb.isEmpty()) {
                    continue;
                }
                nb.sort(Comparator.comparingInt(u -> vpos[u]));
                int d = nb.size();
                for (int m = (d - 1) / 2; m <= d / 2; m++) {
                    if (align[v] != v) {
                        break;
                    }
                    int u = nb.get(m);
                    long segment = fromBottom ? key(v, u) : key(u, v);
                    if (!conflicts.contains(segment) && r < vpos[u]) {
                        align[u] = v;
                        root[v] = root[u];
                        align[v] = root[v];
                        r = vpos[u];
                    }
                }
            }
        }
        double[] x = compact(layers, root, toRight);
        if (toRight) {
            for (int v = 0; v < n; v++) {
                x[v] = -x[v];
            }
        }
        return x;
    }

    private record Constraint(int next, double separation) {
    }

    /** Packs the blocks: each as close after its predecessors in every layer as their separation allows. */
    private double[] compact(List<List<Integer>> layers, int[] root, boolean toRight) {
        List<List<Constraint>> after = new ArrayList<>();  // per block (by its root): the blocks right after it
        for (int v = 0; v < n; v++) {
            after.add(new ArrayList<>());
        }
        int[] missing = new int[n];
        for (List<Integer> layer : layers) {
            for (int i = 0; i + 1 < layer.size(); i++) {
                int a = layer.get(i);
                int b = layer.get(i + 1);
                after.get(root[a]).add(new Constraint(root[b], toRight ? w.separation(b, a) : w.separation(a, b)));
                missing[root[b]]++;
            }
        }
        double[] bx = new double[n];
        Deque<Integer> ready = new ArrayDeque<>();
        for (List<Integer> layer : layers) {
            for (int v : layer) {
                if (root[v] == v && missing[v] == 0) {
                    ready.add(v);
                }
            }
        }
        while (!ready.isEmpty()) {
            int r = ready.poll();
            for (Constraint c : after.get(r)) {
                bx[c.next()] = Math.max(bx[c.next()], bx[r] + c.separation());
                if (--missing[c.next()] == 0) {
                    ready.add(c.next());
                }
            }
        }
        double[] x = new double[n];
        for (int v = 0; v < n; v++) {
            x[v] = bx[root[v]];
        }
        return x;
    }

    /** The four placements aligned on the narrowest, then each node at the mean of its two median positions. */
    private double[] balance(double[][] xs) {
        double[] min = new double[4];
        double[] max = new double[4];
        int narrowest = 0;
        for (int k = 0; k < 4; k++) {
            min[k] = Double.MAX_VALUE;
            max[k] = -Double.MAX_VALUE;
            for (int v = 0; v < n; v++) {
                min[k] = Math.min(min[k], xs[k][v] - w.left(v));
                max[k] = Math.max(max[k], xs[k][v] + w.right(v));
            }
            if (max[k] - min[k] < max[narrowest] - min[narrowest]) {
                narrowest = k;
            }
        }
        double[] x = new double[n];
        double[] four = new double[4];
        for (int v = 0; v < n; v++) {
            for (int k = 0; k < 4; k++) {
                boolean toRight = k % 2 == 1;
                double shift = toRight ? max[narrowest] - max[k] : min[narrowest] - min[k];
                four[k] = xs[k][v] + shift;
            }
            Arrays.sort(four);
            x[v] = (four[1] + four[2]) / 2;
        }
        return x;
    }

    /** Balancing may bring neighbours too close: pushes them apart, left to right. */
    private void separate(double[] x) {
        for (List<Integer> layer : w.layers) {
            for (int i = 0; i + 1 < layer.size(); i++) {
                int a = layer.get(i);
                int b = layer.get(i + 1);
                x[b] = Math.max(x[b], x[a] + w.separation(a, b));
            }
        }
    }
}
