package org.origins.render.answers;

import org.origins.explain.EvolutionTree;
import org.origins.render.Anchors;
import org.origins.render.Graph;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The evolution tree as a graph: models as nodes, parent links as edges labelled with the stages after the parent; disputed links dashed red, hypothetical models in a cluster apart. */
final class LineageGraph {
    private LineageGraph() {
    }

    /** The evolution tree; with {@code links}, each model links to its row in the report ({@code #model-ID}). */
    static Graph lineage(EvolutionTree l, boolean links) {
        Graph g = new Graph("The evolution tree", "LR");
        Map<String, String> ids = new LinkedHashMap<>();
        for (EvolutionTree.ModelNode n : l.models()) {
            String id = "m_" + n.id().replaceAll("[^A-Za-z0-9]", "_");
            while (ids.containsValue(id)) {
                id = id + "_";
            }
            ids.put(n.id(), id);
        }
        if (l.models().stream().anyMatch(EvolutionTree.ModelNode::hypothetical)) {
            g.cluster(Graph.HYPOTHETICAL, "hypothetical models (predicted, not observed)");
        }
        for (EvolutionTree.ModelNode n : l.models()) {
            List<String> lines = new ArrayList<>();
            lines.add(n.id());
            if (n.name() != null && !n.name().equals(n.id())) {
                lines.add(n.name());
            }
            if (n.parameters() != null) {
                lines.add(n.parameters());
            }
            if (n.external()) {
                lines.add("(not in the knowledge base)");
            }
            if (n.base() != null) {
                lines.add("base: " + n.base());
            }
            if (n.root() && !n.stages().isEmpty()) {
                lines.add("stages: " + String.join(", ", n.stages().stream().map(EvolutionTree.StageEntry::label).toList()));
            }
            if (n.hypothetical()) {
                lines.add("hypothetical");
            }
            g.add(new Graph.Node(ids.get(n.id()), n.external() ? Graph.Kind.NOTE : Graph.Kind.MODEL, (lines), null, false,
                    n.hypothetical(), n.hypothetical() ? Graph.HYPOTHETICAL : null,
                    links && !n.external() ? Anchors.href(Anchors.model(n.id())) : null));
        }
        for (EvolutionTree.ParentEdge e : l.edges()) {
            List<String> label = new ArrayList<>();
            if (e.chosen()) {
                if (e.stages().isEmpty()) {
                    label.add("(no stages of its own)");
                }
                e.stages().forEach(s -> label.add(s.label()));
                if (e.disputed()) {
                    label.add("disputed parent: " + e.citation());
                }
            } else {
                label.add("also stated: " + e.citation());
            }
            if (e.disputed()) {
                g.disputedEdge(ids.get(e.parent()), ids.get(e.child()), String.join("\n", label));
            } else {
                g.edge(ids.get(e.parent()), ids.get(e.child()), String.join("\n", label), false);
            }
        }
        return g;
    }

}
