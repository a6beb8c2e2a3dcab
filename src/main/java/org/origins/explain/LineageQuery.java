package org.origins.explain;

import org.origins.kb.KnowledgeBase;
import org.origins.kb.ModelRecord;
import org.origins.kb.StageRecord;
import org.origins.kb.Statement;
import org.origins.kb.Status;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Builds the evolution tree from the knowledge base: models, parent links, and the stages on each link. */
public final class LineageQuery {
    private LineageQuery() {
    }

    public static EvolutionTree of(KnowledgeBase kb) {
        return of(kb, ModelSelection.ALL);
    }

    /**
     * The tree of the selected models and their ancestors (so that it stays one tree): the links to the
     * parents of other models, and the alternatives that name them, are left out.
     */
    public static EvolutionTree of(KnowledgeBase kb, ModelSelection selection) {
        selection.checked(kb);
        Set<String> kept = new LinkedHashSet<>();
        for (ModelRecord m : kb.models()) {
            if (selection.test(m)) {
                kb.chain(m.id()).forEach(a -> kept.add(a.id()));
            }
        }
        List<EvolutionTree.ModelNode> nodes = new ArrayList<>();
        List<EvolutionTree.ParentEdge> edges = new ArrayList<>();
        Set<String> external = new LinkedHashSet<>();
        for (ModelRecord m : kb.models()) {
            if (!kept.contains(m.id())) {
                continue;
            }
            String parent = m.parent().value();
            boolean root = parent == null || kb.model(parent).isEmpty() || parent.equals(m.id());
            List<EvolutionTree.StageEntry> stages = stages(m);
            nodes.add(new EvolutionTree.ModelNode(m.id(), m.name(), m.parameters().value() == null ? null
                    : Describe.value("parameters", m.parameters().value()), m.hypothetical(), root, false,
                    root ? null : parent, Math.max(0, kb.chain(m.id()).size() - 1), m.base(), root ? stages : List.of()));
            if (root) {
                continue;
            }
            Statement<String> chosen = m.parent().chosen().orElseThrow();
            boolean disputed = m.parent().isDisputed();
            edges.add(new EvolutionTree.ParentEdge(parent, m.id(), true, disputed, chosen.citation(), chosen.status(), stages));
            if (!disputed) {
                continue;
            }
            Set<String> seen = new LinkedHashSet<>();
            for (Statement<String> alt : m.parent().alternatives()) {
                boolean elsewhere = kb.model(alt.value()).isPresent() && !kept.contains(alt.value());
                if (!seen.add(alt.value() + "\u0000" + alt.citation()) || elsewhere) {
                    continue;
                }
                edges.add(new EvolutionTree.ParentEdge(alt.value(), m.id(), false, true, alt.citation(), alt.status(), List.of()));
                if (kb.model(alt.value()).isEmpty()) {
                    external.add(alt.value());
                }
            }
        }
        for (String e : external) {
            nodes.add(new EvolutionTree.ModelNode(e, null, null, false, true, true, null, 0, null, List.of()));
        }
        return new EvolutionTree(EvolutionTree.SCHEMA, nodes, edges);
    }

    private static List<EvolutionTree.StageEntry> stages(ModelRecord m) {
        List<EvolutionTree.StageEntry> out = new ArrayList<>();
        for (StageRecord s : m.stages()) {
            out.add(new EvolutionTree.StageEntry(m.id() + "#" + s.order(), s.kind(), s.status() == Status.INFERRED, s.isPresent()));
        }
        return out;
    }
}
