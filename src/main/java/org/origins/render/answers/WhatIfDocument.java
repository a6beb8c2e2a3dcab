package org.origins.render.answers;

import org.origins.explain.WhatIf;
import org.origins.render.Block;
import org.origins.render.Document;
import org.origins.render.Line;

import java.util.ArrayList;
import java.util.List;

/** A counterfactual ({@code origins what-if}): the training changes, then only the conclusions that changed. */
final class WhatIfDocument {
    private WhatIfDocument() {
    }

    /** @param linked whether each changed model links to its anchor */
    static Document of(WhatIf w, boolean linked) {
        Document.Builder d = Document.builder();
        d.heading(2, null, Line.of().strong("what if " + w.model()).text(": " + String.join("; ", w.trainingChanges())));
        d.add(new Block.Diagram(WhatIfGraph.whatIf(w)));
        if (w.changes().isEmpty() && w.otherChanges().isEmpty()) {
            d.paragraph("no conclusion changes");
        }
        List<Block.Item> items = new ArrayList<>();
        for (WhatIf.LevelChange c : w.changes()) {
            List<Block.Item> why = new ArrayList<>();
            c.lost().forEach(l -> why.add(Cells.item(Line.of().muted("no longer: " + l))));
            c.gained().forEach(g -> why.add(Cells.item(Line.of().muted("now:       " + g))));
            items.add(new Block.Item(Links.model(c.model(), linked).text(" " + c.ability() + ": " + c.before().id() + " → ")
                    .shaded(c.after(), c.after().id()).spans(), why));
        }
        if (!items.isEmpty()) {
            d.add(new Block.Items(2, 4, false, items));
        }
        return d.lines(2, w.otherChanges().stream().map(Line::of).toList()).build();
    }
}
