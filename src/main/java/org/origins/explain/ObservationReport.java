package org.origins.explain;

import org.origins.kb.Status;

import java.util.List;

/** Predictions checked against what was observed: the answer to {@code origins check --observations}. */
public record ObservationReport(String schema, int agree, int contradict, int unpredicted, List<Check> observations) {
    public static final String SCHEMA = "origins.observations/1";

    public ObservationReport {
        observations = List.copyOf(observations);
    }

    /**
     * One observation against the prediction. {@code verdict}: agree, contradict, unpredicted (no
     * rule concluded anything about the ability), or undetermined (a missing value decides the answer
     * and some of its possible levels contradict the observation). A contradiction carries the proofs
     * of what the rules concluded (for an ordering, of both models).
     */
    public record Check(String id, String model, String ability, String observed, String predicted, Agreement verdict,
                        String evidence, String source, Status status, List<AbilityProof> proofs) {
        public Check {
            proofs = List.copyOf(proofs);
        }
    }
}
