package org.origins.render.answers;

import org.origins.explain.Experiments;
import org.origins.render.Document;
import org.origins.render.Line;

import java.util.ArrayList;
import java.util.List;

/** The controlled comparisons the knowledge base allows ({@code origins experiments}), each with its caveats and predictions. */
final class ExperimentsDocument {
    private ExperimentsDocument() {
    }

    static Document of(Experiments x) {
        Document.Builder d = Document.builder();
        for (Experiments.Proposal p : x.experiments()) {
            d.heading(2, null, Line.of().strong(String.join(" / ", p.models())).text("  — " + p.ingredient() + ", tests " + p.claim()));
            List<Line> lines = new ArrayList<>(List.of(Line.of(p.question()).muted("  (" + p.rule() + ")")));
            p.hypothetical().forEach(h -> lines.add(Line.of().warning("hypothetical: " + h)));
            p.caveats().forEach(c -> lines.add(Line.of().warning("caveat: " + c)));
            p.predictions().forEach(pr -> lines.add(Line.of().muted("predicted " + pr)));
            d.lines(4, lines);
        }
        return d.paragraph(x.experiments().size() + " experiments").build();
    }
}
