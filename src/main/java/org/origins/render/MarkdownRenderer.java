package org.origins.render;

import org.origins.explain.AbilityProof;
import org.origins.explain.Comparison;
import org.origins.explain.Disputes;
import org.origins.explain.FieldNote;
import org.origins.explain.EvolutionTree;
import org.origins.explain.Matrix;
import org.origins.explain.Note;
import org.origins.explain.ObservationReport;
import org.origins.explain.ProofNode;
import org.origins.explain.ProofStep;
import org.origins.explain.Report;
import org.origins.explain.RuleStep;
import org.origins.explain.WhatIf;
import org.origins.explain.WhyNot;
import org.origins.kb.Grade;
import org.origins.kb.Level;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Markdown for sharing (GitHub renders the Mermaid blocks): graphs as Mermaid blocks, the matrix
 * as a table, proofs as nested lists. Formats only; the same answer gives the same bytes.
 */
public final class MarkdownRenderer {
    private MarkdownRenderer() {
    }

    /** Whether the answer has a Markdown form of its own (others are shown as fenced text). */
    public static boolean supports(Object answer) {
        return Graph.supports(answer) || answer instanceof Matrix || answer instanceof Report;
    }

    public static String render(Object answer) {
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
        if (answer instanceof Matrix m) {
            return matrix(m);
        }
        if (answer instanceof EvolutionTree l) {
            return lineage(l);
        }
        if (answer instanceof Report r) {
            return report(r);
        }
        throw new IllegalArgumentException("no Markdown form for " + answer.getClass().getSimpleName());
    }

    /** Plain text (of an answer without a Markdown form of its own) as a fenced block. */
    public static String fenced(String text) {
        String fence = "```";
        while (text.contains(fence)) {
            fence += "`";
        }
        return fence + "text\n" + text + (text.endsWith("\n") ? "" : "\n") + fence + "\n";
    }

    static String mermaid(String diagram) {
        return "```mermaid\n" + diagram + "```\n";
    }

    // ---- why ------------------------------------------------------------------------------------

    public static String why(AbilityProof p) {
        StringBuilder b = new StringBuilder();
        b.append("## ").append(md(p.model() + " · " + p.ability())).append("\n\n");
        b.append(summary(p)).append("\n\n");
        context(b, p);
        b.append('\n').append(mermaid(MermaidRenderer.graph(Graph.why(p)))).append('\n');
        if (p.lacks()) {
            b.append(md(p.hint())).append('\n');
            return b.toString();
        }
        b.append("### Proof\n\n");
        steps(b, p, false);
        return b.toString();
    }

    private static String summary(AbilityProof p) {
        return "**" + md(p.level().id() + " " + p.level().sign()) + "**"
                + (p.grade() == null ? "" : " · grade: " + md(p.grade().label()))
                + " — " + md(p.abilityName() + (p.abilityNameZh() == null ? "" : " / " + p.abilityNameZh()))
                + (p.hypothetical() ? " · *hypothetical model: predicted by the rules, not observed*" : "");
    }

    private static void context(StringBuilder b, AbilityProof p) {
        b.append("- history: ").append(p.history().isEmpty() ? "(no training stages)" : md(String.join(" → ", p.history()))).append('\n');
        for (AbilityProof.ParentLink l : p.lineage()) {
            b.append("- parent: ").append(md(l.model() + " ← " + l.parent() + " (" + l.source() + ", " + l.status() + ")"));
            if (l.disputed()) {
                b.append(" — **disputed**; also stated: ").append(md(String.join("; ", l.alternatives())));
            }
            b.append('\n');
        }
        for (Note d : p.baseDoubts()) {
            b.append("- doubt: ").append(note(d)).append('\n');
        }
        for (Note m : p.mechanisms()) {
            b.append("- mechanism: ").append(note(m)).append('\n');
        }
    }

    private static String note(Note n) {
        return md(n.text()) + (n.rule() == null ? "" : " (`" + n.rule() + "`" + (n.grade() == null ? "" : ", " + n.grade().label()) + ")");
    }

    /** The steps as a numbered list: rules below each step, premises below each rule. */
    private static void steps(StringBuilder b, AbilityProof p, boolean compact) {
        int i = 0;
        for (ProofStep s : p.steps()) {
            b.append(++i).append(". **").append(md(s.stage() + " " + s.kind())).append("**")
                    .append(s.inherited() ? " (inherited from " + md(s.model()) + ")" : "").append(": ")
                    .append(md(s.change())).append(", ")
                    .append(s.changed() ? md(s.before().id() + " → " + s.after().id()) : "no change (" + s.after().id() + ")")
                    .append(grade(s.grade())).append('\n');
            for (RuleStep r : s.because()) {
                rule(b, r, "   ", compact);
            }
        }
    }

    private static void rule(StringBuilder b, RuleStep r, String indent, boolean compact) {
        b.append(indent).append("- rule ").append(compact ? "[`" + r.rule() + "`](#rule-" + Graph.slug(r.rule()) + ")" : "`" + r.rule() + "`")
                .append(grade(r.grade()));
        if (!compact && r.claim() != null) {
            b.append(" — “").append(md(r.claim())).append("”");
        }
        if (r.source() != null) {
            b.append(" — ").append(md(r.source()));
        }
        if (!compact && r.location() != null) {
            b.append(" · ").append(md(r.location()));
        }
        b.append('\n');
        for (ProofNode n : r.premises()) {
            premise(b, n, indent + "  ", compact);
        }
    }

    private static void premise(StringBuilder b, ProofNode n, String indent, boolean compact) {
        if (n instanceof ProofNode.Stated s) {
            b.append(indent).append("- ").append(md(s.ref() + " " + s.fact())).append(grade(s.grade()));
            if (s.citation() != null) {
                b.append(" — ").append(md(s.citation()));
            }
            if (compact) {
                fieldsInline(b, s.fields());
                b.append('\n');
            } else {
                b.append('\n');
                for (FieldNote f : s.fields()) {
                    b.append(indent).append("  - ").append(field(f)).append('\n');
                }
            }
        } else if (n instanceof ProofNode.Derived d) {
            b.append(indent).append("- ").append(md(d.ref() + " " + d.fact())).append(grade(d.grade())).append('\n');
            for (RuleStep r : d.justifications()) {
                rule(b, r, indent + "  ", compact);
            }
        } else if (n instanceof ProofNode.SeeAbove s) {
            b.append(indent).append("- ").append(md(s.fact())).append(" — shown above as ").append(md(s.ref()));
            if (compact) {
                fieldsInline(b, s.fields());
                b.append('\n');
            } else {
                b.append('\n');
                for (FieldNote f : s.fields()) {
                    b.append(indent).append("  - ").append(field(f)).append('\n');
                }
            }
        } else if (n instanceof ProofNode.Elided e) {
            b.append(indent).append("- ").append(md(e.fact())).append(grade(e.grade())).append(" — deeper than shown\n");
        }
    }

    private static void fieldsInline(StringBuilder b, List<FieldNote> fields) {
        if (!fields.isEmpty()) {
            b.append(" · ").append(String.join("; ", fields.stream().map(MarkdownRenderer::field).toList()));
        }
    }

    private static String field(FieldNote f) {
        StringBuilder b = new StringBuilder(md(f.field() + " = " + f.value()));
        if (f.inheritedFrom() != null) {
            b.append(" (inherited from ").append(md(f.inheritedFrom())).append(")");
        }
        if (f.source() != null && f.status() != null) {
            b.append(" — ").append(md(f.source() + ", " + f.status()));
        }
        if (f.assumed()) {
            b.append(" **assumed**");
        }
        if (f.disputed()) {
            b.append(" **disputed**; also stated: ").append(md(String.join("; ", f.alternatives())));
        }
        return b.toString();
    }

    private static String grade(Grade g) {
        return g == null ? "" : " *(" + g.label() + ")*";
    }

    // ---- why-not --------------------------------------------------------------------------------

    public static String whyNot(WhyNot w) {
        StringBuilder b = new StringBuilder();
        b.append("## Why not: ").append(md(w.model() + " · " + w.ability())).append("\n\n");
        b.append("**").append(md(w.level().id() + " " + w.level().sign())).append("**")
                .append(w.level() == Level.NONE ? " — it lacks the ability" : " — below " + md(w.target().id()))
                .append(w.hypothetical() ? " · *hypothetical model: predicted by the rules, not observed*" : "").append("\n\n");
        for (String d : w.currentLevelFrom()) {
            b.append("- its level comes from: ").append(md(d)).append('\n');
        }
        b.append('\n').append(mermaid(MermaidRenderer.graph(Graph.whyNot(w)))).append('\n');
        if (w.candidates().isEmpty()) {
            b.append("No rule in the rule base can raise ").append(md(w.ability())).append(" above ").append(md(w.level().id())).append(".\n");
            return b.toString();
        }
        b.append("| rule | grade | concludes | status | what it needs or what happened |\n");
        b.append("| --- | --- | --- | --- | --- |\n");
        for (WhyNot.Candidate c : w.candidates()) {
            List<String> what = new ArrayList<>();
            if (c.needs() != null) {
                what.add("needs " + c.needs());
            }
            if (c.firedAt() != null) {
                what.add("fired at " + c.firedAt());
            }
            c.overriddenBy().forEach(o -> what.add("overridden by " + o));
            b.append("| `").append(c.rule()).append("` | ").append(c.grade() == null ? "" : md(c.grade().label()))
                    .append(" | ").append(md(c.concludes())).append(" | ").append(md(c.status())).append(" | ")
                    .append(md(String.join("; ", what))).append(" |\n");
        }
        return b.toString();
    }

    // ---- compare --------------------------------------------------------------------------------

    public static String compare(Comparison c) {
        StringBuilder b = new StringBuilder();
        b.append("## ").append(md(c.a() + " vs " + c.b())).append("\n\n");
        b.append(c.commonAncestor() == null ? "No common ancestor." : "Common ancestor: " + md(c.commonAncestor()) + ".").append("\n\n");
        b.append(mermaid(MermaidRenderer.graph(Graph.compare(c)))).append('\n');
        b.append("### Training\n\n");
        b.append("| | ").append(md(c.a())).append(" | ").append(md(c.b())).append(" |\n| --- | --- | --- |\n");
        for (Comparison.FieldDiff f : c.fields()) {
            b.append("| ").append(md(f.field())).append(" | ").append(md(f.a())).append(" | ").append(md(f.b())).append(" |\n");
        }
        b.append("| stages only here | ").append(c.onlyA().isEmpty() ? "(nothing)" : md(String.join("; ", c.onlyA())))
                .append(" | ").append(c.onlyB().isEmpty() ? "(nothing)" : md(String.join("; ", c.onlyB()))).append(" |\n\n");
        b.append("### Abilities\n\n");
        if (c.abilities().isEmpty()) {
            b.append("The same levels everywhere.\n");
            return b.toString();
        }
        b.append("| ability | ").append(md(c.a())).append(" | ").append(md(c.b())).append(" | explained by |\n| --- | --- | --- | --- |\n");
        for (Comparison.AbilityDiff d : c.abilities()) {
            b.append("| ").append(md(d.ability())).append(" | ").append(level(d.a())).append(" | ").append(level(d.b()))
                    .append(" | ").append(md(String.join("; ", d.explainedBy()))).append(" |\n");
        }
        b.append('\n');
        for (Comparison.AbilityDiff d : c.abilities()) {
            for (String s : d.steps()) {
                b.append("- ").append(md(s)).append('\n');
            }
        }
        return b.toString();
    }

    // ---- what-if --------------------------------------------------------------------------------

    public static String whatIf(WhatIf w) {
        StringBuilder b = new StringBuilder();
        b.append("## What if: ").append(md(w.model())).append("\n\n");
        for (String t : w.trainingChanges()) {
            b.append("- ").append(md(t)).append('\n');
        }
        b.append('\n').append(mermaid(MermaidRenderer.graph(Graph.whatIf(w)))).append('\n');
        if (w.changes().isEmpty() && w.otherChanges().isEmpty()) {
            b.append("No conclusion changes.\n");
            return b.toString();
        }
        if (!w.changes().isEmpty()) {
            b.append("| model | ability | before | after | no longer | now |\n| --- | --- | --- | --- | --- | --- |\n");
            for (WhatIf.LevelChange c : w.changes()) {
                b.append("| ").append(md(c.model())).append(" | ").append(md(c.ability())).append(" | ").append(level(c.before()))
                        .append(" | ").append(level(c.after())).append(" | ").append(md(String.join("; ", c.lost())))
                        .append(" | ").append(md(String.join("; ", c.gained()))).append(" |\n");
            }
            b.append('\n');
        }
        for (String o : w.otherChanges()) {
            b.append("- ").append(md(o)).append('\n');
        }
        return b.toString();
    }

    // ---- matrix ---------------------------------------------------------------------------------

    public static String matrix(Matrix m) {
        StringBuilder b = new StringBuilder();
        b.append("## Abilities\n\n");
        matrixTable(b, m, null);
        return b.toString();
    }

    /** The matrix table; with {@code proofs} (the ids of proofs present), each cell links to its proof. */
    private static void matrixTable(StringBuilder b, Matrix m, Set<String> proofs) {
        b.append("| model |");
        for (Matrix.Column c : m.abilities()) {
            b.append(' ').append(md(c.shortName())).append(" |");
        }
        b.append("\n| :-- |");
        b.append(" :-: |".repeat(m.abilities().size()));
        b.append('\n');
        for (Matrix.Row row : m.models()) {
            b.append("| ").append(row.hypothetical() ? "*" + md(row.model()) + "* (hypothetical)" : md(row.model())).append(" |");
            for (Matrix.Cell c : row.cells()) {
                String cell = mark(c.level()) + (c.grade() == null || c.level() == Level.NONE ? "" : " <sub>" + abbrev(c.grade()) + "</sub>")
                        + md(MermaidRenderer.observed(c));
                String anchor = proofAnchor(row.model(), c.ability());
                b.append(' ').append(proofs != null && proofs.contains(anchor) ? "[" + cell + "](#" + anchor + ")" : cell).append(" |");
            }
            b.append('\n');
        }
        b.append('\n').append("Levels: · none, 🟨 − weak, 🟩 + present, 🟩🟩 ++ strong. Grades: C conclusion, SH strong hypothesis, "
                + "H hypothesis, EG educated guess.");
        if (m.models().stream().flatMap(r -> r.cells().stream()).anyMatch(c -> c.observed() != null)) {
            b.append(" Observed: ✓ agrees, ✗ contradicts, ? not predicted.");
        }
        b.append("\n\n");
        for (Matrix.Column c : m.abilities()) {
            b.append("- ").append(md(c.shortName())).append(": ").append(md(c.id()))
                    .append(c.name() == null ? "" : " (" + md(c.name()) + (c.nameZh() == null ? "" : " / " + md(c.nameZh())) + ")").append('\n');
        }
    }

    private static String mark(Level l) {
        return switch (l) {
            case NONE -> "·";
            case WEAK -> "🟨 −";
            case PRESENT -> "🟩 +";
            case STRONG -> "🟩🟩 ++";
        };
    }

    private static String level(Level l) {
        return mark(l) + " " + l.id();
    }

    /** C, SH, H, EG. */
    static String abbrev(Grade g) {
        return switch (g) {
            case CONCLUSION -> "C";
            case STRONG_HYPOTHESIS -> "SH";
            case HYPOTHESIS -> "H";
            case EDUCATED_GUESS -> "EG";
        };
    }

    /** The anchor of a proof in a report, shared with the HTML report. */
    static String proofAnchor(String model, String ability) {
        return "proof-" + Graph.slug(model) + "--" + Graph.slug(ability);
    }

    // ---- lineage --------------------------------------------------------------------------------

    public static String lineage(EvolutionTree l) {
        StringBuilder b = new StringBuilder();
        b.append("## The evolution tree\n\n");
        b.append(mermaid(MermaidRenderer.lineage(l))).append('\n');
        lineageTable(b, l);
        return b.toString();
    }

    private static void lineageTable(StringBuilder b, EvolutionTree l) {
        b.append("| model | parent | its own stages | parent stated by |\n| --- | --- | --- | --- |\n");
        for (EvolutionTree.ModelNode n : l.models()) {
            if (n.external()) {
                continue;
            }
            EvolutionTree.ParentEdge chosen = l.chosenParent(n.id());
            List<EvolutionTree.StageEntry> stages = l.ownStages(n);
            String parent = chosen == null ? "none" + (n.base() == null ? "" : " (base: " + md(n.base()) + ")") : md(chosen.parent());
            StringBuilder source = new StringBuilder(chosen == null ? "" : md(chosen.citation()));
            if (chosen != null && chosen.disputed()) {
                source.append(" — **disputed**; also stated: ").append(md(String.join("; ", l.otherParents(n.id()))));
            }
            b.append("| ").append(n.hypothetical() ? "*" + md(n.id()) + "* (hypothetical)" : md(n.id())).append(" | ").append(parent)
                    .append(" | ").append(stages.isEmpty() ? "(none of its own)" : md(String.join(", ", stages.stream().map(EvolutionTree.StageEntry::label).toList())))
                    .append(" | ").append(source).append(" |\n");
        }
    }

    // ---- report ---------------------------------------------------------------------------------

    public static String report(Report r) {
        StringBuilder b = new StringBuilder();
        b.append("# Where the abilities come from: an origins report\n\n");
        b.append(r.matrix().models().size()).append(" models, ").append(r.matrix().abilities().size()).append(" abilities, ")
                .append(r.rules().size()).append(" rules, ").append(r.disputes().disputes().size()).append(" disputed facts; observations: ")
                .append(r.observations().agree()).append(" agree, ").append(r.observations().contradict()).append(" contradict, ")
                .append(r.observations().unpredicted()).append(" unpredicted.");
        if (!r.hypothetical().isEmpty()) {
            b.append(" Hypothetical models (predicted by the rules, not observed): ").append(md(String.join(", ", r.hypothetical()))).append('.');
        }
        b.append("\n\n");
        b.append("- [The evolution tree](#lineage)\n- [Abilities](#matrix)\n- [Observations](#observations)\n"
                + "- [Disputed facts](#disputes)\n- [Rules](#rules)\n- [Proofs](#proofs)\n- [Sources](#sources)\n\n");

        b.append("<a id=\"lineage\"></a>\n\n## The evolution tree\n\n");
        b.append("Models as nodes; on each link the stages the model was trained through after its parent. "
                + "Dashed: a disputed parent, and the alternative a source states.\n\n");
        b.append(mermaid(MermaidRenderer.lineage(r.lineage()))).append('\n');
        lineageTable(b, r.lineage());

        b.append("\n<a id=\"matrix\"></a>\n\n## Abilities\n\nEach cell links to its proof.\n\n");
        Set<String> anchors = new LinkedHashSet<>();
        r.proofs().forEach(p -> anchors.add(proofAnchor(p.model(), p.ability())));
        matrixTable(b, r.matrix(), anchors);

        b.append("\n<a id=\"observations\"></a>\n\n## Observations\n\n");
        observations(b, r.observations(), anchors);

        b.append("\n<a id=\"disputes\"></a>\n\n## Disputed facts\n\n");
        disputes(b, r.disputes());

        b.append("\n<a id=\"rules\"></a>\n\n## Rules\n\n");
        b.append("| rule | grade | claim | source | about |\n| --- | --- | --- | --- | --- |\n");
        for (Report.RuleEntry e : r.rules()) {
            b.append("| <a id=\"rule-").append(Graph.slug(e.id())).append("\"></a>`").append(e.id()).append("` | ")
                    .append(e.grade() == null ? "" : md(e.grade().label())).append(" | ").append(e.claim() == null ? "" : md(e.claim()))
                    .append(" | ").append(e.source() == null ? "" : md(e.source())).append(" | ")
                    .append(md(String.join(", ", e.abilities()))).append(" |\n");
        }

        b.append("\n<a id=\"proofs\"></a>\n\n## Proofs\n\n");
        for (AbilityProof p : r.proofs()) {
            b.append("<a id=\"").append(proofAnchor(p.model(), p.ability())).append("\"></a>\n\n");
            b.append("### ").append(md(p.model() + " · " + p.ability())).append("\n\n").append(summary(p)).append("\n\n");
            context(b, p);
            b.append('\n');
            steps(b, p, true);
            b.append("\n[back to the matrix](#matrix)\n\n");
        }

        b.append("<a id=\"sources\"></a>\n\n## Sources\n\n");
        for (Report.SourceEntry s : r.sources()) {
            b.append("- **").append(md(s.id())).append("** — ").append(md(s.title() == null ? "" : s.title()));
            if (s.authors() != null) {
                b.append(", ").append(md(s.authors()));
            }
            if (s.year() != null) {
                b.append(" (").append(s.year()).append(")");
            }
            if (s.url() != null) {
                b.append(". `").append(s.url().replace("`", "")).append('`');
            }
            b.append('\n');
        }
        return b.toString();
    }

    private static void observations(StringBuilder b, ObservationReport o, Set<String> anchors) {
        b.append(o.agree()).append(" agree, ").append(o.contradict()).append(" contradict, ").append(o.unpredicted())
                .append(" unpredicted.\n\n");
        if (o.observations().isEmpty()) {
            return;
        }
        b.append("| verdict | model | ability | observed | predicted | source |\n| --- | --- | --- | --- | --- | --- |\n");
        for (ObservationReport.Check c : o.observations()) {
            String anchor = proofAnchor(c.model(), c.ability());
            String ability = anchors.contains(anchor) ? "[" + md(c.ability()) + "](#" + anchor + ")" : md(c.ability());
            b.append("| ").append(c.verdict().equals("contradict") ? "**contradict**" : md(c.verdict())).append(" | ")
                    .append(md(c.model())).append(" | ").append(ability).append(" | ").append(md(c.observed()))
                    .append(c.evidence() == null || c.verdict().equals("agree") ? "" : " — " + md(c.evidence()))
                    .append(" | ").append(md(c.predicted())).append(" | ").append(md(c.source() + ", " + c.status())).append(" |\n");
        }
    }

    private static void disputes(StringBuilder b, Disputes d) {
        if (d.disputes().isEmpty()) {
            b.append("None.\n");
            return;
        }
        for (Disputes.Dispute x : d.disputes()) {
            b.append("- **").append(md(x.field())).append("**: ").append(md(x.chosen())).append(" — chosen: ")
                    .append(md(x.chosenSource())).append('\n');
            for (Disputes.Alternative a : x.alternatives()) {
                b.append("  - alternative ").append(md(a.value())).append(" — ").append(md(a.source()))
                        .append(" (`--assume ").append(a.assume().replace("`", "")).append("`): ");
                List<String> changes = new ArrayList<>();
                for (WhatIf.LevelChange c : a.changes()) {
                    changes.add(c.model() + " " + c.ability() + ": " + c.before().id() + " → " + c.after().id());
                }
                changes.addAll(a.otherChanges());
                b.append(changes.isEmpty() ? "changes no conclusion" : md(String.join("; ", changes))).append('\n');
            }
        }
    }

    /** An underscore between letters or digits (MODEL_INDEX) never starts emphasis. */
    private static boolean inWord(String s, int i) {
        return i > 0 && i + 1 < s.length() && Character.isLetterOrDigit(s.charAt(i - 1)) && Character.isLetterOrDigit(s.charAt(i + 1));
    }

    /** Text safe in Markdown (also inside a table cell): the characters Markdown would read as syntax escaped. */
    static String md(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '\\', '`', '*', '[', ']', '|' -> b.append('\\').append(c);
                case '_' -> b.append(inWord(s, i) ? "_" : "\\_");
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '&' -> b.append("&amp;");
                case '\n', '\r', '\t' -> b.append(' ');
                default -> b.append(c);
            }
        }
        return b.toString();
    }
}
