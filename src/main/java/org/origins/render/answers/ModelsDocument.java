package org.origins.render.answers;

import org.origins.explain.ModelSummary;
import org.origins.explain.Note;
import org.origins.render.Block;
import org.origins.render.Document;
import org.origins.render.Line;
import org.origins.render.Span;

import java.util.ArrayList;
import java.util.List;

/** Every model ({@code origins models}): parent with its source (disputes and doubts below it), size, own stages. */
final class ModelsDocument {
    private ModelsDocument() {
    }

    static Document of(ModelSummary.Listing listing) {
        Document.Builder d = Document.builder();
        for (ModelSummary m : listing.models()) {
            Line head = Line.of().strong(m.id());
            if (m.name() != null && !m.name().equals(m.id())) {
                head.text(" — " + m.name());
            }
            if (m.hypothetical()) {
                head.warning("  (hypothetical)");
            }
            d.heading(2, null, head);
            String parent = m.parent() == null ? "none (trained from scratch" + (m.base() == null ? ""
                    : "; base outside the knowledge base: " + m.base()) + ")" : m.parent() + "  — " + m.parentSource();
            List<List<Span>> parentNotes = new ArrayList<>();
            if (m.parentDisputed()) {
                parentNotes.add(Line.of("disputed; also stated: " + String.join("; ", m.parentAlternatives())).spans());
            }
            for (Note n : m.doubts()) {
                parentNotes.add(Line.of().warning("doubt: " + n.text()).text("  ").add(Phrases.rule(n)).spans());
            }
            String stages = m.stages().isEmpty() ? "none of its own (inherits its parent's)" : String.join(", ", m.stages());
            List<Block.Row> rows = List.of(row("parent:", parent, parentNotes), row("size:", m.parameters(), List.of()),
                    row("stages:", stages, m.absentStages().stream().map(s -> Line.of().muted(s).spans()).toList()));
            d.add(new Block.Table(null, 2, false, List.of(Cells.column("", 0, 12), Cells.column("", 0, 0)), rows, 1, 0));
        }
        return d.paragraph(listing.models().size() + " models").build();
    }

    private static Block.Row row(String label, String value, List<List<Span>> notes) {
        return new Block.Row(null, List.of(Cells.of(label), Cells.of(value)), notes);
    }
}
