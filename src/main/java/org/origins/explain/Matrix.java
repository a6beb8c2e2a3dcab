package org.origins.explain;

import org.origins.kb.Grade;
import org.origins.kb.Level;

import java.util.List;

/** Models × abilities: the answer to {@code origins matrix}. */
public record Matrix(String schema, List<Column> abilities, List<Row> models) implements Answer {
    public static final String SCHEMA = "origins.matrix/1";

    @Override
    public <R> R accept(Answer.Visitor<R> visitor) {
        return visitor.matrix(this);
    }

    public Matrix {
        abilities = List.copyOf(abilities);
        models = List.copyOf(models);
    }

    public record Column(String id, String shortName, String name, String nameZh) {
    }

    public record Row(String model, boolean hypothetical, List<Cell> cells) {
        public Row {
            cells = List.copyOf(cells);
        }
    }

    /** {@code observed}: null when not asked or nothing observed; else agree, contradict or unpredicted. */
    public record Cell(String ability, Level level, Grade grade, Agreement observed) {
    }
}
