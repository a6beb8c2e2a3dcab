package org.origins.explain;

import org.origins.kb.Status;

import java.util.List;

/**
 * The evolution tree: the answer to {@code origins lineage}. {@code models} lists every model depth
 * first (roots by release date, each followed by its descendants); {@code edges} the parent links,
 * each carrying the training stages the child went through after its parent. A disputed parent
 * link is followed by the alternative parents the sources state, as edges with {@code chosen}
 * false.
 */
public record EvolutionTree(String schema, List<ModelNode> models, List<ParentEdge> edges) implements Answer {
    public static final String SCHEMA = "origins.lineage/1";

    @Override
    public <R> R accept(Answer.Visitor<R> visitor) {
        return visitor.lineage(this);
    }

    public EvolutionTree {
        models = List.copyOf(models);
        edges = List.copyOf(edges);
    }

    /**
     * A model. {@code parent} is the chosen parent (null for a root), {@code depth} its distance from
     * its root. A root carries its own stages ({@code stages}); every other model's stages are on the
     * edge from its parent. {@code base}: a base model outside the knowledge base. {@code external}:
     * a parent named by a source but not in the knowledge base (only alternatives can be).
     */
    public record ModelNode(String id, String name, String parameters, boolean hypothetical, boolean root, boolean external,
                            String parent, int depth, String base, List<StageEntry> stages) {
        public ModelNode {
            stages = List.copyOf(stages);
        }
    }

    /**
     * A parent link from {@code parent} to {@code child}: the chosen one (with the child's own stages)
     * or, when the parent is disputed, an alternative ({@code chosen} false, no stages).
     * {@code source} and {@code status} are those of the statement behind the link.
     */
    public record ParentEdge(String parent, String child, boolean chosen, boolean disputed, String source, Status status,
                             List<StageEntry> stages) {
        public ParentEdge {
            stages = List.copyOf(stages);
        }

        /** "ESSAY figure, inferred": who states the link, and how. */
        public String citation() {
            return source + ", " + status;
        }
    }

    /**
     * One training stage: {@code id} is MODEL#N. {@code inferred}: stated by inference only.
     * {@code present} false: its existence is disputed and not assumed (it takes no part in reasoning).
     */
    public record StageEntry(String id, String kind, boolean inferred, boolean present) {
        /** "code-training (inferred)", "rlhf (disputed, not assumed)". */
        public String label() {
            return kind + (inferred ? " (inferred)" : "") + (present ? "" : " (disputed, not assumed)");
        }
    }

    /** The parent links stated for a model: the chosen one and any alternatives. */
    public List<ParentEdge> parentLinks(String model) {
        return edges.stream().filter(e -> e.child().equals(model)).toList();
    }

    /** The parent link the knowledge base chose for a model, or null for a root. */
    public ParentEdge chosenParent(String model) {
        return parentLinks(model).stream().filter(ParentEdge::chosen).findFirst().orElse(null);
    }

    /** The parents stated for a model besides the chosen one, each as "PARENT (SOURCE, STATUS)". */
    public List<String> otherParents(String model) {
        return parentLinks(model).stream().filter(e -> !e.chosen()).map(e -> e.parent() + " (" + e.citation() + ")").toList();
    }

    /** A model's own stages: those on its chosen parent link, or, for a root, the node's. */
    public List<StageEntry> ownStages(ModelNode node) {
        ParentEdge chosen = chosenParent(node.id());
        return chosen == null ? node.stages() : chosen.stages();
    }
}
