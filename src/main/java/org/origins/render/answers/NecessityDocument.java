package org.origins.render.answers;

import org.origins.explain.Necessity;
import org.origins.render.Block;
import org.origins.render.Document;
import org.origins.render.Line;

import java.util.List;

/**
 * Which ingredients an ability needs ({@code origins recipe --necessary}): those whose loss alone
 * lowers it, the stages that gave it but are redundant, and those whose loss would raise it.
 */
final class NecessityDocument {
    private NecessityDocument() {
    }

    static Document of(Necessity a) {
        Document.Builder d = Document.builder();
        d.heading(2, null, Line.of().strong(a.model() + " · " + a.ability()).text(" (" + a.abilityName() + "): ").add(Phrases.level(a.level())));
        d.paragraph(a.tried() + " ingredients of its history, each taken away alone and judged again by the rules");
        d.add(new Block.Diagram(RecipeGraph.of(a)));
        section(d, "necessary: without it, lower", a.necessary(), "none: no single ingredient lowers it");
        section(d, "redundant: gave it, but another ingredient gives it anyway", a.redundant(), null);
        section(d, "holding it back: without it, higher", a.against(), null);
        return d.build();
    }

    private static void section(Document.Builder d, String title, List<Necessity.Ingredient> items, String empty) {
        if (items.isEmpty() && empty == null) {
            return;
        }
        d.gap().paragraph(Line.of().strong(title));
        if (items.isEmpty()) {
            d.lines(2, List.of(Line.of().muted(empty)));
        }
        d.lines(2, items.stream().map(i -> Line.of(i.what() + " (" + i.part() + ")  ").muted(i.without() + " → ")
                .add(Phrases.level(i.levelWithout()))).toList());
    }
}
