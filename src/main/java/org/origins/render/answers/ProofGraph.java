package org.origins.render.answers;

import org.origins.explain.AbilityProof;
import org.origins.explain.FieldNote;
import org.origins.explain.Note;
import org.origins.explain.ProofNode;
import org.origins.explain.ProofStep;
import org.origins.explain.RuleStep;
import org.origins.kb.Grade;
import org.origins.render.Graph;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The proof graph of a level: the conclusion on top, the steps, the rules and the facts they matched, notes; a fact shown once is one node. */
final class ProofGraph {
    private ProofGraph() {
    }

    private static String grade(Grade g) {
        return g == null ? "" : g.label();
    }

    static Graph why(AbilityProof p) {
        Graph g = new Graph(p.model() + " · " + p.ability() + ": " + p.level().id()
                + (p.grade() == null ? "" : " (" + p.grade().label() + ")"), "BT");
        new Drawing(g).draw(p);
        return g;
    }

    /** Draws one proof: conclusion, steps, rules and premises; a fact shown once is one node. */
    private static final class Drawing {
        private final Graph g;
        private final Map<String, String> refs = new HashMap<>();
        private int rules;
        private int elided;

        Drawing(Graph g) {
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
            g.add(new Graph.Node("goal", Graph.Kind.GOAL, (goal), p.level(), false, p.hypothetical(), null, null));
            if (p.lacks() && p.hint() != null) {
                g.node("hint", Graph.Kind.NOTE, List.of(p.hint()));
                g.edge("hint", "goal", "", true);
            }
            int i = 0;
            for (ProofStep s : p.steps()) {
                String id = "s" + (++i);
                String where = s.stage() + " " + s.kind() + (s.inherited() ? " (inherited from " + s.model() + ")" : "");
                String move = s.changed() ? s.change() + ": " + s.before().id() + " → " + s.after().id()
                        : s.change() + ": no change (" + s.after().id() + ")";
                g.node(id, Graph.Kind.DERIVED, List.of(where, move));
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
                g.add(new Graph.Node(id, Graph.Kind.STATED, (lines), null, l.disputed(), false, null, null));
                if (l.disputed()) {
                    g.disputedEdge(id, "goal", "lineage");
                } else {
                    g.edge(id, "goal", "lineage", true);
                }
            }
            int n = 0;
            for (Note d : p.baseDoubts()) {
                String id = "x" + (++n);
                g.node(id, Graph.Kind.NOTE, List.of("doubt: " + d.text(), note(d)));
                g.edge(id, "goal", grade(d.grade()), true);
            }
            for (Note m : p.mechanisms()) {
                String id = "x" + (++n);
                g.node(id, Graph.Kind.NOTE, List.of("mechanism: " + m.text(), note(m)));
                g.edge(id, "goal", grade(m.grade()), true);
            }
        }

        private static String note(Note n) {
            return n.rule() == null ? "" : "rule " + n.rule();
        }

        private void rule(RuleStep r, String concludes) {
            String id = "r" + (++rules);
            g.node(id, Graph.Kind.RULE, List.of("rule " + r.rule(), r.source() == null ? "" : r.source()));
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
                g.add(new Graph.Node(id, Graph.Kind.STATED, (lines), null, disputed, false, null, null));
                if (disputed) {
                    g.disputedEdge(id, rule, grade(s.grade()));
                } else {
                    g.edge(id, rule, grade(s.grade()), false);
                }
            } else if (n instanceof ProofNode.Derived d) {
                String id = factId(d.ref());
                g.node(id, Graph.Kind.DERIVED, List.of(d.ref() + " " + d.fact()));
                g.edge(id, rule, grade(d.grade()), false);
                for (RuleStep j : d.justifications()) {
                    rule(j, id);
                }
            } else if (n instanceof ProofNode.SeeAbove s) {
                String id = refs.get(s.ref());
                if (id == null) {
                    id = factId(s.ref());
                    g.node(id, Graph.Kind.STATED, List.of(s.ref() + " " + s.fact()));
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
                g.node(id, Graph.Kind.ELIDED, List.of(e.fact(), "(deeper than --depth)"));
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

}
