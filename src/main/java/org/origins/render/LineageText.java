package org.origins.render;

import org.origins.explain.EvolutionTree;

import java.util.ArrayList;
import java.util.List;

/**
 * The evolution tree as indented text ({@code origins lineage}, default format): each model under
 * its parent with the stages it went through after it; disputed parents and hypothetical models
 * marked. Formats only.
 */
public final class LineageText {
    private final Style style;

    public LineageText(Style style) {
        this.style = style;
    }

    public String render(EvolutionTree l) {
        StringBuilder b = new StringBuilder();
        List<EvolutionTree.ModelNode> nodes = l.models().stream().filter(n -> !n.external()).toList();
        List<Boolean> lastAt = new ArrayList<>();
        for (int i = 0; i < nodes.size(); i++) {
            EvolutionTree.ModelNode n = nodes.get(i);
            int depth = n.depth();
            while (lastAt.size() <= depth) {
                lastAt.add(false);
            }
            lastAt.set(depth, last(nodes, i));
            StringBuilder guide = new StringBuilder();
            for (int k = 1; k < depth; k++) {
                guide.append(lastAt.get(k) ? "   " : "│  ");
            }
            String head = depth == 0 ? "" : guide + (lastAt.get(depth) ? "└─ " : "├─ ");
            String detail = (depth == 0 ? "" : guide + (lastAt.get(depth) ? "   " : "│  ")) + (hasChild(nodes, i) ? "│  " : "   ");
            EvolutionTree.ParentEdge chosen = l.chosenParent(n.id());
            b.append(head).append(style.bold(n.id()));
            if (n.name() != null && !n.name().equals(n.id())) {
                b.append(" — ").append(n.name());
            }
            if (n.hypothetical()) {
                b.append(style.warn("  (hypothetical)"));
            }
            b.append('\n');
            List<EvolutionTree.StageEntry> stages = l.ownStages(n);
            b.append(detail).append(style.dim((chosen == null ? "stages: " : "then: ")
                    + (stages.isEmpty() ? "none of its own" : String.join(" → ", stages.stream().map(LineageText::stage).toList()))
                    + (chosen == null && n.base() != null ? "  (base outside the knowledge base: " + n.base() + ")" : "")));
            b.append('\n');
            if (chosen != null && chosen.disputed()) {
                b.append(detail).append(style.warn("parent " + chosen.parent() + " (" + chosen.citation()
                        + ") DISPUTED; also stated: " + String.join("; ", l.otherParents(n.id())))).append('\n');
            }
        }
        long hyp = l.models().stream().filter(EvolutionTree.ModelNode::hypothetical).count();
        b.append(l.models().stream().filter(n -> !n.external()).count()).append(" models")
                .append(hyp == 0 ? "" : ", " + hyp + " hypothetical").append('\n');
        return b.toString();
    }

    /** Whether no later sibling follows node i (the models come depth first). */
    private static boolean last(List<EvolutionTree.ModelNode> nodes, int i) {
        int depth = nodes.get(i).depth();
        for (int j = i + 1; j < nodes.size(); j++) {
            if (nodes.get(j).depth() < depth) {
                return true;
            }
            if (nodes.get(j).depth() == depth) {
                return false;
            }
        }
        return true;
    }

    private static boolean hasChild(List<EvolutionTree.ModelNode> nodes, int i) {
        return i + 1 < nodes.size() && nodes.get(i + 1).depth() > nodes.get(i).depth();
    }

    private static String stage(EvolutionTree.StageEntry s) {
        return s.id() + " " + s.label();
    }
}
