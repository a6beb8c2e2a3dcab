package org.origins.render.answers;

import org.origins.explain.Comparison;
import org.origins.render.Graph;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Two models compared as a graph: both histories from the common ancestor, the training differences, the ability differences. */
final class CompareGraph {
    private CompareGraph() {
    }

    static Graph compare(Comparison c) {
        Graph g = new Graph(c.a() + " vs " + c.b(), "TB");
        Map<String, String> models = new LinkedHashMap<>();
        String anc = c.commonAncestor();
        if (anc != null) {
            models.put(anc, "m0");
            g.node("m0", Graph.Kind.MODEL, List.of(anc, "common ancestor"));
        }
        String a = models.computeIfAbsent(c.a(), k -> "ma");
        String b = models.computeIfAbsent(c.b(), k -> "mb");
        g.node(a, Graph.Kind.MODEL, List.of(c.a()));
        g.node(b, Graph.Kind.MODEL, List.of(c.b()));
        chain(g, anc == null ? null : models.get(anc), a, "a", c.onlyA());
        chain(g, anc == null ? null : models.get(anc), b, "b", c.onlyB());
        if (!c.fields().isEmpty()) {
            List<String> lines = new ArrayList<>();
            lines.add("training differences (" + c.a() + " vs " + c.b() + ")");
            for (Comparison.FieldDiff f : c.fields()) {
                lines.add(f.field() + ": " + f.a() + " vs " + f.b());
            }
            g.node("fields", Graph.Kind.NOTE, lines);
        }
        int i = 0;
        for (Comparison.AbilityDiff d : c.abilities()) {
            String id = "d" + (++i);
            List<String> lines = new ArrayList<>();
            lines.add(d.ability());
            lines.add(c.a() + ": " + d.a().id() + " · " + c.b() + ": " + d.b().id());
            if (!d.explainedBy().isEmpty()) {
                lines.add("explained by: " + String.join("; ", d.explainedBy()));
            }
            g.node(id, Graph.Kind.DERIVED, lines);
            g.edge(a, id, d.a().id(), d.a().compareTo(d.b()) < 0);
            g.edge(b, id, d.b().id(), d.b().compareTo(d.a()) < 0);
        }
        if (c.abilities().isEmpty()) {
            g.node("same", Graph.Kind.NOTE, List.of("the same levels everywhere"));
        }
        return g;
    }

    /** The stages one side has and the other lacks, from the common ancestor down to the model. */
    private static void chain(Graph g, String from, String to, String side, List<String> stages) {
        String prev = from;
        int i = 0;
        for (String s : stages) {
            String id = "t" + side + (++i);
            g.node(id, Graph.Kind.STATED, List.of(s));
            if (prev != null) {
                g.edge(prev, id, "", false);
            }
            prev = id;
        }
        if (prev != null && !prev.equals(to)) {
            g.edge(prev, to, "", false);
        }
    }

}
