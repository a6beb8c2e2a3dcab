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
    /** The SVG element (no XML prolog), ready to be put inside an HTML page; {@code id} names it on the page (or is null). */
    String svg(Graph graph, String id);

    /** The styles the drawings need, stated once in the page's head. */
    default String css() {
        return "";
    }

    /** origins' own layered layout ({@link SvgWriter}): no Graphviz needed, the same bytes on every machine. */
    static SvgDrawer layered() {
        return new SvgDrawer() {
            @Override
            public String svg(Graph graph, String id) {
                return SvgWriter.inline(graph, id == null ? "g" : id);
            }

            @Override
            public String css() {
                return SvgWriter.CSS + "\n";
            }
        };
    }

    /** Graphviz's {@code dot}, run on the graph's DOT form. */
    static SvgDrawer graphviz() {
        return (g, id) -> {
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
            if (id != null) {
                s = s.replaceFirst("<svg ", "<svg id=\"" + HtmlWriter.esc(id) + "\" ");
            }
            return s.endsWith("\n") ? s : s + "\n";
        };
    }
}
