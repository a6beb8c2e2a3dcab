package org.origins.render.answers;

import org.origins.explain.WhatIf;
import org.origins.render.Graph;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A counterfactual as a graph: the change, the models it reaches, and each conclusion that changes. */
final class WhatIfGraph {
    private WhatIfGraph() {
    }

    static Graph whatIf(WhatIf w) {
        Graph g = new Graph("what if " + w.model() + ": " + String.join("; ", w.trainingChanges()), "TB");
        List<String> root = new ArrayList<>();
        root.add("what if " + w.model());
        root.addAll(w.trainingChanges());
        g.node("change", Graph.Kind.NOTE, root);
        Map<String, String> models = new LinkedHashMap<>();
        int i = 0;
        for (WhatIf.LevelChange c : w.changes()) {
            String m = models.get(c.model());
            if (m == null) {
                m = "m" + (models.size() + 1);
                models.put(c.model(), m);
                g.node(m, Graph.Kind.MODEL, List.of(c.model()));
                g.edge("change", m, c.model().equals(w.model()) ? "" : "trained from " + w.model(), false);
            }
            String id = "d" + (++i);
            List<String> lines = new ArrayList<>();
            lines.add(c.ability());
            lines.add(c.before().id() + " → " + c.after().id());
            c.lost().forEach(l -> lines.add("no longer: " + l));
            c.gained().forEach(l -> lines.add("now: " + l));
            g.add(new Graph.Node(id, Graph.Kind.DERIVED, (lines), c.after(), false, false, null, null));
            g.edge(m, id, c.before().sign() + " → " + c.after().sign(), false);
        }
        if (!w.otherChanges().isEmpty()) {
            List<String> lines = new ArrayList<>();
            lines.add("other conclusions that change");
            lines.addAll(w.otherChanges());
            g.node("other", Graph.Kind.NOTE, lines);
            g.edge("change", "other", "", true);
        }
        if (w.changes().isEmpty() && w.otherChanges().isEmpty()) {
            g.node("same", Graph.Kind.NOTE, List.of("no conclusion changes"));
            g.edge("change", "same", "", true);
        }
        return g;
    }

}
