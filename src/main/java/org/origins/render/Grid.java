package org.origins.render;

import org.origins.kb.Level;

import java.util.List;

/** The ability matrix as a drawing: a header of columns, then one row a model, each cell coloured by its level. */
public record Grid(List<Column> columns, List<Row> rows) implements Drawing {
    public Grid {
        columns = List.copyOf(columns);
        rows = List.copyOf(rows);
    }

    /** A column: its short label and the ability's id (its tooltip). */
    public record Column(String label, String id) {
    }

    public record Row(String label, boolean hypothetical, List<Cell> cells) {
        public Row {
            cells = List.copyOf(cells);
        }
    }

    /** A cell: its level (the fill), its text (the sign and an observation's mark), its tooltip. */
    public record Cell(Level level, String text, String tooltip) {
    }

    public boolean anyHypothetical() {
        return rows.stream().anyMatch(Row::hypothetical);
    }

    /** Whether some cell is marked by an observation; the legend then explains the marks. */
    public boolean observed() {
        return rows.stream().flatMap(r -> r.cells().stream()).anyMatch(c -> !c.text().equals(c.level().sign()));
    }
}
