package org.origins.render.answers;

import org.origins.explain.Recipes;
import org.origins.recipe.RecipeFile;
import org.origins.recipe.Values;
import org.origins.render.Block;
import org.origins.render.Document;
import org.origins.render.Line;

import java.util.ArrayList;
import java.util.List;

/**
 * What it would take ({@code origins recipe}): each recipe with its changes and the rule behind each,
 * the level the rules give it, what else it changes, its cost and its model file; or the nearest
 * draft and what stood in the way.
 */
final class RecipeDocument {
    private RecipeDocument() {
    }

    static Document of(Recipes a) {
        Document.Builder d = Document.builder();
        Line head = Line.of().strong(a.model() + " · " + a.ability()).text(" (" + a.abilityName() + "): ").add(Phrases.level(a.level()))
                .text(" → wanted: ").add(Phrases.level(a.target()));
        d.heading(2, null, head);
        Recipes.Bounds b = a.bounds();
        switch (a.verdict()) {
            case HAS_IT -> {
                return d.paragraph(Line.of("it has it already; ").code("origins why " + a.model() + " " + a.ability())
                        .text(" shows the proof, ").code("origins recipe " + a.model() + " " + a.ability() + " --necessary")
                        .text(" what it needs")).build();
            }
            case FOUND -> d.paragraph(Line.of(a.recipes().size() + (a.recipes().size() == 1 ? " recipe" : " recipes")
                    + (a.more() > 0 ? " (and " + a.more() + " more)" : "") + " of at most " + changes(b.maxChanges())
                    + ", ranked by " + b.cost() + searched(b)));
            case NONE -> d.paragraph(Line.of().warning("no change of at most " + changes(b.maxChanges()) + " gives it")
                    .text(searched(b)));
        }
        d.add(new Block.Diagram(RecipeGraph.of(a)));
        d.lines(2, a.thresholds().stream().map(t -> Line.of().muted(t)).toList());
        int n = 0;
        for (Recipes.Recipe r : a.recipes()) {
            d.gap();
            d.heading(3, "recipe-" + (++n), Line.of().strong("recipe " + n + ": " + r.id()).text(" — ").add(Phrases.level(r.level()))
                    .text("  ").grade(r.grade()).text("  " + cost(r.cost())));
            body(d, r);
            d.paragraph(Line.of().muted("file:"));
            d.add(new Block.Preformatted(RecipeFile.yaml(List.of(r.file()))));
            if (r.proof() != null) {
                d.gap().addAll(ProofDocument.of(r.proof(), true, false));
            }
        }
        if (a.nearest() != null) {
            d.gap();
            d.heading(3, "nearest", Line.of().strong("nearest: ").add(Phrases.level(a.nearest().level()))
                    .text(" after " + changes(a.nearest().cost().changes()) + ":"));
            body(d, a.nearest());
        }
        if (!a.obstacles().isEmpty()) {
            d.gap().paragraph("in the way:");
            d.lines(2, a.obstacles().stream().map(Line::of).toList());
        }
        return d.build();
    }

    private static void body(Document.Builder d, Recipes.Recipe r) {
        List<Block.Item> items = new ArrayList<>();
        for (Recipes.Step s : r.changes()) {
            items.add(Cells.item(Line.of(s.text() + "  ").muted("for " + s.rule())));
        }
        d.add(new Block.Items(2, 2, false, items));
        List<Line> lines = new ArrayList<>();
        if (!r.decidedBy().isEmpty()) {
            lines.add(Line.of().muted("decided by: " + String.join(", ", r.decidedBy())));
        }
        List<Recipes.LevelChange> lost = r.sideEffects().stream().filter(x -> x.after().compareTo(x.before()) < 0).toList();
        List<Recipes.LevelChange> gained = r.sideEffects().stream().filter(x -> x.after().compareTo(x.before()) > 0).toList();
        if (!lost.isEmpty()) {
            lines.add(changed(Line.of().warning("costs: "), lost));
        }
        if (!gained.isEmpty()) {
            lines.add(changed(Line.of("also: "), gained));
        }
        d.lines(2, lines);
    }

    private static Line changed(Line l, List<Recipes.LevelChange> changes) {
        for (int i = 0; i < changes.size(); i++) {
            Recipes.LevelChange c = changes.get(i);
            l.text((i == 0 ? "" : ", ") + c.ability() + " " + c.before().id() + " → ").shaded(c.after(), c.after().id());
        }
        return l;
    }

    private static String changes(int n) {
        return n == 1 ? "1 change" : n + " changes";
    }

    /** "; 12 drafts judged by the rules (the search stopped at 400)". */
    private static String searched(Recipes.Bounds b) {
        return "; " + b.tried() + " drafts judged by the rules" + (b.keepStages() ? ", own stages kept" : "")
                + (b.capped() ? " (the search stopped at " + b.cap() + ")" : "");
    }

    /** "1 change · 100B tokens · 1.1e23 FLOP". */
    private static String cost(Recipes.Cost c) {
        StringBuilder s = new StringBuilder(changes(c.changes()));
        if (c.tokens() > 0) {
            s.append(" · ").append(Values.spec("tokens", c.tokens())).append(" tokens");
            if (c.flops() != null) {
                s.append(" · ").append(Values.number(c.flops())).append(" FLOP");
            }
        }
        if (c.unsized() > 0) {
            s.append(" · ").append(c.unsized()).append(c.unsized() == 1 ? " stage" : " stages").append(" without tokens stated");
        }
        return s.toString();
    }
}
