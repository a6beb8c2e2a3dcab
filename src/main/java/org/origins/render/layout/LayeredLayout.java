package org.origins.render.layout;

import java.util.ArrayList;
import java.util.List;

/**
 * Lays out a {@link LayoutGraph} in layers: layers ({@code Layering}), order within them
 * ({@code Ordering}), places along them ({@code Placement}), clusters apart ({@code Clusters}),
 * edge routes ({@code Routing}); then the layers' own places, and the picture turned the way the
 * graph points. The same graph always gives the same layout.
 */
public final class LayeredLayout {
    /** Between layers: rows (TB, BT) and columns (LR), where edges curve from one to the next. */
    static final double ROW_GAP = 40;
    static final double COLUMN_GAP = 56;

    private LayeredLayout() {
    }

    public static Layout layout(LayoutGraph g) {
        Layered w = new Layered(g);
        Layering.assign(g, w);
        int crossings = Ordering.order(w);
        double[] x = Placement.place(w);

        int h = w.layers.size();
        double gap = g.direction.vertical() ? ROW_GAP : COLUMN_GAP;
        double[] bandTop = new double[h];
        double[] bandBottom = new double[h];
        double d = 0;
        for (int l = 0; l < h; l++) {
            double depth = 0;
            for (int v : w.layers.get(l)) {
                depth = Math.max(depth, w.depth.get(v));
            }
            bandTop[l] = d;
            bandBottom[l] = d + depth;
            d += depth + gap;
        }
        double[] top = new double[w.size()];
        double[] bottom = new double[w.size()];
        for (int v = 0; v < w.size(); v++) {
            int l = w.layer[v];
            if (w.dummy(v)) {
                top[v] = bandTop[l];
                bottom[v] = bandBottom[l];
            } else {
                top[v] = (bandTop[l] + bandBottom[l] - w.depth.get(v)) / 2;
                bottom[v] = top[v] + w.depth.get(v);
            }
        }
        List<Layered.Extent> clusters = Clusters.clear(g, w, x, top, bottom);
        List<Routing.Way> ways = Routing.route(w, x, top, bottom, bandTop, bandBottom);
        return new Picture(g.direction, w, x, top, bottom, clusters, ways).layout(crossings);
    }

    /** Turns the abstract coordinates into the picture's: shifted to start at 0,0, rotated or flipped. */
    private static final class Picture {
        private final LayoutGraph.Direction direction;
        private final Layered w;
        private final double[] x;
        private final double[] top;
        private final double[] bottom;
        private final List<Layered.Extent> clusters;
        private final List<Routing.Way> ways;
        private double b0 = Double.MAX_VALUE;
        private double b1 = -Double.MAX_VALUE;
        private double d0 = Double.MAX_VALUE;
        private double d1 = -Double.MAX_VALUE;

        Picture(LayoutGraph.Direction direction, Layered w, double[] x, double[] top, double[] bottom,
                List<Layered.Extent> clusters, List<Routing.Way> ways) {
            this.direction = direction;
            this.w = w;
            this.x = x;
            this.top = top;
            this.bottom = bottom;
            this.clusters = clusters;
            this.ways = ways;
            for (int v = 0; v < w.realCount; v++) {
                include(node(v));
            }
            clusters.stream().filter(e -> !e.empty()).forEach(this::include);
            for (Routing.Way way : ways) {
                for (double[] p : way.points()) {
                    include(new Layered.Extent(p[0], p[0], p[1], p[1]));
                }
                if (way.label() != null) {
                    include(way.label());
                }
            }
            if (b0 > b1) {
                b0 = b1 = d0 = d1 = 0;
            }
        }

        private Layered.Extent node(int v) {
            return new Layered.Extent(x[v] - w.left(v), x[v] + w.right(v), top[v], bottom[v]);
        }

        private void include(Layered.Extent e) {
            b0 = Math.min(b0, e.b0());
            b1 = Math.max(b1, e.b1());
            d0 = Math.min(d0, e.d0());
            d1 = Math.max(d1, e.d1());
        }

        Layout layout(int crossings) {
            List<Layout.Box> nodes = new ArrayList<>();
            List<Integer> layers = new ArrayList<>();
            for (int v = 0; v < w.realCount; v++) {
                nodes.add(box(node(v)));
                layers.add(w.layer[v]);
            }
            List<Layout.Box> boxes = new ArrayList<>();
            for (Layered.Extent e : clusters) {
                boxes.add(e.empty() ? new Layout.Box(0, 0, 0, 0) : box(e));
            }
            List<Layout.Route> routes = new ArrayList<>();
            for (int e = 0; e < ways.size(); e++) {
                Routing.Way way = ways.get(e);
                List<Layout.Point> points = new ArrayList<>();
                for (double[] p : way.points()) {
                    points.add(point(p[0], p[1]));
                }
                routes.add(new Layout.Route(points, way.label() == null ? null : box(way.label()), w.reversed.get(e),
                        direction.vertical()));
            }
            double breadth = b1 - b0;
            double depth = d1 - d0;
            return direction.vertical()
                    ? new Layout(breadth, depth, nodes, routes, boxes, layers, crossings)
                    : new Layout(depth, breadth, nodes, routes, boxes, layers, crossings);
        }

        private Layout.Point point(double b, double d) {
            double pb = b - b0;
            double pd = d - d0;
            return switch (direction) {
                case TB -> new Layout.Point(pb, pd);
                case BT -> new Layout.Point(pb, (d1 - d0) - pd);
                case LR -> new Layout.Point(pd, pb);
            };
        }

        private Layout.Box box(Layered.Extent e) {
            double bw = e.b1() - e.b0();
            double dw = e.d1() - e.d0();
            return switch (direction) {
                case TB -> new Layout.Box(e.b0() - b0, e.d0() - d0, bw, dw);
                case BT -> new Layout.Box(e.b0() - b0, d1 - e.d1(), bw, dw);
                case LR -> new Layout.Box(e.d0() - d0, e.b0() - b0, dw, bw);
            };
        }
    }
}
