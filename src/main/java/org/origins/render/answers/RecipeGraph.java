package org.origins.render.answers;

import org.origins.explain.Necessity;
import org.origins.explain.Recipes;
import org.origins.render.Graph;

import java.util.ArrayList;
import java.util.List;

/** What it would take, as a graph: the model, each recipe reached by its changes; and the ingredients an ability needs. */
final class RecipeGraph {
    private RecipeGraph() {
    }

    static Graph of(Recipes a) {
        Graph g = new Graph("what it would take: " + a.model() + " " + a.ability() + "=" + a.target().id(), "LR");
        g.add(new Graph.Node("model", Graph.Kind.MODEL, List.of(a.model(), a.ability() + ": " + a.level().id()), a.level(), false,
                false, null, null));
        int n = 0;
        for (Recipes.Recipe r : a.recipes()) {
            String id = "r" + (++n);
            g.add(new Graph.Node(id, Graph.Kind.DERIVED, List.of("recipe " + n + ": " + r.id(), a.ability() + ": " + r.level().id()),
                    r.level(), false, true, null, null));
            g.edge("model", id, steps(r), false);
        }
        if (a.nearest() != null) {
            g.add(new Graph.Node("nearest", Graph.Kind.NOTE, List.of("nearest", a.ability() + ": " + a.nearest().level().id()),
                    a.nearest().level(), false, true, null, null));
            g.edge("model", "nearest", steps(a.nearest()), true);
        }
        if (!a.obstacles().isEmpty()) {
            List<String> lines = new ArrayList<>();
            lines.add("in the way");
            lines.addAll(a.obstacles());
            g.node("obstacles", Graph.Kind.NOTE, lines);
            g.edge("model", "obstacles", "", true);
        }
        return g;
    }

    private static String steps(Recipes.Recipe r) {
        return String.join("\n", r.changes().stream().map(Recipes.Step::text).toList());
    }

    static Graph of(Necessity a) {
        Graph g = new Graph("what " + a.model() + "'s " + a.ability() + " needs", "LR");
        g.add(new Graph.Node("goal", Graph.Kind.GOAL, List.of(a.model() + " · " + a.ability(), a.level().id()), a.level(), false,
                false, null, null));
        int n = 0;
        for (Necessity.Ingredient i : a.necessary()) {
            g.add(new Graph.Node("n" + (++n), Graph.Kind.STATED, List.of(i.what()), null, false, false, null, null));
            g.edge("n" + n, "goal", "necessary: without it " + i.levelWithout().id(), false);
        }
        for (Necessity.Ingredient i : a.redundant()) {
            g.add(new Graph.Node("n" + (++n), Graph.Kind.STATED, List.of(i.what()), null, false, false, null, null));
            g.edge("n" + n, "goal", "redundant", true);
        }
        for (Necessity.Ingredient i : a.against()) {
            g.add(new Graph.Node("n" + (++n), Graph.Kind.STATED, List.of(i.what()), null, false, false, null, null));
            g.edge("n" + n, "goal", "holds it back: without it " + i.levelWithout().id(), true);
        }
        return g;
    }
}
