package org.origins.render;

import org.origins.io.InputException;

import java.nio.charset.StandardCharsets;

/**
 * Draws a graph as inline SVG for an HTML page. {@link HtmlWriter} calls it for every diagram; when
 * it cannot draw (it throws {@link org.origins.io.InputException}), the page shows the graph's DOT
 * source and says why.
 */
@FunctionalInterface
public interface SvgDrawer {
    /** The SVG element (no XML prolog), ready to be put inside an HTML page. */
    String svg(Graph graph);

    /** Graphviz's {@code dot}, run on the graph's DOT form. */
    static SvgDrawer graphviz() {
        return g -> {
            String svg;
            try {
                svg = new String(DotLayout.render(DotWriter.graph(g), DotLayout.Image.SVG), StandardCharsets.UTF_8);
            } catch (DotLayout.MissingGraphviz e) {
                throw new InputException("Graphviz is not installed where this page was made, so a diagram is shown as its DOT "
                        + "source; to draw it, install Graphviz (Debian/Ubuntu: apt-get install graphviz) and make the page again");
            } catch (InputException e) {
                throw new InputException("Graphviz could not draw a diagram (" + e.problems().get(0).message() + ")");
            }
            int start = svg.indexOf("<svg");
            String s = start < 0 ? svg : svg.substring(start);
            s = s.replace(" xmlns=\"http://www.w3.org/2000/svg\"", "").replace(" xmlns:xlink=\"http://www.w3.org/1999/xlink\"", "");
            return s.endsWith("\n") ? s : s + "\n";
        };
    }
}
