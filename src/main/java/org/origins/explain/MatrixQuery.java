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
        return of(r, false);
    }

    /** With {@code observed}, each cell that has observations says whether they agree with it. */
    public static Matrix of(Reasoning r, boolean observed) {
        return of(r, observed, ModelSelection.ALL);
    }

    /** The rows of the selected models only. */
    public static Matrix of(Reasoning r, boolean observed, ModelSelection selection) {
        selection.checked(r.kb());
        List<Matrix.Column> cols = r.kb().abilities().stream()
                .map(a -> new Matrix.Column(a.id(), a.shortName() == null ? a.id() : a.shortName(), a.name(), a.nameZh())).toList();
        List<Matrix.Row> rows = new ArrayList<>();
        for (ModelRecord m : r.kb().models()) {
            if (!selection.test(m)) {
                continue;
            }
            List<Matrix.Cell> cells = new ArrayList<>();
            for (Ability a : r.kb().abilities()) {
                LevelTrace t = r.trace(m.id(), a.id());
                cells.add(new Matrix.Cell(a.id(), t.level(), t.grade(), observed ? verdict(r, m.id(), a.id()) : null));
            }
            rows.add(new Matrix.Row(m.id(), m.hypothetical(), cells));
        }
        return new Matrix(Matrix.SCHEMA, cols, rows);
    }

    /** contradict if any observation of the cell contradicts, else agree if any agrees, else unpredicted or null. */
    private static Agreement verdict(Reasoning r, String model, String ability) {
        List<Agreement> verdicts = r.kb().observations().stream()
                .filter(o -> o.model().equals(model) && o.ability().equals(ability))
                .map(o -> ObservationsQuery.verdict(r, o)).toList();
        for (Agreement v : List.of(Agreement.CONTRADICT, Agreement.AGREE, Agreement.UNPREDICTED)) {
            if (verdicts.contains(v)) {
                return v;
            }
        }
        return null;
    }
}
