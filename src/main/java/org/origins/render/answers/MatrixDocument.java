package org.origins.render.answers;

import org.origins.explain.Agreement;
import org.origins.explain.Matrix;
import org.origins.kb.Grade;
import org.origins.kb.Level;
import org.origins.render.Anchors;
import org.origins.render.Block;
import org.origins.render.Document;
import org.origins.render.Grid;
import org.origins.render.Line;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Every model's level of every ability ({@code origins matrix}): a grid of signs (the grade of each
 * cell as small print), the observations' marks, a legend and the abilities' short names. In a report,
 * each cell links to its proof.
 */
final class MatrixDocument {
    private MatrixDocument() {
    }

    /** @param linked every cell links to its proof, every model to its anchor (a page that resolves them) */
    static Document of(Matrix m, boolean linked) {
        return of(m, linked ? null : Set.of(), linked, Document.builder());
    }

    /**
     * @param proofs the anchors of the proofs in the same document: cells that have one link to it (null: every cell)
     * @param models whether each model's name links to its anchor
     */
    static Document of(Matrix m, Set<String> proofs, boolean models, Document.Builder d) {
        List<Block.Column> columns = new ArrayList<>(List.of(Cells.column("", 0, 0)));
        for (int i = 0; i < m.abilities().size(); i++) {
            columns.add(new Block.Column(m.abilities().get(i).shortName(), i == 0 ? " " : "", 5, true));
        }
        List<Block.Row> rows = new ArrayList<>();
        for (Matrix.Row row : m.models()) {
            Line name = Line.of(row.model() + (row.hypothetical() ? "*" : ""));
            List<Block.Cell> cells = new ArrayList<>(List.of(Cells.of(models ? Links.model(row.model(), name) : name)));
            for (Matrix.Cell c : row.cells()) {
                Line text = Line.of().sign(c.level());
                if (c.grade() != null && c.level() != Level.NONE) {
                    text.detail(abbreviation(c.grade()));
                }
                text.text(mark(c.observed()));
                String anchor = Anchors.proof(row.model(), c.ability());
                Line cell = proofs == null || proofs.contains(anchor) ? Line.of().link(Anchors.href(anchor), text) : text;
                String title = row.model() + " · " + c.ability() + ": " + c.level().id()
                        + (c.grade() == null || c.level() == Level.NONE ? "" : " (" + c.grade().label() + ")")
                        + (c.observed() == null ? "" : "; observed: " + c.observed());
                cells.add(new Block.Cell(cell.spans(), c.level(), title));
            }
            rows.add(new Block.Row(Anchors.model(row.model()), cells, List.of()));
        }
        d.add(new Block.Table("matrix", 0, true, columns, rows, 0, 0));
        d.gap();
        d.paragraph(Line.of("levels: · none  − weak  + present  ++ strong"
                + (m.models().stream().anyMatch(Matrix.Row::hypothetical) ? "   * hypothetical" : "")
                + (m.models().stream().flatMap(r -> r.cells().stream()).anyMatch(c -> c.observed() != null)
                ? "   observed: ✓ agrees ✗ contradicts ? not predicted" : ""))
                .detail("   grades: C conclusion, SH strong hypothesis, H hypothesis, EG educated guess"));
        List<Block.Row> key = new ArrayList<>();
        for (int i = 0; i < m.abilities().size(); i += 2) {
            List<Block.Cell> cells = new ArrayList<>();
            for (Matrix.Column c : m.abilities().subList(i, Math.min(i + 2, m.abilities().size()))) {
                cells.add(Cells.of(c.shortName()));
                cells.add(Cells.of(c.id()));
            }
            key.add(new Block.Row(null, cells, List.of()));
        }
        d.add(new Block.Table(null, 0, false, List.of(Cells.column("", 0, 5), Cells.column("", 0, 32), Cells.column("", 0, 5),
                Cells.column("", 0, 0)), key, 0, 0));
        return d.build();
    }

    /** The matrix as a grid for Mermaid and DOT: each cell's sign and observation mark, its level and grade as tooltip. */
    static Grid grid(Matrix m) {
        List<Grid.Row> rows = new ArrayList<>();
        for (Matrix.Row row : m.models()) {
            List<Grid.Cell> cells = new ArrayList<>();
            for (Matrix.Cell c : row.cells()) {
                String mark = mark(c.observed());
                cells.add(new Grid.Cell(c.level(), c.level().sign() + (mark.isEmpty() ? "" : " " + mark),
                        row.model() + " · " + c.ability() + ": " + c.level().id() + (c.grade() == null ? "" : " (" + c.grade().label() + ")")
                                + (c.observed() == null ? "" : "; observed: " + c.observed())));
            }
            rows.add(new Grid.Row(row.model(), row.hypothetical(), cells));
        }
        return new Grid(m.abilities().stream().map(c -> new Grid.Column(c.shortName(), c.id())).toList(), rows);
    }

    /** "✓", "✗", "?" or "". */
    static String mark(Agreement observed) {
        if (observed == null) {
            return "";
        }
        return switch (observed) {
            case AGREE -> "✓";
            case CONTRADICT -> "✗";
            case UNPREDICTED, UNDETERMINED -> "?";
        };
    }

    /** C, SH, H, EG. */
    static String abbreviation(Grade g) {
        return switch (g) {
            case CONCLUSION -> "C";
            case STRONG_HYPOTHESIS -> "SH";
            case HYPOTHESIS -> "H";
            case EDUCATED_GUESS -> "EG";
        };
    }
}
