package org.origins.facts;

/**
 * The training compute a model's weights have received by the end of {@code stage}: about six
 * floating-point operations per parameter per training token (Kaplan et al. 2020; Hoffmann et al.
 * 2022), {@code flops = 6 × parameters × tokens}, and the same for the code among those tokens.
 * Sizes in billions as in the facts; {@code flops} and {@code codeFlops} in FLOP.
 */
public record Compute(Stage stage, double parameters, double tokens, double codeTokens, double flops, double codeFlops,
                      double tokensPerParameter) {

    /** Floating-point operations per parameter per training token (forward and backward pass). */
    public static final double FLOP_PER_PARAMETER_TOKEN = 6;
    private static final double BILLION = 1e9;

    /** The compute of a model of {@code parameters} billions after the stage's trained tokens. */
    public static Compute of(Stage stage, double parameters) {
        double tokens = stage.trainedTokens();
        double code = stage.trainedCodeTokens() == null ? 0 : stage.trainedCodeTokens();
        return new Compute(stage, parameters, tokens, code, flops(parameters, tokens), flops(parameters, code),
                tokens / parameters);
    }

    private static double flops(double parameters, double tokens) {
        return FLOP_PER_PARAMETER_TOKEN * parameters * BILLION * tokens * BILLION;
    }

    public String model() {
        return stage.model();
    }

    /** "≈ 5.9e23 FLOP = 6 × 70B × 1.4T tokens". */
    public String formula() {
        return "≈ " + scientific(flops) + " FLOP = 6 × " + billions(parameters) + " × " + billions(tokens) + " tokens";
    }

    /** "5.9e23". */
    public static String scientific(double v) {
        if (v == 0) {
            return "0";
        }
        int exp = (int) Math.floor(Math.log10(Math.abs(v)));
        double mantissa = v / Math.pow(10, exp);
        if (Math.round(mantissa * 10) >= 100) { // 9.96 rounds to 10.0
            mantissa /= 10;
            exp++;
        }
        String m = String.format(java.util.Locale.ROOT, "%.1f", mantissa);
        return (m.endsWith(".0") ? m.substring(0, m.length() - 2) : m) + "e" + exp;
    }

    /** A size in billions as people write it: "70B", "1.4T", "350M". */
    public static String billions(double b) {
        if (b >= 1000) {
            return trim(b / 1000) + "T";
        }
        if (b < 1) {
            return trim(b * 1000) + "M";
        }
        return trim(b) + "B";
    }

    private static String trim(double v) {
        String s = String.format(java.util.Locale.ROOT, v >= 100 ? "%.0f" : "%.2f", v);
        return s.contains(".") ? s.replaceAll("0+$", "").replaceAll("\\.$", "") : s;
    }
}
