package org.origins.render.answers;

import org.origins.explain.WhyNot;
import org.origins.render.Graph;

import java.util.ArrayList;
import java.util.List;

/** Why-not as a graph: the candidate rules under the conclusion, each with its conditions (matched, failed, not reached) and what it would need. */
final class WhyNotGraph {
    private WhyNotGraph() {
    }

    static Graph whyNot(WhyNot w) {
        boolean hasIt = w.verdict() == WhyNot.Verdict.HAS_IT;
        Graph g = new Graph(w.model() + " · " + w.ability() + ": " + w.level().id() + (hasIt ? ", at " + w.target().id() + " or above"
                : ", not " + w.target().id()), "BT");
        List<String> goal = new ArrayList<>();
        goal.add(w.model() + " · " + w.ability());
        goal.add(switch (w.verdict()) {
            case LACKS_IT -> "none — lacks it";
            case BELOW -> w.level().id() + " " + w.level().sign() + " — below " + w.target().id();
            case HAS_IT -> w.level().id() + " " + w.level().sign() + " — already has it at " + w.target().id() + " or above";
        });
        if (w.hypothetical()) {
            goal.add("hypothetical model: predicted, not observed");
        }
        for (String from : w.currentLevelFrom()) {
            goal.add("level from: " + from);
        }
        g.add(new Graph.Node("goal", Graph.Kind.GOAL, (goal), w.level(), false, w.hypothetical(), null, null));
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
            g.node(id, Graph.Kind.RULE, lines);
            g.edge(id, "goal", c.status().toString(), c.status() != WhyNot.CandidateState.FIRED
                    && c.status() != WhyNot.CandidateState.NO_CHANGE);
            int k = 0;
            for (WhyNot.ConditionCheck check : c.conditions()) {
                String cid = "c" + i + "_" + (++k);
                List<String> cl = new ArrayList<>();
                cl.add(check.condition());
                Graph.Kind kind;
                String label;
                if (check.state() == WhyNot.ConditionState.MATCHED) {
                    kind = Graph.Kind.MATCHED;
                    label = "matched";
                    if (check.matched() != null) {
                        cl.add("matched: " + check.matched());
                    }
                } else if (check.state() == WhyNot.ConditionState.FAILS) {
                    kind = Graph.Kind.FAILED;
                    label = "no match";
                    if (check.failingConstraint() != null) {
                        cl.add("fails at: " + check.failingConstraint());
                    }
                    if (check.nearMiss() != null) {
                        cl.add("nearest: " + check.nearMiss());
                    }
                } else {
                    kind = Graph.Kind.NOT_REACHED;
                    label = "not reached";
                }
                g.node(cid, kind, cl);
                g.edge(cid, id, label, kind != Graph.Kind.MATCHED);
            }
            if (c.needs() != null) {
                String nid = "n" + i;
                g.node(nid, Graph.Kind.NOTE, List.of("needs: " + c.needs()));
                g.edge(nid, id, "would need", true);
            }
        }
        if (w.candidates().isEmpty() && !hasIt) {
            g.node("none", Graph.Kind.NOTE, List.of("no rule in the rule base can raise " + w.ability() + " above " + w.level().id()));
            g.edge("none", "goal", "", true);
        }
        return g;
    }

}
