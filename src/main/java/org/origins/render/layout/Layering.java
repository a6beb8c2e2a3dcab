package org.origins.render.layout;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;

/**
 * Puts every node on a layer so that edges point down: cycles are broken by turning round the back
 * edges of a depth-first search (started from the sources, in the order nodes were added), layers
 * come from the longest path, and nodes with more edges below than above are then pulled down next
 * to their successors (sources above all), which keeps edges short. A labelled edge spans at least
 * two layers, so that its label gets a place of its own; edges longer than one layer are broken by
 * dummy nodes.
 */
final class Layering {
    private Layering() {
    }

    static void assign(LayoutGraph g, Layered w) {
        int n = g.nodes.size();
        List<LayoutGraph.Edge> edges = g.edges;
        boolean[] turned = backEdges(g);
        int[] from = new int[edges.size()];
        int[] to = new int[edges.size()];
        int[] min = new int[edges.size()];
        List<List<Integer>> out = lists(n);
        List<List<Integer>> in = lists(n);
        for (int e = 0; e < edges.size(); e++) {
            LayoutGraph.Edge edge = edges.get(e);
            from[e] = turned[e] ? edge.to() : edge.from();
            to[e] = turned[e] ? edge.from() : edge.to();
            min[e] = edge.labelled() ? 2 : 1;
            if (from[e] != to[e]) {
                out.get(from[e]).add(e);
                in.get(to[e]).add(e);
            }
        }
        int[] topo = topologicalOrder(n, out, in, to);
        int[] layer = new int[n];
        for (int v : topo) {
            for (int e : in.get(v)) {
                layer[v] = Math.max(layer[v], layer[from[e]] + min[e]);
            }
        }
        tighten(topo, layer, out, in, from, to, min);
        int lowest = Arrays.stream(layer).min().orElse(0);
        for (int v = 0; v < n; v++) {
            layer[v] -= lowest;
        }
        breakLongEdges(g, w, layer, turned, from, to);
    }

    /** The edges a depth-first search meets going back up its own path (self-loops aside). */
    private static boolean[] backEdges(LayoutGraph g) {
        int n = g.nodes.size();
        List<List<Integer>> out = lists(n);
        boolean[] hasIn = new boolean[n];
        for (int e = 0; e < g.edges.size(); e++) {
            LayoutGraph.Edge edge = g.edges.get(e);
            if (edge.from() != edge.to()) {
                out.get(edge.from()).add(e);
                hasIn[edge.to()] = true;
            }
        }
        boolean[] back = new boolean[g.edges.size()];
        int[] state = new int[n];  // 0 new, 1 on the path, 2 done
        List<Integer> roots = new ArrayList<>();
        for (int v = 0; v < n; v++) {
            if (!hasIn[v]) {
                roots.add(v);
            }
        }
        for (int v = 0; v < n; v++) {
            if (hasIn[v]) {
                roots.add(v);
            }
        }
        for (int root : roots) {
            if (state[root] != 0) {
                continue;
            }
            Deque<int[]> stack = new ArrayDeque<>();  // node, index of its next out-edge
            stack.push(new int[]{root, 0});
            state[root] = 1;
            while (!stack.isEmpty()) {
                int[] top = stack.peek();
                List<Integer> es = out.get(top[0]);
                if (top[1] == es.size()) {
                    state[top[0]] = 2;
                    stack.pop();
                    continue;
                }
                int e = es.get(top[1]++);
                int next = g.edges.get(e).to();
                if (state[next] == 1) {
                    back[e] = true;
                } else if (state[next] == 0) {
                    state[next] = 1;
                    stack.push(new int[]{next, 0});
                }
            }
        }
        return back;
    }

    /** Kahn's algorithm, sources in the order they were added. */
    private static int[] topologicalOrder(int n, List<List<Integer>> out, List<List<Integer>> in, int[] to) {
        int[] missing = new int[n];
        Deque<Integer> ready = new ArrayDeque<>();
        for (int v = 0; v < n; v++) {
            missing[v] = in.get(v).size();
            if (missing[v] == 0) {
                ready.add(v);
            }
        }
        int[] order = new int[n];
        int k = 0;
        while (!ready.isEmpty()) {
            int v = ready.poll();
            order[k++] = v;
            for (int e : out.get(v)) {
                if (--missing[to[e]] == 0) {
                    ready.add(to[e]);
                }
            }
        }
        if (k != n) {
            throw new IllegalStateException("a cycle is left after turning the back edges round");
        }
        return order;
    }

    /**
     * Moves each node, within the layers its edges allow, to the end with more edges: down when it
     * has more edges below than above (a source goes right above its nearest successor).
     */
    private static void tighten(int[] topo, int[] layer, List<List<Integer>> out, List<List<Integer>> in,
                                int[] from, int[] to, int[] min) {
        for (int pass = 0; pass < 32; pass++) {
            boolean moved = false;
            for (int i = topo.length - 1; i >= 0; i--) {
                int v = topo[i];
                int below = out.get(v).size();
                int above = in.get(v).size();
                if (below <= above) {
                    continue;
                }
                int hi = Integer.MAX_VALUE;
                for (int e : out.get(v)) {
                    hi = Math.min(hi, layer[to[e]] - min[e]);
                }
                if (hi > layer[v]) {
                    layer[v] = hi;
                    moved = true;
                }
            }
            if (!moved) {
                return;
            }
        }
    }

    /** The dummy nodes: one per layer an edge passes; the middle one carries the edge's label. */
    private static void breakLongEdges(LayoutGraph g, Layered w, int[] realLayer, boolean[] turned, int[] from, int[] to) {
        List<Integer> layer = new ArrayList<>();
        for (int l : realLayer) {
            layer.add(l);
        }
        boolean vertical = g.direction.vertical();
        for (int e = 0; e < g.edges.size(); e++) {
            LayoutGraph.Edge edge = g.edges.get(e);
            w.reversed.add(turned[e]);
            if (from[e] == to[e]) {
                w.chains.add(new int[]{from[e]});
                w.labelNode.add(-1);
                continue;
            }
            int u = from[e];
            int v = to[e];
            int span = realLayer[v] - realLayer[u];
            int[] chain = new int[span + 1];
            chain[0] = u;
            chain[span] = v;
            int shared = w.cluster.get(u).equals(w.cluster.get(v)) ? w.cluster.get(u) : -1;
            int labelAt = edge.labelled() ? span / 2 : -1;
            int label = -1;
            for (int k = 1; k < span; k++) {
                int d;
                if (k == labelAt) {
                    double b = vertical ? edge.labelWidth() : edge.labelHeight();
                    double dp = vertical ? edge.labelHeight() : edge.labelWidth();
                    d = w.add(b + Routing.LABEL_PAD, dp, 0, shared, false);
                    label = d;
                } else {
                    d = w.add(0, 0, 0, shared, false);
                }
                layer.add(realLayer[u] + k);
                chain[k] = d;
            }
            for (int k = 1; k <= span; k++) {
                w.up.get(chain[k]).add(chain[k - 1]);
                w.down.get(chain[k - 1]).add(chain[k]);
            }
            w.chains.add(chain);
            w.labelNode.add(label);
        }
        w.layer = withoutEmptyLayers(layer);
    }

    /** Separate parts of a graph may leave a layer empty: the layers below move up. */
    private static int[] withoutEmptyLayers(List<Integer> layer) {
        int h = 0;
        for (int l : layer) {
            h = Math.max(h, l + 1);
        }
        boolean[] used = new boolean[h];
        layer.forEach(l -> used[l] = true);
        int[] to = new int[h];
        int next = 0;
        for (int l = 0; l < h; l++) {
            to[l] = next;
            next += used[l] ? 1 : 0;
        }
        return layer.stream().mapToInt(l -> to[l]).toArray();
    }

    private static List<List<Integer>> lists(int n) {
        List<List<Integer>> l = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            l.add(new ArrayList<>());
        }
        return l;
    }
}
