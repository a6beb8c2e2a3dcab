package org.origins.render.layout;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The layered layout on random graphs (any shape: cycles, self-loops, parallel edges, separate
 * parts, labels, clusters, each direction) and on small graphs whose best drawing is known.
 */
class LayeredLayoutTest {

    /** A random graph; the same seed gives the same graph. */
    private static LayoutGraph random(long seed, int nodes, boolean acyclic) {
        Random r = new Random(seed);
        LayoutGraph g = new LayoutGraph(LayoutGraph.Direction.values()[r.nextInt(3)]);
        int clusters = r.nextInt(3);
        for (int c = 0; c < clusters; c++) {
            g.cluster(40 + r.nextInt(200), 14);
        }
        for (int v = 0; v < nodes; v++) {
            int cluster = clusters > 0 && r.nextInt(4) == 0 ? r.nextInt(clusters) : -1;
            g.node(10 + r.nextInt(200), 10 + r.nextInt(80), cluster, r.nextBoolean());
        }
        int edges = nodes == 0 ? 0 : r.nextInt(nodes * 2 + 1);
        for (int e = 0; e < edges; e++) {
            int a = r.nextInt(nodes);
            int b = r.nextInt(nodes);
            if (acyclic && a >= b) {
                if (a == b) {
                    continue;
                }
                int t = a;
                a = b;
                b = t;
            }
            boolean labelled = r.nextInt(3) == 0;
            g.edge(a, b, labelled ? 20 + r.nextInt(150) : 0, labelled ? 11 + 11 * r.nextInt(3) : 0);
        }
        return g;
    }

    @Property(tries = 300)
    void noTwoNodesOverlapAndNoLabelCoversANode(@ForAll long seed, @ForAll @IntRange(min = 0, max = 60) int nodes) {
        LayoutGraph g = random(seed, nodes, false);

        Layout l = LayeredLayout.layout(g);

        List<Layout.Box> boxes = new ArrayList<>(l.nodes());
        l.edges().stream().filter(e -> e.label() != null).forEach(e -> boxes.add(e.label()));
        for (int i = 0; i < boxes.size(); i++) {
            Layout.Box a = boxes.get(i);
            assertThat(a.x()).isGreaterThanOrEqualTo(-0.01);
            assertThat(a.y()).isGreaterThanOrEqualTo(-0.01);
            assertThat(a.x() + a.width()).isLessThanOrEqualTo(l.width() + 0.01);
            assertThat(a.y() + a.height()).isLessThanOrEqualTo(l.height() + 0.01);
            for (int j = i + 1; j < boxes.size(); j++) {
                assertThat(a.overlaps(boxes.get(j))).as("boxes %d %s and %d %s", i, a, j, boxes.get(j)).isFalse();
            }
        }
        for (int v = 0; v < nodes; v++) {
            LayoutGraph.Node n = g.nodes.get(v);
            Layout.Box b = l.nodes().get(v);
            assertThat(b.width()).isEqualTo(n.width());
            assertThat(b.height()).isEqualTo(n.height());
        }
    }

    @Property(tries = 300)
    void everyEdgePointsDownItsLayersExceptTheReversedOnesOfCycles(@ForAll long seed, @ForAll @IntRange(min = 1, max = 60) int nodes,
                                                                   @ForAll boolean acyclic) {
        LayoutGraph g = random(seed, nodes, acyclic);

        Layout l = LayeredLayout.layout(g);

        for (int e = 0; e < g.edges.size(); e++) {
            LayoutGraph.Edge edge = g.edges.get(e);
            Layout.Route route = l.edges().get(e);
            int from = l.layers().get(edge.from());
            int to = l.layers().get(edge.to());
            if (edge.from() == edge.to()) {
                assertThat(route.reversed()).isFalse();
            } else if (route.reversed()) {
                assertThat(acyclic).as("an edge turned round in a graph without cycles").isFalse();
                assertThat(to).isLessThan(from);
            } else {
                assertThat(to).as("layer of the target of edge %d", e).isGreaterThan(from);
                if (edge.labelled()) {
                    assertThat(to - from).as("a labelled edge spans two layers at least").isGreaterThanOrEqualTo(2);
                }
            }
            // the route runs from the source's box to the target's, the right way along the picture
            Layout.Point first = route.points().get(0);
            Layout.Point last = route.points().get(route.points().size() - 1);
            assertThat(touches(l.nodes().get(edge.from()), first)).as("edge %d starts at its source", e).isTrue();
            assertThat(touches(l.nodes().get(edge.to()), last)).as("edge %d ends at its target", e).isTrue();
            if (edge.from() != edge.to() && !route.reversed()) {
                double along = switch (g.direction) {
                    case TB -> last.y() - first.y();
                    case BT -> first.y() - last.y();
                    case LR -> last.x() - first.x();
                };
                assertThat(along).as("edge %d points the graph's way", e).isPositive();
            }
        }
    }

    private static boolean touches(Layout.Box b, Layout.Point p) {
        double eps = 0.01;
        return p.x() >= b.x() - eps && p.x() <= b.x() + b.width() + eps && p.y() >= b.y() - eps && p.y() <= b.y() + b.height() + eps;
    }

    @Property(tries = 200)
    void clustersAreDrawnApart(@ForAll long seed, @ForAll @IntRange(min = 1, max = 50) int nodes) {
        LayoutGraph g = random(seed, nodes, true);

        Layout l = LayeredLayout.layout(g);

        for (int c = 0; c < g.clusters.size(); c++) {
            Layout.Box box = l.clusters().get(c);
            for (int v = 0; v < nodes; v++) {
                Layout.Box n = l.nodes().get(v);
                if (g.nodes.get(v).cluster() == c) {
                    assertThat(inside(n, box)).as("node %d %s inside its cluster %s", v, n, box).isTrue();
                } else {
                    assertThat(n.overlaps(box)).as("node %d %s outside cluster %d %s", v, n, c, box).isFalse();
                }
            }
            for (int k = c + 1; k < g.clusters.size(); k++) {
                assertThat(box.overlaps(l.clusters().get(k))).isFalse();
            }
        }
    }

    private static boolean inside(Layout.Box a, Layout.Box box) {
        return a.x() >= box.x() && a.y() >= box.y() && a.x() + a.width() <= box.x() + box.width()
                && a.y() + a.height() <= box.y() + box.height();
    }

    @Property(tries = 100)
    void theSameGraphGivesTheSameLayout(@ForAll long seed, @ForAll @IntRange(min = 0, max = 60) int nodes) {
        assertThat(LayeredLayout.layout(random(seed, nodes, false))).isEqualTo(LayeredLayout.layout(random(seed, nodes, false)));
    }

    // ---- crossings on graphs whose best drawing is known ---------------------------------------------------------

    /** A random tree, its nodes added in a random order. */
    @Property(tries = 200)
    void aTreeIsDrawnWithoutCrossings(@ForAll long seed, @ForAll @IntRange(min = 1, max = 80) int nodes) {
        Random r = new Random(seed);
        LayoutGraph g = new LayoutGraph(LayoutGraph.Direction.TB);
        for (int v = 0; v < nodes; v++) {
            g.node(20 + r.nextInt(100), 20, -1, true);
        }
        List<Integer> order = shuffled(nodes, r);
        for (int i = 1; i < nodes; i++) {
            g.edge(order.get(r.nextInt(i)), order.get(i), r.nextBoolean() ? 30 : 0, 11);
        }

        Layout l = LayeredLayout.layout(g);

        assertThat(l.crossings()).isZero();
        assertThat(geometricCrossings(g, l)).isZero();
    }

    /** Two layers joined like the rungs and rails of a ladder can be drawn without a crossing, whatever order they come in. */
    @Property(tries = 100)
    void aLadderIsDrawnWithoutCrossings(@ForAll long seed, @ForAll @IntRange(min = 2, max = 30) int rungs) {
        Random r = new Random(seed);
        LayoutGraph g = new LayoutGraph(LayoutGraph.Direction.TB);
        int[] top = new int[rungs];
        int[] bottom = new int[rungs];
        List<Integer> order = shuffled(2 * rungs, r);
        int[] id = new int[2 * rungs];
        for (int k : order) {
            id[k] = g.node(40, 20, -1, true);
        }
        for (int i = 0; i < rungs; i++) {
            top[i] = id[i];
            bottom[i] = id[rungs + i];
        }
        List<int[]> edges = new ArrayList<>();
        for (int i = 0; i < rungs; i++) {
            edges.add(new int[]{top[i], bottom[i]});
            if (i + 1 < rungs) {
                edges.add(new int[]{top[i], bottom[i + 1]});
            }
        }
        for (int k : shuffled(edges.size(), r)) {
            g.edge(edges.get(k)[0], edges.get(k)[1], 0, 0);
        }

        Layout l = LayeredLayout.layout(g);

        assertThat(l.crossings()).isZero();
        assertThat(geometricCrossings(g, l)).isZero();
    }

    @Test
    void completeBipartiteGraphsCrossAsTheyMust() {
        // K(m,n) on two layers always has C(m,2)·C(n,2) crossings
        for (int m = 1; m <= 4; m++) {
            for (int n = 1; n <= 4; n++) {
                LayoutGraph g = new LayoutGraph(LayoutGraph.Direction.TB);
                for (int v = 0; v < m + n; v++) {
                    g.node(30, 20, -1, true);
                }
                for (int a = 0; a < m; a++) {
                    for (int b = 0; b < n; b++) {
                        g.edge(a, m + b, 0, 0);
                    }
                }
                Layout l = LayeredLayout.layout(g);
                int expected = m * (m - 1) / 2 * (n * (n - 1) / 2);
                assertThat(l.crossings()).as("K(%d,%d)", m, n).isEqualTo(expected);
                assertThat(geometricCrossings(g, l)).as("K(%d,%d) drawn", m, n).isEqualTo(expected);
            }
        }
    }

    @Test
    void aCrossingTheFirstOrderMakesIsUndone() {
        // a1 → b2, a2 → b1, added so that a depth-first order starting at a1 puts b1 under a2 only late
        LayoutGraph g = new LayoutGraph(LayoutGraph.Direction.TB);
        int a1 = g.node(30, 20, -1, true);
        int a2 = g.node(30, 20, -1, true);
        int b1 = g.node(30, 20, -1, true);
        int b2 = g.node(30, 20, -1, true);
        int c = g.node(30, 20, -1, true);
        g.edge(a1, c, 0, 0);
        g.edge(a2, b1, 0, 0);
        g.edge(c, b2, 0, 0);
        g.edge(a1, b2, 0, 0);
        g.edge(a2, c, 0, 0);
        g.edge(b1, b2, 0, 0);

        Layout l = LayeredLayout.layout(g);

        assertThat(l.crossings()).isZero();
        assertThat(geometricCrossings(g, l)).isZero();
    }

    @Test
    void aCycleIsBrokenByTurningOneEdgeRound() {
        LayoutGraph g = new LayoutGraph(LayoutGraph.Direction.TB);
        int a = g.node(30, 20, -1, true);
        int b = g.node(30, 20, -1, true);
        int c = g.node(30, 20, -1, true);
        g.edge(a, b, 0, 0);
        g.edge(b, c, 0, 0);
        g.edge(c, a, 0, 0);

        Layout l = LayeredLayout.layout(g);

        assertThat(l.edges()).extracting(Layout.Route::reversed).containsExactly(false, false, true);
        assertThat(l.layers()).containsExactly(0, 1, 2);
        List<Layout.Point> back = l.edges().get(2).points();
        assertThat(back.get(0).y()).as("c → a starts at c, below").isGreaterThan(back.get(back.size() - 1).y());
    }

    @Test
    void longEdgesRunStraightThroughTheLayersTheyPass() {
        // a → d spans three layers beside the chain a → b → c → d: its middle part is one vertical line
        LayoutGraph g = new LayoutGraph(LayoutGraph.Direction.TB);
        int a = g.node(60, 20, -1, true);
        int b = g.node(60, 20, -1, true);
        int c = g.node(60, 20, -1, true);
        int d = g.node(60, 20, -1, true);
        g.edge(a, b, 0, 0);
        g.edge(b, c, 0, 0);
        g.edge(c, d, 0, 0);
        g.edge(a, d, 0, 0);

        Layout l = LayeredLayout.layout(g);

        List<Layout.Point> p = l.edges().get(3).points();
        List<Double> xs = p.subList(1, p.size() - 1).stream().map(Layout.Point::x).distinct().toList();
        assertThat(xs).as("the dummy part of a → d: %s", p).hasSize(1);
        assertThat(l.nodes().get(b).x()).as("b and c stand in one column").isEqualTo(l.nodes().get(c).x());
        assertThat(l.nodes().get(a).x()).as("a and d stand in one column").isEqualTo(l.nodes().get(d).x());
    }

    /** Crossings counted from the drawing itself: pairs of edges between the same two layers whose ends swap sides. */
    private static int geometricCrossings(LayoutGraph g, Layout l) {
        List<double[]> segments = new ArrayList<>();  // layer of the upper end, x at the upper end, x at the lower end
        for (int e = 0; e < g.edges.size(); e++) {
            List<Layout.Point> p = l.edges().get(e).points();
            LayoutGraph.Edge edge = g.edges.get(e);
            int from = l.layers().get(edge.from());
            // the points come in pairs per layer passed: leave, then (enter, leave) per dummy, then enter
            List<Double> xs = new ArrayList<>();
            xs.add(l.nodes().get(edge.from()).centerX());
            for (Layout.Point q : p.subList(1, p.size() - 1)) {
                if (xs.get(xs.size() - 1) != q.x()) {
                    xs.add(q.x());
                }
            }
            xs.add(l.nodes().get(edge.to()).centerX());
            int span = l.layers().get(edge.to()) - from;
            for (int k = 0; k < span; k++) {
                double x0 = k == 0 ? l.nodes().get(edge.from()).centerX() : xs.get(Math.min(k, xs.size() - 1));
                double x1 = k == span - 1 ? l.nodes().get(edge.to()).centerX() : xs.get(Math.min(k + 1, xs.size() - 1));
                segments.add(new double[]{from + k, x0, x1});
            }
        }
        int crossings = 0;
        for (int i = 0; i < segments.size(); i++) {
            for (int j = i + 1; j < segments.size(); j++) {
                double[] s = segments.get(i);
                double[] t = segments.get(j);
                if (s[0] == t[0] && (s[1] - t[1]) * (s[2] - t[2]) < 0) {
                    crossings++;
                }
            }
        }
        return crossings;
    }

    private static List<Integer> shuffled(int n, Random r) {
        List<Integer> l = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            l.add(i);
        }
        java.util.Collections.shuffle(l, r);
        return l;
    }
}
