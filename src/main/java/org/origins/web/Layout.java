package org.origins.web;

import java.util.List;

import static org.origins.render.HtmlWriter.esc;

/**
 * The frame of every page: the navigation, the banner that shows the problems of broken rule or fact
 * files (the last good rule base answers meanwhile), the page's content, and a footer with the same
 * answer in the terminal and as JSON. Styles and the little script come from the jar
 * ({@code /static/}); nothing is loaded from elsewhere.
 */
final class Layout {
    /** The pages of the navigation: path and label. */
    private static final List<List<String>> NAV = List.of(List.of("/matrix", "Matrix"), List.of("/lineage", "Lineage"),
            List.of("/compare", "Compare"), List.of("/what-if", "What-if"), List.of("/recipe", "Recipe"), List.of("/rules", "Rules"));

    private Layout() {
    }

    /**
     * A whole page.
     *
     * @param active   the navigation entry to mark (its path), or null
     * @param problems the problems of the files as saved (empty when they load)
     * @param cli      the same answer on the command line, or null
     * @param api      the same answer as JSON (a path of the API), or null
     */
    static String page(String title, String active, List<String> problems, String body, String cli, String api) {
        StringBuilder b = new StringBuilder(body.length() + 2048);
        b.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<title>").append(esc(title)).append(" · origins</title>\n")
                .append("<link rel=\"stylesheet\" href=\"/static/page.css\">\n")
                .append("<script src=\"/static/origins.js\" defer></script>\n</head>\n<body>\n")
                .append("<header class=\"top\"><a class=\"brand\" href=\"/matrix\">origins</a><nav>");
        for (List<String> n : NAV) {
            b.append("<a href=\"").append(n.get(0)).append('"').append(n.get(0).equals(active) ? " class=\"on\" aria-current=\"page\"" : "")
                    .append('>').append(n.get(1)).append("</a>");
        }
        b.append("</nav><span id=\"live\" class=\"live\" role=\"status\" aria-live=\"polite\"></span></header>\n");
        b.append(problems(problems));
        b.append("<main id=\"main\">\n").append(body).append("</main>\n<footer class=\"foot\">");
        if (cli != null) {
            b.append("In the terminal: <code>").append(esc(cli)).append("</code>");
        }
        if (api != null) {
            b.append(cli == null ? "" : " · ").append("<a class=\"api\" href=\"").append(esc(api)).append("\">JSON</a>");
        }
        return b.append("</footer>\n</body>\n</html>\n").toString();
    }

    /** The banner of the files' problems (hidden, for the script to fill, when there are none). */
    static String problems(List<String> problems) {
        StringBuilder b = new StringBuilder("<section id=\"problems\" class=\"problems\"").append(problems.isEmpty() ? " hidden" : "")
                .append("><p><b>The rule or fact files as saved do not load</b>; the pages answer from the last good rule base "
                        + "until they are fixed:</p><pre>");
        problems.forEach(p -> b.append(esc(p)).append('\n'));
        return b.append("</pre></section>\n").toString();
    }

    /** A select of {@code values} named {@code name}, with a first option for none, {@code selected} chosen. */
    static String select(String name, String label, String none, List<String> values, String selected) {
        StringBuilder b = new StringBuilder("<label>").append(esc(label)).append(" <select name=\"").append(esc(name))
                .append("\" id=\"f-").append(esc(name)).append("\">");
        if (none != null) {
            b.append("<option value=\"\">").append(esc(none)).append("</option>");
        }
        for (String v : values) {
            b.append("<option value=\"").append(esc(v)).append('"').append(v.equalsIgnoreCase(selected == null ? "" : selected) ? " selected" : "").append('>')
                    .append(esc(v)).append("</option>");
        }
        return b.append("</select></label>\n").toString();
    }

    /** A select whose options have values apart from their labels (value, label pairs). */
    static String choice(String name, String label, List<List<String>> options, String selected) {
        StringBuilder b = new StringBuilder("<label>").append(esc(label)).append(" <select name=\"").append(esc(name))
                .append("\" id=\"f-").append(esc(name)).append("\">");
        for (List<String> o : options) {
            b.append("<option value=\"").append(esc(o.get(0))).append('"').append(o.get(0).equals(selected == null ? "" : selected)
                    ? " selected" : "").append('>').append(esc(o.get(1))).append("</option>");
        }
        return b.append("</select></label>\n").toString();
    }

    /** The command line that gives the same answer, each argument quoted when it needs to be. */
    static String command(List<String> words) {
        StringBuilder b = new StringBuilder("./origins");
        for (String w : words) {
            b.append(' ').append(w.matches("[A-Za-z0-9_./:=,+%#@-]+") ? w : "'" + w.replace("'", "'\\''") + "'");
        }
        return b.toString();
    }
}
