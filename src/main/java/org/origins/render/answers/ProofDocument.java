package org.origins.render.answers;

import org.origins.explain.AbilityProof;
import org.origins.explain.FieldNote;
import org.origins.explain.Note;
import org.origins.explain.ProofNode;
import org.origins.explain.ProofStep;
import org.origins.explain.RuleStep;
import org.origins.render.Anchors;
import org.origins.render.Block;
import org.origins.render.Document;
import org.origins.render.Line;

import java.util.ArrayList;
import java.util.List;

/**
 * The proof of a level ({@code origins why}): the summary, the model's history and parent links,
 * doubts, the proof graph, then each step as a tree (rule, claim, premises down to the stated facts
 * and their sources) and the mechanisms. In a report the proof is {@link #compact}: rules link to the
 * report's list of rules instead of repeating claims, a fact's fields follow it on one line.
 */
final class ProofDocument {
    private final boolean compact;
    /** Whether rules link to their anchors (a page that resolves them). */
    private final boolean linked;

    private ProofDocument(boolean compact, boolean linked) {
        this.compact = compact;
        this.linked = linked;
    }

    /**
     * @param diagram whether the proof graph is drawn (not for a proof set in under another answer)
     * @param linked  whether rules link to their anchors
     */
    static Document of(AbilityProof p, boolean diagram, boolean linked) {
        return new ProofDocument(false, linked).document(p, diagram);
    }

    /**
     * The proof as a report shows it under {@code heading}: rules linked, fields inline, its graph
     * folded away (a page shows it on request, under the id {@code pg-} and the proof's anchor).
     */
    static Document compact(AbilityProof p, Document.Builder d) {
        ProofDocument w = new ProofDocument(true, true);
        d.lines(0, w.context(p));
        d.add(new Block.Diagram("pg-" + Anchors.proof(p.model(), p.ability()), ProofGraph.why(p), "the proof as a graph"));
        if (!p.lacks()) {
            d.add(new Block.Tree(w.steps(p)));
        }
        d.lines(0, w.mechanisms(p));
        return d.build();
    }

    /** Proofs set in under what they explain. */
    static void quoted(int indent, List<AbilityProof> proofs, Document.Builder d) {
        if (!proofs.isEmpty()) {
            List<Block> blocks = new ArrayList<>();
            proofs.forEach(p -> blocks.addAll(of(p, false, false).blocks()));
            d.add(new Block.Quote(indent, blocks));
        }
    }

    /** "MODEL · ABILITY (NAMES): strong ++   grade: hypothesis". */
    static Line summary(AbilityProof p) {
        String names = p.abilityName() + (p.abilityNameZh() == null ? "" : " / " + p.abilityNameZh());
        Line l = Line.of().strong(p.model() + " · " + p.ability()).text(" (" + names + "): ").add(Phrases.level(p.level()));
        return p.grade() == null ? l : l.text("   grade: " + p.grade().label());
    }

    private Document document(AbilityProof p, boolean diagram) {
        Document.Builder d = Document.builder().heading(2, null, summary(p));
        d.lines(0, context(p));
        if (diagram) {
            d.add(new Block.Diagram(ProofGraph.why(p)));
        }
        d.gap();
        if (p.lacks()) {
            return d.paragraph(p.hint()).build();
        }
        d.add(new Block.Tree(steps(p)));
        d.lines(0, mechanisms(p));
        return d.build();
    }

    private List<Line> context(AbilityProof p) {
        List<Line> out = new ArrayList<>();
        if (p.hypothetical()) {
            out.add(Line.of().warning(Phrases.HYPOTHETICAL));
        }
        out.add(Line.of().muted("history: " + (p.history().isEmpty() ? "(no training stages)" : String.join(" → ", p.history()))));
        for (AbilityProof.ParentLink l : p.lineage()) {
            Line line = Line.of().muted("parent: " + l.model() + " ← " + l.parent() + " (" + l.source() + ", " + l.status() + ")");
            if (l.disputed()) {
                line.warning(" DISPUTED; also stated: " + String.join("; ", l.alternatives()));
            }
            out.add(line);
        }
        p.baseDoubts().forEach(d -> out.add(Phrases.doubt(d)));
        return out;
    }

    private List<Line> mechanisms(AbilityProof p) {
        List<Line> out = new ArrayList<>();
        for (Note m : p.mechanisms()) {
            out.add(Line.of().muted("mechanism: " + m.text() + "  " + (m.rule() == null ? "" : m.rule() + " ")).grade(m.grade()));
        }
        return out;
    }

    private List<Block.Node> steps(AbilityProof p) {
        List<Block.Node> out = new ArrayList<>();
        for (ProofStep s : p.steps()) {
            Line head = Line.of(s.stage() + " " + s.kind());
            if (s.inherited()) {
                head.muted(" (inherited from " + s.model() + ")");
            }
            head.text(": ").strong(s.change()).text("   ");
            if (s.changed()) {
                head.text(s.before().id() + " → ").shaded(s.after(), s.after().id());
            } else {
                head.muted("no change (" + s.after().id() + ")");
            }
            head.text("   ").grade(s.grade());
            out.add(node(List.of(head), s.because().stream().map(this::rule).toList()));
        }
        return out;
    }

    private Block.Node rule(RuleStep r) {
        List<Line> lines = new ArrayList<>();
        if (compact) {
            lines.add(Line.of("rule ").link(Anchors.href(Anchors.rule(r.rule())), Line.of().code(r.rule())).text("  ").grade(r.grade())
                    .muted(r.source() == null ? "" : "  " + r.source()));
        } else {
            Line id = Line.of().strong(r.rule());
            lines.add(Line.of("rule ").add(linked ? Line.of().link(Anchors.href(Anchors.rule(r.rule())), id) : id).text("  ").grade(r.grade()));
            if (r.claim() != null) {
                lines.add(Line.of("\"" + r.claim() + "\""));
            }
            lines.add(Line.of().muted((r.source() == null ? "" : r.source() + " · ") + (r.location() == null ? "" : r.location())));
        }
        return node(lines, r.premises().stream().map(this::premise).toList());
    }

    private Block.Node premise(ProofNode n) {
        if (n instanceof ProofNode.Stated s) {
            Line head = Line.of(s.ref() + " " + s.fact() + "  ").grade(s.grade());
            if (compact) {
                return leaf(inline(head.muted(s.citation() == null ? "" : "  " + s.citation()), s.fields()));
            }
            List<Line> lines = new ArrayList<>(List.of(head));
            s.fields().forEach(f -> lines.add(Phrases.field(f)));
            lines.add(Line.of().muted((s.citation() == null ? "" : s.citation() + " · ") + (s.file() == null ? "" : s.file())));
            return node(lines, List.of());
        }
        if (n instanceof ProofNode.Derived d) {
            return node(List.of(Line.of(d.ref() + " " + d.fact() + "  ").grade(d.grade())),
                    d.justifications().stream().map(this::rule).toList());
        }
        if (n instanceof ProofNode.SeeAbove s) {
            Line head = Line.of().muted(s.fact() + " — shown above as " + s.ref());
            if (compact) {
                return leaf(inline(head, s.fields()));
            }
            List<Line> lines = new ArrayList<>(List.of(head));
            s.fields().forEach(f -> lines.add(Phrases.field(f)));
            return node(lines, List.of());
        }
        ProofNode.Elided e = (ProofNode.Elided) n;
        return leaf(Line.of().muted(e.fact() + "  ").grade(e.grade()).muted(compact ? " — deeper than shown" : " — deeper than --depth"));
    }

    /** A fact's fields on its own line, after " · ", separated by "; ". */
    private static Line inline(Line head, List<FieldNote> fields) {
        for (int i = 0; i < fields.size(); i++) {
            head.text(i == 0 ? " · " : "; ").add(Phrases.field(fields.get(i)));
        }
        return head;
    }

    private static Block.Node node(List<Line> lines, List<Block.Node> children) {
        return new Block.Node(lines.stream().map(Line::spans).toList(), children);
    }

    private static Block.Node leaf(Line line) {
        return node(List.of(line), List.of());
    }
}
