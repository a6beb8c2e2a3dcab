package org.origins.render.answers;

import org.origins.explain.Comparison;
import org.origins.render.Block;
import org.origins.render.Document;
import org.origins.render.Line;
import org.origins.render.Span;

import java.util.ArrayList;
import java.util.List;

/** Two models compared ({@code origins compare}): training differences, then each ability difference with what explains it. */
final class CompareDocument {
    private CompareDocument() {
    }

    static Document of(Comparison c) {
        Document.Builder d = Document.builder();
        d.heading(2, null, Line.of().strong(c.a() + " vs " + c.b()).text(c.commonAncestor() == null ? "  (no common ancestor)"
                : "  (common ancestor: " + c.commonAncestor() + ")"));
        d.add(new Block.Diagram(CompareGraph.compare(c)));
        d.paragraph("training");
        List<Block.Row> fields = c.fields().stream().map(f -> new Block.Row(null,
                List.of(Cells.of(f.field()), Cells.of(f.a() + "  vs  " + f.b())), List.of())).toList();
        d.add(new Block.Table(null, 2, false, List.of(Cells.column("", 0, 19), Cells.column(c.a() + " vs " + c.b(), 0, 0)),
                fields, 0, 0));
        d.lines(2, List.of(Line.of("only " + c.a() + ": " + (c.onlyA().isEmpty() ? "(nothing)" : String.join("; ", c.onlyA()))),
                Line.of("only " + c.b() + ": " + (c.onlyB().isEmpty() ? "(nothing)" : String.join("; ", c.onlyB())))));
        d.paragraph("abilities");
        if (c.abilities().isEmpty()) {
            d.lines(2, List.of(Line.of("the same levels everywhere")));
        }
        List<Block.Row> rows = new ArrayList<>();
        for (Comparison.AbilityDiff a : c.abilities()) {
            List<List<Span>> notes = new ArrayList<>();
            if (!a.explainedBy().isEmpty()) {
                notes.add(Line.of("explained by: " + String.join("; ", a.explainedBy())).spans());
            }
            a.steps().forEach(s -> notes.add(Line.of().muted(s).spans()));
            rows.add(new Block.Row(null, List.of(Cells.of(a.ability()), Cells.of(Line.of().shaded(a.a(), a.a().id())),
                    Cells.of(Line.of().shaded(a.b(), a.b().id()))), notes));
        }
        d.add(new Block.Table(null, 2, false, List.of(Cells.column("ability", 0, 27), Cells.column(c.a(), 0, 8),
                new Block.Column(c.b(), " vs  ", 0, false)), rows, 0, 4));
        return d.build();
    }
}
