package org.origins.kb;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.Locale;

/**
 * The one reader of numbers that people write, wherever origins reads one: model files (JSON or
 * YAML, a number or a string), {@code --stage}, {@code --with-stage}, {@code --assume}, {@code --set}.
 * Digits may be grouped with "_" or "," ({@code 1_000}, {@code 1,836}) and written with an exponent
 * ({@code 1.4e3}). By what a field measures:
 * <ul>
 *   <li>{@link Scale#BILLIONS} (parameters, tokens): a bare number is in billions; suffixes
 *   {@code T} (thousand billions), {@code B}, {@code M} (a thousandth), {@code K} (a millionth):
 *   {@code 70B} = 70, {@code 2T} = 2000, {@code 500M} = 0.5;</li>
 *   <li>{@link Scale#COUNT} (tasks, examples, context length): {@code K} = 1,000, {@code M} =
 *   1,000,000, {@code B} = 10⁹ ({@code 77K}, {@code 1.8K});</li>
 *   <li>{@link Scale#SHARE} (code share, compute share): {@code 0.3} or {@code 30%}.</li>
 * </ul>
 * Ranges are the caller's to check; what cannot be read is a {@link NumberFormatException}.
 */
public final class Units {
    /** The sizes a model's parameters may have, in billions. */
    public static final double MIN_PARAMETERS = 0.001;
    public static final double MAX_PARAMETERS = 100_000;
    /** The most tokens a stage may have, in billions. */
    public static final double MAX_TOKENS = 1_000_000;

    /** What a field measures, which decides what its suffixes mean. */
    public enum Scale { BILLIONS, COUNT, SHARE }

    private Units() {
    }

    /** A value of a file: a JSON number as it is, a string read by {@code scale}; null when it is neither. */
    public static Double of(JsonNode n, Scale scale) {
        if (n.isNumber()) {
            return n.asDouble();
        }
        if (!n.isTextual()) {
            return null;
        }
        try {
            return read(n.asText(), scale);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    public static double read(String text, Scale scale) {
        return switch (scale) {
            case BILLIONS -> billions(text);
            case COUNT -> count(text);
            case SHARE -> share(text);
        };
    }

    /** Billions: "175" → 175, "70B" → 70, "1.4T" → 1400, "500M" → 0.5. */
    public static double billions(String text) {
        String s = text.strip().toUpperCase(Locale.ROOT);
        double mult = 1;
        char last = s.isEmpty() ? ' ' : s.charAt(s.length() - 1);
        switch (last) {
            case 'T' -> mult = 1_000;
            case 'B' -> mult = 1;
            case 'M' -> mult = 0.001;
            case 'K' -> mult = 0.000_001;
            default -> {
                return amount(s);
            }
        }
        return amount(s.substring(0, s.length() - 1)) * mult;
    }

    /** A count: "1800" → 1800, "77K" → 77000, "1.2M" → 1200000. */
    public static double count(String text) {
        String s = text.strip().toUpperCase(Locale.ROOT);
        char last = s.isEmpty() ? ' ' : s.charAt(s.length() - 1);
        double mult = switch (last) {
            case 'K' -> 1_000;
            case 'M' -> 1_000_000;
            case 'B' -> 1_000_000_000;
            default -> 1;
        };
        return mult == 1 ? amount(s) : amount(s.substring(0, s.length() - 1)) * mult;
    }

    /** A share: "0.3" → 0.3, "30%" → 0.3. */
    public static double share(String text) {
        String s = text.strip();
        return s.endsWith("%") ? amount(s.substring(0, s.length() - 1)) / 100 : amount(s);
    }

    /** A limit as people read it: 100000, 0.001. */
    public static String format(double d) {
        return d == Math.rint(d) && !Double.isInfinite(d) ? String.valueOf((long) d) : String.valueOf(d);
    }

    /**
     * A finite number of zero or more: "_" and "," may group digits (1_000, 1,000), an exponent is
     * allowed (1.4e3). Anything else is a NumberFormatException.
     */
    public static double amount(String text) {
        String s = text.strip().replace("_", "").replace(",", "");
        if (!s.matches("[+]?([0-9]+(\\.[0-9]*)?|\\.[0-9]+)([eE][-+]?[0-9]+)?")) {
            throw new NumberFormatException(text);
        }
        double d = Double.parseDouble(s);
        if (Double.isInfinite(d)) {
            throw new NumberFormatException(text);
        }
        return d;
    }
}
