package org.origins.explain;

import org.origins.kb.Level;
import org.origins.kb.ModelRecord;
import org.origins.reasoning.Reasoning;

import java.util.ArrayList;
import java.util.List;

/**
 * The abilities of hypothetical models ({@code origins predict}), derived by the same rules as for
 * real models, with the missing facts that would change them; with an ability to explain, its proof for each model that has it and the why-not for
 * each that has it below strong.
 */
public final class PredictQuery {
    /** How deep the proofs of --explain go: as deep as {@code why}'s default. */
    static final int DEPTH = 50;

    private PredictQuery() {
    }

    /** @param ability the ability to explain, or null */
    public static Prediction of(Reasoning r, List<ModelRecord> models, String ability, long maxFirings) {
        List<Prediction.ModelPrediction> out = new ArrayList<>();
        for (ModelRecord m : models) {
            Level level = ability == null ? null : r.level(m.id(), ability);
            AbilityProof why = level != null && level != Level.NONE ? WhyQuery.why(r, m.id(), ability, DEPTH) : null;
            WhyNot whyNot = level != null && level != Level.STRONG ? WhyNotQuery.whyNot(r, m.id(), ability, null, maxFirings) : null;
            out.add(new Prediction.ModelPrediction(m.id(), m.parent().value(), AbilitiesQuery.withMissingFacts(r, m.id(), maxFirings),
                    why, whyNot));
        }
        return new Prediction(Prediction.SCHEMA, out);
    }
}
