package org.origins.explain;

import org.origins.kb.Ability;
import org.origins.kb.ModelRecord;
import org.origins.reasoning.LevelTrace;
import org.origins.reasoning.Reasoning;

import java.util.ArrayList;
import java.util.List;

/** Every model's level of every ability. */
public final class MatrixQuery {
    private MatrixQuery() {
    }

    public static Matrix of(Reasoning r) {
        List<Matrix.Column> cols = r.kb().abilities().stream()
                .map(a -> new Matrix.Column(a.id(), a.shortName() == null ? a.id() : a.shortName(), a.name(), a.nameZh())).toList();
        List<Matrix.Row> rows = new ArrayList<>();
        for (ModelRecord m : r.kb().models()) {
            List<Matrix.Cell> cells = new ArrayList<>();
            for (Ability a : r.kb().abilities()) {
                LevelTrace t = r.trace(m.id(), a.id());
                cells.add(new Matrix.Cell(a.id(), t.level(), t.grade()));
            }
            rows.add(new Matrix.Row(m.id(), m.hypothetical(), cells));
        }
        return new Matrix(Matrix.SCHEMA, cols, rows);
    }
}
