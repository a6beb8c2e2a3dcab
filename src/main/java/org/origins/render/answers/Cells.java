package org.origins.render.answers;

import org.origins.render.Block;
import org.origins.render.Line;

/** Short ways to make table columns and cells, and list items. */
final class Cells {
    private Cells() {
    }

    static Block.Cell of(Line text) {
        return new Block.Cell(text.spans(), null, null);
    }

    static Block.Cell of(String text) {
        return of(Line.of(text));
    }

    /** A column titled {@code title}, after {@code gap} spaces, at least {@code width} wide on a terminal. */
    static Block.Column column(String title, int gap, int width) {
        return new Block.Column(title, " ".repeat(gap), width, false);
    }

    /** A list item without items below it. */
    static Block.Item item(Line text) {
        return new Block.Item(text.spans(), java.util.List.of());
    }
}
