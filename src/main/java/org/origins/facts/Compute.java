package org.origins.facts;

/**
 * The training compute a model's weights have received by the end of its history: about six
 * floating-point operations per parameter per training token (Kaplan et al. 2020; Hoffmann et al.
 * 2022), {@code flops = 6 × parameters × tokens}, and the same for the code among those tokens.
 * Sizes in billions as in the facts; {@code flops} and {@code codeFlops} in FLOP.
 */
public record Compute(String model, double parameters, double tokens, double codeTokens, double flops, double codeFlops,
                      double tokensPerParameter) {

    /** Floating-point operations per parameter per training token (forward and backward pass). */
    public static final double FLOP_PER_PARAMETER_TOKEN = 6;
    private static final double BILLION = 1e9;

    /** The compute of a model whose size and trained tokens are known. */
    public static Compute of(Model m) {
        double parameters = m.parameters();
        double tokens = m.trainedTokens();
        double code = m.trainedCodeTokens() == null ? 0 : m.trainedCodeTokens();
        return new Compute(m.id(), parameters, tokens, code, flops(parameters, tokens), flops(parameters, code),
                tokens / parameters);
    }

    /** Training FLOP of {@code parameters} billion parameters on {@code tokens} billion tokens. */
    public static double flops(double parameters, double tokens) {
        return FLOP_PER_PARAMETER_TOKEN * parameters * BILLION * tokens * BILLION;
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

    /** Up to two decimals (none from 100 on), without trailing zeros; plain arithmetic, no String.format. */
    public static String trim(double v) {
        long hundredths = Math.round(v >= 100 ? Math.rint(v) * 100 : v * 100);
        long whole = hundredths / 100;
        long frac = hundredths % 100;
        if (frac == 0) {
            return Long.toString(whole);
        }
        return whole + "." + (frac % 10 == 0 ? Long.toString(frac / 10) : (frac < 10 ? "0" : "") + frac);
    }
}
