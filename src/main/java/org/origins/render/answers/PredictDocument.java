package org.origins.render.answers;

import org.origins.explain.Prediction;
import org.origins.render.Document;
import org.origins.render.Line;

import java.util.List;

/** Hypothetical models predicted ({@code origins predict}): each one's abilities, and with --explain its proof or why-not. */
final class PredictDocument {
    private PredictDocument() {
    }

    static Document of(Prediction p) {
        Document.Builder d = Document.builder();
        for (Prediction.ModelPrediction m : p.models()) {
            d.lines(0, List.of(Line.of().muted("parent: " + (m.parent() == null ? "none (trained from scratch)" : m.parent()))));
            d.addAll(AbilitiesDocument.of(m.abilities()));
            if (m.why() != null) {
                d.gap().addAll(ProofDocument.of(m.why(), true, false));
            }
            if (m.whyNot() != null) {
                d.gap().addAll(WhyNotDocument.of(m.whyNot()));
            }
            d.gap();
        }
        return d.build();
    }
}
