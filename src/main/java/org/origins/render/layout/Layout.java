package org.origins.render.layout;

import java.util.List;

/**
 * Where everything goes, in picture coordinates (x right, y down, from 0,0): a box per node and per
 * cluster, a route per edge. Indexes are those of the {@link LayoutGraph}.
 *
 * @param layers    the layer of each node (edges point from lower to higher layers, except reversed ones)
 * @param crossings the edge crossings between adjacent layers in the order chosen
 */
public record Layout(double width, double height, List<Box> nodes, List<Route> edges, List<Box> clusters,
                     List<Integer> layers, int crossings) {
    public Layout {
        nodes = List.copyOf(nodes);
        edges = List.copyOf(edges);
        clusters = List.copyOf(clusters);
        layers = List.copyOf(layers);
    }

    public record Point(double x, double y) {
    }

    /** A rectangle by its top-left corner and its size. */
    public record Box(double x, double y, double width, double height) {
        public double centerX() {
            return x + width / 2;
        }

        public double centerY() {
            return y + height / 2;
        }

        /** Whether the two boxes share more than an edge. */
        public boolean overlaps(Box o) {
            return x < o.x + o.width && o.x < x + width && y < o.y + o.height && o.y < y + height;
        }
    }

    /**
     * An edge's way from its source's outline to its target's. Between two points on one line
     * across the layers ({@code straight}) it runs straight; otherwise it crosses the gap between
     * two layers and may be drawn as a curve leaving and arriving along the layer axis.
     *
     * @param label    where the label goes (null when unlabelled)
     * @param reversed drawn against the layer order, to break a cycle
     * @param vertical layers are rows: the layer axis is y (else x)
     */
    public record Route(List<Point> points, Box label, boolean reversed, boolean vertical) {
        public Route {
            points = List.copyOf(points);
        }
    }
}
