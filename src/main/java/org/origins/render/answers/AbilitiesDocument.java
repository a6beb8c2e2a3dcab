package org.origins.render.answers;

import org.origins.explain.AbilityRow;
import org.origins.explain.MissingFacts;
import org.origins.explain.Note;
import org.origins.kb.Level;
import org.origins.render.Block;
import org.origins.render.Document;
import org.origins.render.Line;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Each ability of a model ({@code origins abilities}): level, grade, the deciding rule and stage,
 * mechanisms, doubts; an undetermined ability with the levels it could have; then the values
 * nobody states (assumed by a default, or undisclosed) and what other values would change.
 */
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
            List<Block.Cell> cells = new ArrayList<>(List.of(Cells.of(Links.proof(t.model(), a.ability(), Line.of(a.ability()), linked))));
            if (a.undetermined() != null) {
                cells.addAll(List.of(Cells.of(Line.of().warning("?")), Cells.of(Line.of().warning("?")),
                        Cells.of(Line.of().warning("undetermined: " + levels(a.undetermined()) + "; a missing fact decides it (below)"))));
                rows.add(new Block.Row(null, cells, List.of()));
                continue;
            }
            cells.addAll(List.of(Cells.of(Line.of().shaded(a.level(), a.level().id())), Cells.of(Line.of(a.level().sign()))));
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
        Document.Builder d = Document.builder().heading(2, null, head).add(table)
                .lines(0, t.baseDoubts().stream().map(Phrases::doubt).toList());
        if (t.missing() != null) {
            missing(t.missing(), d);
        }
        return d.build();
    }

    private static String levels(List<Level> levels) {
        return String.join(" or ", levels.stream().map(Level::id).toList());
    }

    /** The values nobody states: those a default assumes, then those undisclosed; each with what other values would change. */
    private static void missing(List<MissingFacts.Missing> missing, Document.Builder d) {
        List<MissingFacts.Missing> assumed = missing.stream().filter(m -> m.status() == MissingFacts.Gap.DEFAULT).toList();
        List<MissingFacts.Missing> open = missing.stream().filter(m -> m.status() == MissingFacts.Gap.UNDISCLOSED).toList();
        if (!assumed.isEmpty()) {
            d.paragraph(Line.of().strong("assumed").muted(" (defaults of facts/defaults.json, educated guesses; "
                    + "--assume MODEL#N.FIELD=VALUE states the value)"));
            d.add(new Block.Items(2, 4, false, assumed.stream().map(m -> new Block.Item(Line.of(m.where() + " " + m.field() + " = "
                    + m.assumed()).muted("  " + m.source()).spans(), changes(m))).toList()));
        }
        if (!open.isEmpty()) {
            d.paragraph(Line.of().strong("undisclosed").muted(" (no value and no default: the facts that would decide)"));
            d.add(new Block.Items(2, 4, false, open.stream().map(m -> new Block.Item(Line.of(m.where() + " " + m.field())
                    .muted(m.source() == null ? "" : "  " + m.source()).spans(), changes(m))).toList()));
        }
    }

    /** "with VALUE: ABILITY now → then, ...", one line per value probed that changes a conclusion. */
    private static List<Block.Item> changes(MissingFacts.Missing m) {
        if (m.changes().isEmpty()) {
            return List.of(Cells.item(Line.of().muted("no other value probed changes a conclusion")));
        }
        Map<String, List<MissingFacts.Change>> byValue = new LinkedHashMap<>();
        m.changes().forEach(c -> byValue.computeIfAbsent(c.value(), k -> new ArrayList<>()).add(c));
        List<Block.Item> out = new ArrayList<>();
        byValue.forEach((value, cs) -> {
            Line line = Line.of("with " + value + ": ");
            for (int i = 0; i < cs.size(); i++) {
                MissingFacts.Change c = cs.get(i);
                line.text((i == 0 ? "" : ", ") + c.ability() + " " + c.now().id() + " → ").shaded(c.then(), c.then().id());
            }
            out.add(Cells.item(line));
        });
        return out;
    }
}
