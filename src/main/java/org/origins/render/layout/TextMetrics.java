package org.origins.render.layout;

/**
 * How wide a line of text is drawn, without a font at hand: Helvetica's advance widths (the same as
 * Arial's and Liberation Sans's, which browsers substitute for it), a full em for CJK ideographs and
 * other wide characters, and a little slack for fonts a bit wider than these.
 */
public final class TextMetrics {
    /** Advance widths of the printable ASCII characters (32–126), in thousandths of an em. */
    private static final int[] ASCII = {
            278, 278, 355, 556, 556, 889, 667, 191, 333, 333, 389, 584, 278, 333, 278, 278,  // space ! " # $ % & ' ( ) * + , - . /
            556, 556, 556, 556, 556, 556, 556, 556, 556, 556,                                // 0-9
            278, 278, 584, 584, 584, 556, 1015,                                              // : ; < = > ? @
            667, 667, 722, 722, 667, 611, 778, 722, 278, 500, 667, 556, 833,                 // A-M
            722, 778, 667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611,                 // N-Z
            278, 278, 278, 469, 556, 333,                                                    // [ \ ] ^ _ `
            556, 556, 500, 556, 556, 278, 556, 556, 222, 222, 500, 222, 833,                 // a-m
            556, 556, 556, 556, 333, 500, 278, 556, 500, 722, 500, 500, 500,                 // n-z
            334, 260, 334, 584                                                               // { | } ~
    };
    /** Fonts differ: a line is measured this much wider than Helvetica draws it. */
    private static final double SLACK = 1.06;

    private TextMetrics() {
    }

    /** The width of {@code text} in pixels at {@code fontSize} pixels. */
    public static double width(String text, double fontSize) {
        double em = 0;
        for (int i = 0; i < text.length(); ) {
            int c = text.codePointAt(i);
            i += Character.charCount(c);
            em += advance(c);
        }
        return em / 1000 * fontSize * SLACK;
    }

    private static int advance(int c) {
        if (c >= 32 && c <= 126) {
            return ASCII[c - 32];
        }
        if (Character.getType(c) == Character.NON_SPACING_MARK || c == 0x200B || c == 0xFE0F) {
            return 0;
        }
        if (wide(c) || (c >= 0x2190 && c <= 0x21FF) || c == 0x2014) {  // arrows and the em dash are an em wide
            return 1000;
        }
        switch (c) {
            case 0x00B7: return 278;   // middle dot
            case 0x2212: return 584;   // minus
            case 0x2013: return 556;   // en dash
            default: break;
        }
        if (Character.isUpperCase(c)) {
            return 722;
        }
        return 600;  // other letters, arrows, dashes, signs: about an average capital's width
    }

    /** East Asian wide characters and emoji. */
    private static boolean wide(int c) {
        return (c >= 0x1100 && c <= 0x115F) || (c >= 0x2E80 && c <= 0xA4CF) || (c >= 0xAC00 && c <= 0xD7A3)
                || (c >= 0xF900 && c <= 0xFAFF) || (c >= 0xFE30 && c <= 0xFE4F) || (c >= 0xFF00 && c <= 0xFF60)
                || (c >= 0xFFE0 && c <= 0xFFE6) || (c >= 0x1F300 && c <= 0x1FAFF) || (c >= 0x20000 && c <= 0x3FFFD);
    }
}
