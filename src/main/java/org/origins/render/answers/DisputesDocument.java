package org.origins.render.answers;

import org.origins.explain.Disputes;
import org.origins.explain.WhatIf;
import org.origins.render.Block;
import org.origins.render.Document;
import org.origins.render.Line;

import java.util.ArrayList;
import java.util.List;

/** Every disputed fact ({@code origins disputes}): the chosen value, each alternative and what assuming it would change. */
final class DisputesDocument {
    private DisputesDocument() {
    }

    static Document of(Disputes d) {
        return of(d, Document.builder()).paragraph(d.disputes().size() + " disputed facts").build();
    }

    static Document.Builder of(Disputes d, Document.Builder doc) {
        for (Disputes.Dispute x : d.disputes()) {
            doc.paragraph(Line.of().strong(x.field()).text(": " + x.chosen() + "  — chosen: " + x.chosenSource()));
            List<Block.Item> alternatives = new ArrayList<>();
            for (Disputes.Alternative a : x.alternatives()) {
                List<Block.Item> below = new ArrayList<>(List.of(Cells.item(Line.of().muted("--assume " + a.assume()))));
                if (a.changes().isEmpty() && a.otherChanges().isEmpty()) {
                    below.add(Cells.item(Line.of("changes no conclusion")));
                }
                for (WhatIf.LevelChange c : a.changes()) {
                    below.add(Cells.item(Line.of(c.model() + " " + c.ability() + ": " + c.before().id() + " → " + c.after().id())));
                }
                a.otherChanges().forEach(o -> below.add(Cells.item(Line.of(o))));
                alternatives.add(new Block.Item(Line.of("alternative " + a.value() + "  — " + a.source()).spans(), below));
            }
            doc.add(new Block.Items(2, 2, false, alternatives));
        }
        return doc;
    }
}
