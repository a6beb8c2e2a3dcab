package org.origins.render.answers;

import org.origins.explain.AbilityRow;
import org.origins.explain.Note;
import org.origins.kb.Level;
import org.origins.render.Block;
import org.origins.render.Document;
import org.origins.render.Line;

import java.util.ArrayList;
import java.util.List;

/** Each ability of a model ({@code origins abilities}): level, grade, the deciding rule and stage, mechanisms, doubts. */
final class AbilitiesDocument {
    private AbilitiesDocument() {
    }

    static Document of(AbilityRow.Table t) {
        return of(t, false);
    }

    /** @param linked whether each ability links to the anchor of its proof */
    static Document of(AbilityRow.Table t, boolean linked) {
        Line head = Line.of().strong(t.model());
        if (t.hypothetical()) {
            head.warning("  (hypothetical: predicted by the rules)");
        }
        List<Block.Row> rows = new ArrayList<>();
        for (AbilityRow a : t.abilities()) {
            List<Block.Cell> cells = new ArrayList<>(List.of(Cells.of(Links.proof(t.model(), a.ability(), Line.of(a.ability()), linked)),
                    Cells.of(Line.of().shaded(a.level(), a.level().id())), Cells.of(Line.of(a.level().sign()))));
            if (a.level() == Level.NONE && a.decidedBy() == null) {
                cells.add(Cells.of(Line.of().muted("no rule concludes it")));
            } else {
                cells.add(Cells.of(Line.of().grade(a.grade())));
                cells.add(Cells.of(Line.of(String.valueOf(a.decidedBy())).muted(" at " + a.atStage())));
            }
            List<List<org.origins.render.Span>> notes = new ArrayList<>();
            for (Note m : a.mechanisms()) {
                notes.add(Line.of().muted("↳ " + m.text() + "  " + (m.rule() == null ? "" : m.rule() + " ")).grade(m.grade()).spans());
            }
            rows.add(new Block.Row(null, cells, notes));
        }
        Block.Table table = new Block.Table(null, 2, false, List.of(Cells.column("ability", 0, 0), Cells.column("level", 2, 7),
                Cells.column("", 1, 2), Cells.column("grade", 2, 20), Cells.column("decided by", 1, 0)), rows, 1, 0);
        return Document.builder().heading(2, null, head).add(table)
                .lines(0, t.baseDoubts().stream().map(Phrases::doubt).toList()).build();
    }
}
