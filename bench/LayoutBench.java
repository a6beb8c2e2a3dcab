import org.origins.render.layout.LayeredLayout;
import org.origins.render.layout.Layout;
import org.origins.render.layout.LayoutGraph;

import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Times the layered layout (org.origins.render.layout) on synthetic graphs shaped like origins'
 * pictures: a forest grown node by node (each new node under a random earlier one), plus cross
 * edges for a third of the nodes, a third of the edges labelled, one node in eight in a cluster,
 * node sizes like those of two- to four-line labels. The same seed gives the same graph.
 *
 * <pre>java -cp target/classes bench/LayoutBench.java cold SIZE      # one layout in a fresh JVM, class loading included
 * java -cp target/classes bench/LayoutBench.java warm SIZE...   # per size: first layout, then the median of 20 (or fewer) runs</pre>
 *
 * Single-file source program (Java 11+ runs it without compiling); bench/layout.sh wraps it.
 */
public class LayoutBench {
    static LayoutGraph graph(int n, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        LayoutGraph g = new LayoutGraph(LayoutGraph.Direction.TB);
        int cluster = g.cluster(220, 14);
        for (int v = 0; v < n; v++) {
            g.node(60 + r.nextInt(180), 24 + 13 * r.nextInt(3), r.nextInt(8) == 0 ? cluster : -1, r.nextBoolean());
            if (v > 0) {
                edge(g, r, r.nextInt(Math.max(0, v - 12), v), v);
            }
            if (v > 3 && r.nextInt(3) == 0) {
                edge(g, r, r.nextInt(v), v);
            }
        }
        return g;
    }

    static void edge(LayoutGraph g, SplittableRandom r, int from, int to) {
        boolean label = r.nextInt(3) == 0;
        g.edge(from, to, label ? 40 + r.nextInt(120) : 0, label ? 11 : 0);
    }

    public static void main(String[] args) {
        if (args.length >= 2 && args[0].equals("cold")) {
            long t0 = System.nanoTime();
            Layout l = LayeredLayout.layout(graph(Integer.parseInt(args[1]), 1));
            long t1 = System.nanoTime();
            System.out.printf(Locale.ROOT, "%.1f%n", (t1 - t0) / 1e6);
            return;
        }
        System.out.println("| nodes | edges | first layout ms | warm median ms | crossings | picture px |");
        System.out.println("|---:|---:|---:|---:|---:|---|");
        for (int i = 1; i < args.length; i++) {
            int n = Integer.parseInt(args[i]);
            LayoutGraph g = graph(n, 1);
            long t0 = System.nanoTime();
            Layout l = LayeredLayout.layout(g);
            double first = (System.nanoTime() - t0) / 1e6;
            int runs = n >= 1000 ? 5 : 20;
            double[] t = new double[runs];
            for (int k = 0; k < runs; k++) {
                long s = System.nanoTime();
                LayeredLayout.layout(g);
                t[k] = (System.nanoTime() - s) / 1e6;
            }
            java.util.Arrays.sort(t);
            System.out.printf(Locale.ROOT, "| %d | %d | %.1f | %.1f | %d | %.0f × %.0f |%n", n, g.edgeCount(), first, t[runs / 2],
                    l.crossings(), l.width(), l.height());
        }
    }
}
