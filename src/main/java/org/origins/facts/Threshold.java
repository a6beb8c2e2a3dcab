package org.origins.facts;

/**
 * Whether the compute a model has received reaches a scale threshold that a rule defines and
 * cites: {@code name} is the threshold's id, {@code value} its FLOP count, {@code measure} what is
 * compared ({@code compute}: all training; {@code code}: training on code). One rule per threshold
 * derives these facts for every model whose compute is known; ability rules read them for the
 * model that owns a stage ({@code Threshold( model == $m, name == "large-scale", reached )}), so
 * that a number is written in one place. Unknown compute gives no Threshold: neither reached nor missed.
 */
public record Threshold(String model, String name, String measure, double value, double flops, boolean reached) {

    /** The threshold {@code name} at {@code value} FLOP of all training compute. */
    public static Threshold compute(Compute c, String name, double value) {
        return new Threshold(c.model(), name, "compute", value, c.flops(), c.flops() >= value);
    }

    /** The threshold {@code name} at {@code value} FLOP of training on code. */
    public static Threshold code(Compute c, String name, double value) {
        return new Threshold(c.model(), name, "code", value, c.codeFlops(), c.codeFlops() >= value);
    }

    /** "1.1e23 FLOP ≥ 1e23: reached". */
    public String describe() {
        return (measure.equals("code") ? "code compute " : "compute ") + Compute.scientific(flops)
                + (reached ? " ≥ " : " < ") + Compute.scientific(value) + " FLOP: " + (reached ? "reached" : "not reached");
    }
}
