package org.origins.render.answers;

import org.origins.explain.EvolutionTree;
import org.origins.render.Block;
import org.origins.render.Document;
import org.origins.render.Line;

import java.util.ArrayList;
import java.util.List;

/**
 * The evolution tree ({@code origins lineage}): its drawing, and each model under its parent with
 * the stages it went through after it; disputed parents and hypothetical models marked.
 */
final class LineageDocument {
    private LineageDocument() {
    }

    /** @param linked whether each model (in the drawing and in the tree) links to its anchor */
    static Document of(EvolutionTree tree, boolean linked) {
        List<EvolutionTree.ModelNode> nodes = tree.models().stream().filter(n -> !n.external()).toList();
        long hypothetical = nodes.stream().filter(EvolutionTree.ModelNode::hypothetical).count();
        return Document.builder().add(new Block.Diagram(LineageGraph.lineage(tree, linked)))
                .add(new Block.Tree(children(tree, nodes, 0, 0, linked)))
                .paragraph(nodes.size() + " models" + (hypothetical == 0 ? "" : ", " + hypothetical + " hypothetical"))
                .build();
    }

    /** The nodes at {@code depth} from index {@code from} on (the list is depth first), until the depth drops below. */
    private static List<Block.Node> children(EvolutionTree tree, List<EvolutionTree.ModelNode> nodes, int from, int depth,
                                             boolean linked) {
        List<Block.Node> out = new ArrayList<>();
        for (int i = from; i < nodes.size() && nodes.get(i).depth() >= depth; i++) {
            if (nodes.get(i).depth() == depth) {
                out.add(new Block.Node(lines(tree, nodes.get(i), linked), children(tree, nodes, i + 1, depth + 1, linked)));
            }
        }
        return out;
    }

    private static List<List<org.origins.render.Span>> lines(EvolutionTree tree, EvolutionTree.ModelNode n, boolean linked) {
        Line id = Line.of().strong(n.id());
        Line head = linked ? Links.model(n.id(), id) : id;
        if (n.name() != null && !n.name().equals(n.id())) {
            head.text(" — " + n.name());
        }
        if (n.hypothetical()) {
            head.warning("  (hypothetical)");
        }
        EvolutionTree.ParentEdge chosen = tree.chosenParent(n.id());
        List<EvolutionTree.StageEntry> stages = tree.ownStages(n);
        Line then = Line.of().muted((chosen == null ? "stages: " : "then: ")
                + (stages.isEmpty() ? "none of its own" : String.join(" → ", stages.stream().map(s -> s.id() + " " + s.label()).toList()))
                + (chosen == null && n.base() != null ? "  (base outside the knowledge base: " + n.base() + ")" : ""));
        List<List<org.origins.render.Span>> lines = new ArrayList<>(List.of(head.spans(), then.spans()));
        if (chosen != null && chosen.disputed()) {
            lines.add(Line.of().warning("parent " + chosen.parent() + " (" + chosen.citation() + ") DISPUTED; also stated: "
                    + String.join("; ", tree.otherParents(n.id()))).spans());
        }
        return lines;
    }
}
