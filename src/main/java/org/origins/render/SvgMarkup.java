package org.origins.render;

import java.util.List;

/** SVG markup for {@link SvgWriter}: escaped ({@link HtmlWriter#esc}: one escaper for HTML and SVG), numbers written the same way everywhere. */
final class SvgMarkup {
    private final StringBuilder b = new StringBuilder();

    void open(String tag, List<String> namespaces, String... attrs) {
        b.append('<').append(tag);
        for (int i = 0; i + 1 < namespaces.size(); i += 2) {
            b.append(' ').append(namespaces.get(i)).append("=\"").append(namespaces.get(i + 1)).append('"');
        }
        for (int i = 0; i + 1 < attrs.length; i += 2) {
            b.append(' ').append(attrs[i]).append("=\"").append(HtmlWriter.esc(attrs[i + 1])).append('"');
        }
        b.append(">\n");
    }

    void close(String tag) {
        b.append("</").append(tag).append(">\n");
    }

    void element(String tag, String text) {
        b.append('<').append(tag).append('>').append(HtmlWriter.esc(text)).append("</").append(tag).append(">\n");
    }

    void raw(String s) {
        b.append(s);
    }

    void text(double x, double y, String anchor, String cls, String text) {
        b.append("<text x=\"").append(num(x)).append("\" y=\"").append(num(y)).append('"');
        if (!anchor.equals("start")) {
            b.append(" text-anchor=\"").append(anchor).append('"');
        }
        if (cls != null) {
            b.append(" class=\"").append(cls).append('"');
        }
        b.append('>').append(HtmlWriter.esc(text)).append("</text>\n");
    }

    void rect(double x, double y, double w, double h, double r, String cls) {
        b.append("<rect");
        if (cls != null) {
            b.append(" class=\"").append(cls).append('"');
        }
        b.append(" x=\"").append(num(x)).append("\" y=\"").append(num(y)).append("\" width=\"").append(num(w))
                .append("\" height=\"").append(num(h)).append('"');
        if (r > 0) {
            b.append(" rx=\"").append(num(r)).append('"');
        }
        b.append("/>\n");
    }

    void polygon(String cls, double... xy) {
        b.append("<polygon");
        if (cls != null) {
            b.append(" class=\"").append(cls).append('"');
        }
        b.append(" points=\"");
        for (int i = 0; i + 1 < xy.length; i += 2) {
            b.append(i == 0 ? "" : " ").append(num(xy[i])).append(',').append(num(xy[i + 1]));
        }
        b.append("\"/>\n");
    }

    @Override
    public String toString() {
        return b.toString();
    }

    /** A number with at most one decimal, no exponent, no negative zero. */
    static String num(double v) {
        long tenths = Math.round(v * 10);
        if (tenths == 0) {
            return "0";
        }
        String sign = tenths < 0 ? "-" : "";
        long a = Math.abs(tenths);
        return a % 10 == 0 ? sign + (a / 10) : sign + (a / 10) + "." + (a % 10);
    }

    /** An id made of letters, digits, '-' and '_'. */
    static String id(String s) {
        return s.replaceAll("[^A-Za-z0-9_-]", "_");
    }
}
