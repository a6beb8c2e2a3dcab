package org.origins.render;

import org.origins.explain.AbilityProof;
import org.origins.explain.Comparison;
import org.origins.explain.FieldNote;
import org.origins.explain.EvolutionTree;
import org.origins.explain.Note;
import org.origins.explain.ProofNode;
import org.origins.explain.ProofStep;
import org.origins.explain.RuleStep;
import org.origins.explain.WhatIf;
import org.origins.explain.WhyNot;
import org.origins.kb.Grade;
import org.origins.kb.Level;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The drawing of an answer, independent of the graph language: nodes of a kind (which decides the
 * shape), edges with labels, clusters. Mermaid and DOT both draw from it, so the two always show
 * the same graph. Built only from the answer's own values, in the answer's order: the same answer
 * gives the same graph.
 */
public final class Graph {
    /** What a node stands for; each kind has its own shape. */
    enum Kind {
        /** The conclusion asked about. */
        GOAL,
        /** A fact stated in the knowledge base (with its source). */
        STATED,
        /** A fact concluded by rules. */
        DERIVED,
        /** A rule applied. */
        RULE,
        /** A derived fact below the depth limit. */
        ELIDED,
        /** A side remark: a mechanism, a doubt, what a rule would need. */
        NOTE,
        /** A model of the evolution tree. */
        MODEL,
        /** A rule condition that matched, failed, or was not reached. */
        MATCHED, FAILED, NOT_REACHED
    }

    /** {@code lines}: the label, one entry a line. {@code level}: colours the node by level when not null. */
    record Node(String id, Kind kind, List<String> lines, Level level, boolean disputed, boolean hypothetical,
                String cluster, String link) {
        Node {
            lines = List.copyOf(lines);
        }
    }

    /** {@code label} may hold several lines separated by '\n'. {@code disputed}: a link a source disputes (drawn red). */
    record Edge(String from, String to, String label, boolean dashed, boolean disputed) {
    }

    record Cluster(String id, String label) {
    }

    final String title;
    /** Layout direction: BT (evidence below, conclusion on top), TB or LR. */
    final String direction;
    final List<Node> nodes = new ArrayList<>();
    final List<Edge> edges = new ArrayList<>();
    final List<Cluster> clusters = new ArrayList<>();
    private final Map<String, Node> byId = new HashMap<>();

    private Graph(String title, String direction) {
        this.title = title;
        this.direction = direction;
    }

    private Node node(String id, Kind kind, List<String> lines) {
        return add(new Node(id, kind, clean(lines), null, false, false, null, null));
    }

    private Node add(Node n) {
        if (byId.containsKey(n.id())) {
            return byId.get(n.id());
        }
        nodes.add(n);
        byId.put(n.id(), n);
        return n;
    }

    private void edge(String from, String to, String label, boolean dashed) {
        edges.add(new Edge(from, to, label == null ? "" : label, dashed, false));
    }

    private void disputedEdge(String from, String to, String label) {
        edges.add(new Edge(from, to, label == null ? "" : label, true, true));
    }

    /** Labels are single-spaced lines: rule conditions may span lines and indentation in their files. */
    private static List<String> clean(List<String> lines) {
        List<String> out = new ArrayList<>();
        for (String l : lines) {
            if (l != null && !l.isBlank()) {
                out.add(l.strip().replaceAll("\\s+", " "));
            }
        }
        return out;
    }

    private static String grade(Grade g) {
        return g == null ? "" : g.label();
    }

    static boolean supports(Object answer) {
        return answer instanceof AbilityProof || answer instanceof WhyNot || answer instanceof Comparison
                || answer instanceof WhatIf || answer instanceof EvolutionTree;
    }

    static Graph of(Object answer) {
        if (answer instanceof AbilityProof p) {
            return why(p);
        }
        if (answer instanceof WhyNot w) {
            return whyNot(w);
        }
        if (answer instanceof Comparison c) {
            return compare(c);
        }
        if (answer instanceof WhatIf w) {
            return whatIf(w);
        }
        if (answer instanceof EvolutionTree l) {
            return lineage(l, false);
        }
        throw new IllegalArgumentException("no graph form for " + answer.getClass().getSimpleName());
    }

    // ---- why: the proof graph -----------------------------------------------------------------

    public static Graph why(AbilityProof p) {
        Graph g = new Graph(p.model() + " · " + p.ability() + ": " + p.level().id()
                + (p.grade() == null ? "" : " (" + p.grade().label() + ")"), "BT");
        new ProofDrawing(g).draw(p);
        return g;
    }

    /** Draws one proof: conclusion, steps, rules and premises; a fact shown once is one node. */
    private static final class ProofDrawing {
        private final Graph g;
        private final Map<String, String> refs = new HashMap<>();
        private int rules;
        private int elided;

        ProofDrawing(Graph g) {
            this.g = g;
        }

        void draw(AbilityProof p) {
            List<String> goal = new ArrayList<>();
            goal.add(p.model() + " · " + p.ability());
            goal.add(p.abilityName());
            goal.add(p.level().id() + " " + p.level().sign() + (p.grade() == null ? "" : " · " + p.grade().label()));
            if (p.hypothetical()) {
                goal.add("hypothetical model: predicted, not observed");
            }
            g.add(new Node("goal", Kind.GOAL, clean(goal), p.level(), false, p.hypothetical(), null, null));
            if (p.lacks() && p.hint() != null) {
                g.node("hint", Kind.NOTE, List.of(p.hint()));
                g.edge("hint", "goal", "", true);
            }
            int i = 0;
            for (ProofStep s : p.steps()) {
                String id = "s" + (++i);
                String where = s.stage() + " " + s.kind() + (s.inherited() ? " (inherited from " + s.model() + ")" : "");
                String move = s.changed() ? s.change() + ": " + s.before().id() + " → " + s.after().id()
                        : s.change() + ": no change (" + s.after().id() + ")";
                g.node(id, Kind.DERIVED, List.of(where, move));
                g.edge(id, "goal", grade(s.grade()), !s.changed());
                for (RuleStep r : s.because()) {
                    rule(r, id);
                }
            }
            int k = 0;
            for (AbilityProof.ParentLink l : p.lineage()) {
                String id = "p" + (++k);
                List<String> lines = new ArrayList<>();
                lines.add("parent: " + l.model() + " ← " + l.parent());
                lines.add(l.source() + ", " + l.status());
                if (l.disputed()) {
                    lines.add("DISPUTED; also stated: " + String.join("; ", l.alternatives()));
                }
                g.add(new Node(id, Kind.STATED, clean(lines), null, l.disputed(), false, null, null));
                if (l.disputed()) {
                    g.disputedEdge(id, "goal", "lineage");
                } else {
                    g.edge(id, "goal", "lineage", true);
                }
            }
            int n = 0;
            for (Note d : p.baseDoubts()) {
                String id = "x" + (++n);
                g.node(id, Kind.NOTE, List.of("doubt: " + d.text(), note(d)));
                g.edge(id, "goal", grade(d.grade()), true);
            }
            for (Note m : p.mechanisms()) {
                String id = "x" + (++n);
                g.node(id, Kind.NOTE, List.of("mechanism: " + m.text(), note(m)));
                g.edge(id, "goal", grade(m.grade()), true);
            }
        }

        private static String note(Note n) {
            return n.rule() == null ? "" : "rule " + n.rule();
        }

        private void rule(RuleStep r, String concludes) {
            String id = "r" + (++rules);
            g.node(id, Kind.RULE, List.of("rule " + r.rule(), r.source() == null ? "" : r.source()));
            g.edge(id, concludes, grade(r.grade()), false);
            for (ProofNode premise : r.premises()) {
                premise(premise, id);
            }
        }

        private void premise(ProofNode n, String rule) {
            if (n instanceof ProofNode.Stated s) {
                List<String> lines = new ArrayList<>();
                lines.add(s.ref() + " " + s.fact());
                boolean disputed = false;
                for (FieldNote f : s.fields()) {
                    lines.add(field(f));
                    disputed |= f.disputed();
                }
                lines.add(s.citation() == null ? "" : s.citation());
                String id = factId(s.ref());
                g.add(new Node(id, Kind.STATED, clean(lines), null, disputed, false, null, null));
                if (disputed) {
                    g.disputedEdge(id, rule, grade(s.grade()));
                } else {
                    g.edge(id, rule, grade(s.grade()), false);
                }
            } else if (n instanceof ProofNode.Derived d) {
                String id = factId(d.ref());
                g.node(id, Kind.DERIVED, List.of(d.ref() + " " + d.fact()));
                g.edge(id, rule, grade(d.grade()), false);
                for (RuleStep j : d.justifications()) {
                    rule(j, id);
                }
            } else if (n instanceof ProofNode.SeeAbove s) {
                String id = refs.get(s.ref());
                if (id == null) {
                    id = factId(s.ref());
                    g.node(id, Kind.STATED, List.of(s.ref() + " " + s.fact()));
                }
                List<String> disputed = s.fields().stream().filter(FieldNote::disputed).map(FieldNote::field).toList();
                List<String> label = new ArrayList<>();
                for (FieldNote f : s.fields()) {
                    label.add(field(f));
                }
                if (disputed.isEmpty()) {
                    g.edge(id, rule, String.join("\n", label), false);
                } else {
                    g.disputedEdge(id, rule, String.join("\n", label));
                }
            } else if (n instanceof ProofNode.Elided e) {
                String id = "e" + (++elided);
                g.node(id, Kind.ELIDED, List.of(e.fact(), "(deeper than --depth)"));
                g.edge(id, rule, grade(e.grade()), true);
            }
        }

        private String factId(String ref) {
            return refs.computeIfAbsent(ref, r -> "f" + r.replaceAll("[^0-9A-Za-z]", ""));
        }

        private static String field(FieldNote f) {
            StringBuilder b = new StringBuilder(f.field()).append(" = ").append(f.value());
            if (f.inheritedFrom() != null) {
                b.append(" (inherited from ").append(f.inheritedFrom()).append(")");
            }
            if (f.assumed()) {
                b.append(" ASSUMED");
            }
            if (f.disputed()) {
                b.append(" — DISPUTED; also stated: ").append(String.join("; ", f.alternatives()));
            }
            return b.toString();
        }
    }

    // ---- why-not --------------------------------------------------------------------------------

    public static Graph whyNot(WhyNot w) {
        Graph g = new Graph(w.model() + " · " + w.ability() + ": " + w.level().id() + ", not " + w.target().id(), "BT");
        List<String> goal = new ArrayList<>();
        goal.add(w.model() + " · " + w.ability());
        goal.add(w.level() == Level.NONE ? "none — lacks it" : w.level().id() + " " + w.level().sign() + " — below " + w.target().id());
        if (w.hypothetical()) {
            goal.add("hypothetical model: predicted, not observed");
        }
        for (String from : w.currentLevelFrom()) {
            goal.add("level from: " + from);
        }
        g.add(new Node("goal", Kind.GOAL, clean(goal), w.level(), false, w.hypothetical(), null, null));
        int i = 0;
        for (WhyNot.Candidate c : w.candidates()) {
            String id = "r" + (++i);
            List<String> lines = new ArrayList<>();
            lines.add("rule " + c.rule());
            lines.add(c.concludes() + (c.grade() == null ? "" : " · " + c.grade().label()));
            if (c.firedAt() != null) {
                lines.add("fired at " + c.firedAt());
            }
            for (String o : c.overriddenBy()) {
                lines.add("overridden by " + o);
            }
            g.node(id, Kind.RULE, lines);
            g.edge(id, "goal", c.status(), !c.status().equals("fired") && !c.status().equals("no-change"));
            int k = 0;
            for (WhyNot.ConditionCheck check : c.conditions()) {
                String cid = "c" + i + "_" + (++k);
                List<String> cl = new ArrayList<>();
                cl.add(check.condition());
                Kind kind;
                String label;
                if (check.state().equals("matched")) {
                    kind = Kind.MATCHED;
                    label = "matched";
                    if (check.matched() != null) {
                        cl.add("matched: " + check.matched());
                    }
                } else if (check.state().equals("fails")) {
                    kind = Kind.FAILED;
                    label = "no match";
                    if (check.failingConstraint() != null) {
                        cl.add("fails at: " + check.failingConstraint());
                    }
                    if (check.nearMiss() != null) {
                        cl.add("nearest: " + check.nearMiss());
                    }
                } else {
                    kind = Kind.NOT_REACHED;
                    label = "not reached";
                }
                g.node(cid, kind, cl);
                g.edge(cid, id, label, kind != Kind.MATCHED);
            }
            if (c.needs() != null) {
                String nid = "n" + i;
                g.node(nid, Kind.NOTE, List.of("needs: " + c.needs()));
                g.edge(nid, id, "would need", true);
            }
        }
        if (w.candidates().isEmpty()) {
            g.node("none", Kind.NOTE, List.of("no rule in the rule base can raise " + w.ability() + " above " + w.level().id()));
            g.edge("none", "goal", "", true);
        }
        return g;
    }

    // ---- compare --------------------------------------------------------------------------------

    public static Graph compare(Comparison c) {
        Graph g = new Graph(c.a() + " vs " + c.b(), "TB");
        Map<String, String> models = new LinkedHashMap<>();
        String anc = c.commonAncestor();
        if (anc != null) {
            models.put(anc, "m0");
            g.node("m0", Kind.MODEL, List.of(anc, "common ancestor"));
        }
        String a = models.computeIfAbsent(c.a(), k -> "ma");
        String b = models.computeIfAbsent(c.b(), k -> "mb");
        g.node(a, Kind.MODEL, List.of(c.a()));
        g.node(b, Kind.MODEL, List.of(c.b()));
        chain(g, anc == null ? null : models.get(anc), a, "a", c.onlyA());
        chain(g, anc == null ? null : models.get(anc), b, "b", c.onlyB());
        if (!c.fields().isEmpty()) {
            List<String> lines = new ArrayList<>();
            lines.add("training differences (" + c.a() + " vs " + c.b() + ")");
            for (Comparison.FieldDiff f : c.fields()) {
                lines.add(f.field() + ": " + f.a() + " vs " + f.b());
            }
            g.node("fields", Kind.NOTE, lines);
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
            g.node(id, Kind.DERIVED, lines);
            g.edge(a, id, d.a().id(), d.a().compareTo(d.b()) < 0);
            g.edge(b, id, d.b().id(), d.b().compareTo(d.a()) < 0);
        }
        if (c.abilities().isEmpty()) {
            g.node("same", Kind.NOTE, List.of("the same levels everywhere"));
        }
        return g;
    }

    /** The stages one side has and the other lacks, from the common ancestor down to the model. */
    private static void chain(Graph g, String from, String to, String side, List<String> stages) {
        String prev = from;
        int i = 0;
        for (String s : stages) {
            String id = "t" + side + (++i);
            g.node(id, Kind.STATED, List.of(s));
            if (prev != null) {
                g.edge(prev, id, "", false);
            }
            prev = id;
        }
        if (prev != null && !prev.equals(to)) {
            g.edge(prev, to, "", false);
        }
    }

    // ---- what-if --------------------------------------------------------------------------------

    public static Graph whatIf(WhatIf w) {
        Graph g = new Graph("what if " + w.model() + ": " + String.join("; ", w.trainingChanges()), "TB");
        List<String> root = new ArrayList<>();
        root.add("what if " + w.model());
        root.addAll(w.trainingChanges());
        g.node("change", Kind.NOTE, root);
        Map<String, String> models = new LinkedHashMap<>();
        int i = 0;
        for (WhatIf.LevelChange c : w.changes()) {
            String m = models.get(c.model());
            if (m == null) {
                m = "m" + (models.size() + 1);
                models.put(c.model(), m);
                g.node(m, Kind.MODEL, List.of(c.model()));
                g.edge("change", m, c.model().equals(w.model()) ? "" : "trained from " + w.model(), false);
            }
            String id = "d" + (++i);
            List<String> lines = new ArrayList<>();
            lines.add(c.ability());
            lines.add(c.before().id() + " → " + c.after().id());
            c.lost().forEach(l -> lines.add("no longer: " + l));
            c.gained().forEach(l -> lines.add("now: " + l));
            g.add(new Node(id, Kind.DERIVED, clean(lines), c.after(), false, false, null, null));
            g.edge(m, id, c.before().sign() + " → " + c.after().sign(), false);
        }
        if (!w.otherChanges().isEmpty()) {
            List<String> lines = new ArrayList<>();
            lines.add("other conclusions that change");
            lines.addAll(w.otherChanges());
            g.node("other", Kind.NOTE, lines);
            g.edge("change", "other", "", true);
        }
        if (w.changes().isEmpty() && w.otherChanges().isEmpty()) {
            g.node("same", Kind.NOTE, List.of("no conclusion changes"));
            g.edge("change", "same", "", true);
        }
        return g;
    }

    // ---- lineage --------------------------------------------------------------------------------

    static final String HYPOTHETICAL = "hypothetical";

    /** The evolution tree; with {@code links}, each model links to its row in the report ({@code #model-ID}). */
    public static Graph lineage(EvolutionTree l, boolean links) {
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
            g.clusters.add(new Cluster(HYPOTHETICAL, "hypothetical models (predicted, not observed)"));
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
            g.add(new Node(ids.get(n.id()), n.external() ? Kind.NOTE : Kind.MODEL, clean(lines), null, false,
                    n.hypothetical(), n.hypothetical() ? HYPOTHETICAL : null,
                    links && !n.external() ? "#model-" + slug(n.id()) : null));
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

    /** An anchor-safe form of an id, shared by the report's links and anchors. */
    static String slug(String id) {
        return id.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "");
    }

    // ---- palette ------------------------------------------------------------------------------

    /** The fill of a level, the same in every format: grey, yellow, light green, dark green. */
    static String fill(Level l) {
        return switch (l) {
            case NONE -> "#eeeeee";
            case WEAK -> "#fff59d";
            case PRESENT -> "#a5d6a7";
            case STRONG -> "#2e7d32";
        };
    }

    /** The text colour on {@link #fill(Level)}. */
    static String ink(Level l) {
        return l == Level.STRONG ? "#ffffff" : "#000000";
    }
}
