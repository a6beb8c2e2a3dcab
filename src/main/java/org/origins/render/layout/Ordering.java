package org.origins.render.layout;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Orders the nodes of each layer to cut edge crossings: a depth-first first order, then sweeps
 * down and up that sort each layer by the barycenter of its neighbours in the layer just fixed,
 * each followed by swaps of neighbours that cross less the other way round; the ordering with the
 * fewest crossings wins. A cluster's nodes stay together, after the free
 * nodes of their layer; a node with no neighbour in the fixed layer keeps its place.
 */
final class Ordering {
    private static final int SWEEPS = 24;
    private static final int PATIENCE = 6;

    private final Layered w;
    private final int[] pos;
    /** {@code w.up} and {@code w.down} as arrays: counting crossings is most of the work. */
    private final int[][] up;
    private final int[][] down;
    /** A node's barycenter in the sweep under way. */
    private final double[] key;

    private Ordering(Layered w) {
        this.w = w;
        this.pos = new int[w.size()];
        this.up = new int[w.size()][];
        this.down = new int[w.size()][];
        this.key = new double[w.size()];
        for (int v = 0; v < w.size(); v++) {
            up[v] = w.up.get(v).stream().mapToInt(Integer::intValue).toArray();
            down[v] = w.down.get(v).stream().mapToInt(Integer::intValue).toArray();
        }
    }

    /**
     * Orders {@code w.layers} and returns the number of crossings left. Sweeps can get stuck, so
     * they start twice: from a depth-first order along the edges' direction, from the sources (trees
     * come out as trees), and from one that follows edges either way, from the ends of chains (a
     * zigzag path comes out unfolded).
     */
    static int order(Layered w) {
        Ordering along = new Ordering(w);
        int a = along.run(false);
        List<List<Integer>> first = w.layers;
        int b = new Ordering(w).run(true);
        if (a <= b) {
            w.layers = first;
            return a;
        }
        return b;
    }

    private int run(boolean eitherWay) {
        firstOrder(eitherWay);
        List<List<Integer>> best = copy(w.layers);
        int fewest = crossings(w, pos);
        int stale = 0;
        for (int sweep = 0; sweep < SWEEPS && fewest > 0 && stale < PATIENCE; sweep++) {
            boolean downwards = sweep % 2 == 0;
            int h = w.layers.size();
            for (int i = 1; i < h; i++) {
                int l = downwards ? i : h - 1 - i;
                sortByBarycenter(w.layers.get(l), downwards);
            }
            transpose();
            int c = crossings(w, pos);
            if (c < fewest) {
                fewest = c;
                best = copy(w.layers);
                stale = 0;
            } else {
                stale++;
            }
        }
        w.layers = best;
        return fewest;
    }

    private void firstOrder(boolean eitherWay) {
        int h = 0;
        for (int l : w.layer) {
            h = Math.max(h, l + 1);
        }
        List<List<Integer>> layers = new ArrayList<>();
        for (int i = 0; i < h; i++) {
            layers.add(new ArrayList<>());
        }
        boolean[] seen = new boolean[w.size()];
        List<Integer> starts = new ArrayList<>();
        for (int v = 0; v < w.size(); v++) {
            starts.add(v);
        }
        if (eitherWay) {  // from the ends of chains first
            starts.sort(Comparator.comparingInt(v -> w.up.get(v).size() + w.down.get(v).size()));
        } else {  // from the sources first
            starts.sort(Comparator.comparing(v -> !w.up.get(v).isEmpty()));
        }
        for (int v : starts) {
            if (!seen[v]) {
                visit(v, seen, layers, eitherWay);
            }
        }
        for (List<Integer> layer : layers) {
            layer.sort(Comparator.comparingInt(w::clusterRank));  // stable: the search's order within each group
        }
        w.layers = layers;
        positions();
    }

    private void visit(int root, boolean[] seen, List<List<Integer>> layers, boolean eitherWay) {
        List<Integer> stack = new ArrayList<>();
        stack.add(root);
        while (!stack.isEmpty()) {
            int v = stack.remove(stack.size() - 1);
            if (seen[v]) {
                continue;
            }
            seen[v] = true;
            layers.get(w.layer[v]).add(v);
            List<Integer> next = new ArrayList<>(w.down.get(v));
            if (eitherWay) {
                next.addAll(w.up.get(v));
            }
            for (int i = next.size() - 1; i >= 0; i--) {
                if (!seen[next.get(i)]) {
                    stack.add(next.get(i));
                }
            }
        }
    }

    private void positions() {
        for (List<Integer> layer : w.layers) {
            for (int i = 0; i < layer.size(); i++) {
                pos[layer.get(i)] = i;
            }
        }
    }

    /** Sorts a layer by its nodes' neighbours in the layer above (downwards) or below, cluster by cluster. */
    private void sortByBarycenter(List<Integer> layer, boolean downwards) {
        int start = 0;
        while (start < layer.size()) {
            int end = start;
            int rank = w.clusterRank(layer.get(start));
            while (end < layer.size() && w.clusterRank(layer.get(end)) == rank) {
                end++;
            }
            List<Integer> group = layer.subList(start, end);
            List<Integer> movable = new ArrayList<>();
            for (int v : group) {
                int[] nb = downwards ? up[v] : down[v];
                if (nb.length > 0) {
                    double sum = 0;
                    for (int u : nb) {
                        sum += pos[u];
                    }
                    key[v] = sum / nb.length;
                    movable.add(v);
                }
            }
            movable.sort(Comparator.<Integer>comparingDouble(v -> key[v]).thenComparingInt(v -> pos[v]));
            int next = 0;
            for (int i = 0; i < group.size(); i++) {
                int v = group.get(i);
                if ((downwards ? up[v] : down[v]).length > 0) {
                    group.set(i, movable.get(next++));
                }
            }
            start = end;
        }
        for (int i = 0; i < layer.size(); i++) {
            pos[layer.get(i)] = i;
        }
    }

    /** Swaps neighbours of a layer (of one cluster) while that removes crossings. */
    private void transpose() {
        boolean improved = true;
        for (int round = 0; improved && round < 8; round++) {
            improved = false;
            for (List<Integer> layer : w.layers) {
                for (int i = 0; i + 1 < layer.size(); i++) {
                    int v = layer.get(i);
                    int u = layer.get(i + 1);
                    if (w.clusterRank(v) != w.clusterRank(u)) {
                        continue;
                    }
                    long[] now = new long[2];
                    count(up[v], up[u], now);
                    count(down[v], down[u], now);
                    if (now[1] < now[0]) {
                        layer.set(i, u);
                        layer.set(i + 1, v);
                        pos[u] = i;
                        pos[v] = i + 1;
                        improved = true;
                    }
                }
            }
        }
    }

    /**
     * Adds to {@code c[0]} the crossings between the edges to {@code a} and those to {@code b} as
     * they stand (a's node first), and to {@code c[1]} those there would be the other way round.
     */
    private void count(int[] a, int[] b, long[] c) {
        for (int x : a) {
            for (int y : b) {
                if (pos[x] > pos[y]) {
                    c[0]++;
                } else if (pos[x] < pos[y]) {
                    c[1]++;
                }
            }
        }
    }

    /** All crossings between adjacent layers, by counting inversions (a Fenwick tree per pair of layers). */
    static int crossings(Layered w, int[] pos) {
        int total = 0;
        for (int l = 0; l + 1 < w.layers.size(); l++) {
            int size = w.layers.get(l + 1).size();
            int[] tree = new int[size + 1];
            int inserted = 0;
            for (int u : w.layers.get(l)) {
                List<Integer> ends = new ArrayList<>(w.down.get(u));
                ends.sort(Comparator.comparingInt(v -> pos[v]));
                for (int v : ends) {
                    int p = pos[v] + 1;
                    int notGreater = 0;
                    for (int i = p; i > 0; i -= i & -i) {
                        notGreater += tree[i];
                    }
                    total += inserted - notGreater;
                    for (int i = p; i <= size; i += i & -i) {
                        tree[i]++;
                    }
                    inserted++;
                }
            }
        }
        return total;
    }

    private static List<List<Integer>> copy(List<List<Integer>> layers) {
        List<List<Integer>> c = new ArrayList<>();
        for (List<Integer> l : layers) {
            c.add(new ArrayList<>(l));
        }
        return c;
    }
}
