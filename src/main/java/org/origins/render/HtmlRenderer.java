package org.origins.render;

import org.origins.explain.AbilityProof;
import org.origins.explain.Disputes;
import org.origins.explain.FieldNote;
import org.origins.explain.Lineage;
import org.origins.explain.Matrix;
import org.origins.explain.Note;
import org.origins.explain.ObservationReport;
import org.origins.explain.ProofNode;
import org.origins.explain.ProofStep;
import org.origins.explain.Report;
import org.origins.explain.RuleStep;
import org.origins.explain.WhatIf;
import org.origins.kb.Grade;
import org.origins.kb.Level;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The report as one self-contained HTML page: inline CSS, the evolution tree and each proof's
 * graph as inline SVG drawn by origins itself ({@link SvgRenderer}, no Graphviz), no script and no
 * reference to anything outside the file. Formats only; the same report gives the same bytes.
 */
public final class HtmlRenderer {
    private HtmlRenderer() {
    }

    private static final String CSS = """
            body{font-family:system-ui,-apple-system,"Segoe UI",Helvetica,Arial,sans-serif;margin:0 auto;max-width:1300px;padding:0 24px 48px;color:#212121;line-height:1.4}
            h1{font-size:1.6em;margin:24px 0 8px}h2{border-bottom:1px solid #cfd8dc;padding-bottom:4px;margin-top:36px}
            h3{font-size:1.05em;margin:20px 0 6px}
            nav a{margin-right:14px}
            a{color:#1565c0;text-decoration:none}a:hover{text-decoration:underline}
            code{font-family:ui-monospace,Menlo,Consolas,monospace;font-size:.92em}
            table{border-collapse:collapse;margin:8px 0}
            th,td{border:1px solid #cfd8dc;padding:3px 6px;vertical-align:top}
            th{background:#eceff1;font-weight:600}
            #matrix td.cell{text-align:center;min-width:44px;white-space:nowrap}
            #matrix td.cell a{color:inherit;display:block}
            #matrix th.model{text-align:left;white-space:nowrap}
            .lvl-none{background:#eeeeee;color:#9e9e9e}.lvl-weak{background:#fff59d;color:#000}
            .lvl-present{background:#a5d6a7;color:#000}.lvl-strong{background:#2e7d32;color:#fff}
            .grade{font-size:.75em;opacity:.8;margin-left:3px}
            .hyp{font-style:italic;background:#fff8e1}.hyp-tag{color:#e65100;font-size:.8em;font-style:normal}
            .disputed{color:#c62828;font-weight:600}
            .contradict{color:#c62828;font-weight:600}.agree{color:#2e7d32}.unpredicted{color:#757575}
            .graph{overflow:auto;border:1px solid #cfd8dc;padding:8px;background:#fff}
            .graph svg{max-width:100%;height:auto}
            .legend{font-size:.9em;color:#455a64}
            .proof{border-top:1px solid #eceff1;padding-top:4px}
            .proof ol,.proof ul{margin:2px 0;padding-left:22px}
            .proof li{margin:1px 0}
            .muted{color:#757575}
            .cite{color:#546e7a;font-size:.9em}
            .url{font-family:ui-monospace,Menlo,Consolas,monospace;font-size:.85em;color:#546e7a}
            details.drawing summary{cursor:pointer;color:#546e7a;font-size:.9em}
            details.drawing .graph svg{max-width:none}
            """ + SvgRenderer.CSS + "\n";

    /** The report page. */
    public static String report(Report r) {
        StringBuilder b = new StringBuilder();
        b.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<title>origins report: where the abilities come from</title>\n<style>\n").append(CSS).append("</style>\n</head>\n<body>\n");
        b.append("<h1>Where the abilities come from: an origins report</h1>\n<p>");
        b.append(r.matrix().models().size()).append(" models, ").append(r.matrix().abilities().size()).append(" abilities, ")
                .append(r.rules().size()).append(" rules, ").append(r.disputes().disputes().size()).append(" disputed facts; observations: ")
                .append(r.observations().agree()).append(" agree, ").append(r.observations().contradict()).append(" contradict, ")
                .append(r.observations().unpredicted()).append(" unpredicted.");
        if (!r.hypothetical().isEmpty()) {
            b.append(" <span class=\"hyp-tag\">Hypothetical models (predicted by the rules, not observed): ")
                    .append(esc(String.join(", ", r.hypothetical()))).append(".</span>");
        }
        b.append("</p>\n<nav><a href=\"#lineage\">The evolution tree</a><a href=\"#abilities\">Abilities</a>"
                + "<a href=\"#observations\">Observations</a><a href=\"#disputes\">Disputed facts</a><a href=\"#rules\">Rules</a>"
                + "<a href=\"#proofs\">Proofs</a><a href=\"#sources\">Sources</a></nav>\n");

        lineage(b, r.lineage());

        Set<String> anchors = new LinkedHashSet<>();
        r.proofs().forEach(p -> anchors.add(MarkdownRenderer.proofAnchor(p.model(), p.ability())));
        matrix(b, r.matrix(), anchors);
        observations(b, r.observations(), anchors);
        disputes(b, r.disputes());
        rules(b, r.rules());

        b.append("<section id=\"proofs\">\n<h2>Proofs</h2>\n<p class=\"legend\">Every cell above none: each step of the model's history "
                + "that touched the ability, the rules behind it (with their grades) and the facts they matched.</p>\n");
        for (AbilityProof p : r.proofs()) {
            proof(b, p);
        }
        b.append("</section>\n");

        b.append("<section id=\"sources\">\n<h2>Sources</h2>\n<ul>\n");
        for (Report.SourceEntry s : r.sources()) {
            b.append("<li id=\"source-").append(Graph.slug(s.id())).append("\"><b>").append(esc(s.id())).append("</b> — ")
                    .append(esc(s.title() == null ? "" : s.title()));
            if (s.authors() != null) {
                b.append(", ").append(esc(s.authors()));
            }
            if (s.year() != null) {
                b.append(" (").append(s.year()).append(")");
            }
            if (s.url() != null) {
                b.append(". <span class=\"url\">").append(esc(s.url())).append("</span>");
            }
            b.append("</li>\n");
        }
        b.append("</ul>\n</section>\n</body>\n</html>\n");
        return b.toString();
    }

    // ---- sections -------------------------------------------------------------------------------

    private static void lineage(StringBuilder b, Lineage l) {
        b.append("<section id=\"lineage\">\n<h2>The evolution tree</h2>\n");
        b.append("<p class=\"legend\">Models as nodes (click one for its row of abilities); on each link the stages the model "
                + "was trained through after its parent. Dashed red: a disputed parent, and the alternative a source states. "
                + "Dashed orange, apart: hypothetical models.</p>\n");
        b.append("<div class=\"graph\">\n").append(SvgRenderer.lineage(l, true, "tree")).append("</div>\n");
        b.append("<table>\n<tr><th>model</th><th>parent</th><th>its own stages</th><th>parent stated by</th></tr>\n");
        for (Lineage.Node n : l.models()) {
            if (n.external()) {
                continue;
            }
            Lineage.Edge chosen = l.chosenParent(n.id());
            List<Lineage.Stage> stages = l.ownStages(n);
            b.append("<tr").append(n.hypothetical() ? " class=\"hyp\"" : "").append("><td><a href=\"#model-").append(Graph.slug(n.id()))
                    .append("\">").append(esc(n.id())).append("</a>").append(n.hypothetical() ? " <span class=\"hyp-tag\">hypothetical</span>" : "")
                    .append("</td><td>").append(chosen == null ? "none" + (n.base() == null ? "" : " (base: " + esc(n.base()) + ")") : esc(chosen.parent()))
                    .append("</td><td>").append(stages.isEmpty() ? "<span class=\"muted\">none of its own</span>"
                            : esc(String.join(", ", stages.stream().map(Lineage.Stage::label).toList())))
                    .append("</td><td>");
            if (chosen != null) {
                b.append("<span class=\"cite\">").append(esc(chosen.citation())).append("</span>");
                if (chosen.disputed()) {
                    b.append(" <span class=\"disputed\">disputed</span>; also stated: ")
                            .append(esc(String.join("; ", l.otherParents(n.id()))));
                }
            }
            b.append("</td></tr>\n");
        }
        b.append("</table>\n</section>\n");
    }

    private static void matrix(StringBuilder b, Matrix m, Set<String> anchors) {
        b.append("<section id=\"abilities\">\n<h2>Abilities</h2>\n<p class=\"legend\">Each cell links to its proof. Levels: ");
        for (Level l : Level.values()) {
            b.append("<span class=\"lvl-").append(l.id()).append("\">&nbsp;").append(esc(l.sign())).append(" ").append(l.id()).append("&nbsp;</span> ");
        }
        b.append("· grades: C conclusion, SH strong hypothesis, H hypothesis, EG educated guess");
        if (m.models().stream().flatMap(r -> r.cells().stream()).anyMatch(c -> c.observed() != null)) {
            b.append(" · observed: ✓ agrees, ✗ contradicts, ? not predicted");
        }
        b.append(".</p>\n<table id=\"matrix\">\n<tr><th>model</th>");
        for (Matrix.Column c : m.abilities()) {
            b.append("<th title=\"").append(esc(c.id() + (c.name() == null ? "" : " — " + c.name())
                    + (c.nameZh() == null ? "" : " / " + c.nameZh()))).append("\">").append(esc(c.shortName())).append("</th>");
        }
        b.append("</tr>\n");
        for (Matrix.Row row : m.models()) {
            b.append("<tr id=\"model-").append(Graph.slug(row.model())).append("\"").append(row.hypothetical() ? " class=\"hyp\"" : "")
                    .append("><th class=\"model\">").append(esc(row.model()))
                    .append(row.hypothetical() ? " <span class=\"hyp-tag\">hypothetical</span>" : "").append("</th>");
            for (Matrix.Cell c : row.cells()) {
                String anchor = MarkdownRenderer.proofAnchor(row.model(), c.ability());
                String title = row.model() + " · " + c.ability() + ": " + c.level().id()
                        + (c.grade() == null || c.level() == Level.NONE ? "" : " (" + c.grade().label() + ")")
                        + (c.observed() == null ? "" : "; observed: " + c.observed());
                String content = esc(c.level().sign()) + (c.grade() == null || c.level() == Level.NONE ? ""
                        : "<span class=\"grade\">" + MarkdownRenderer.abbrev(c.grade()) + "</span>") + esc(MermaidRenderer.observed(c));
                b.append("<td class=\"cell lvl-").append(c.level().id()).append("\" title=\"").append(esc(title)).append("\">");
                if (anchors.contains(anchor)) {
                    b.append("<a href=\"#").append(anchor).append("\">").append(content).append("</a>");
                } else {
                    b.append(content);
                }
                b.append("</td>");
            }
            b.append("</tr>\n");
        }
        b.append("</table>\n<p class=\"legend\">");
        List<String> names = new ArrayList<>();
        for (Matrix.Column c : m.abilities()) {
            names.add("<b>" + esc(c.shortName()) + "</b> " + esc(c.id()));
        }
        b.append(String.join(" · ", names)).append("</p>\n</section>\n");
    }

    private static void observations(StringBuilder b, ObservationReport o, Set<String> anchors) {
        b.append("<section id=\"observations\">\n<h2>Observations</h2>\n<p>What was observed, against what the rules predict: ")
                .append(o.agree()).append(" agree, ").append(o.contradict()).append(" contradict, ").append(o.unpredicted())
                .append(" unpredicted.</p>\n");
        if (!o.observations().isEmpty()) {
            b.append("<table>\n<tr><th>verdict</th><th>model</th><th>ability</th><th>observed</th><th>predicted</th><th>source</th></tr>\n");
            for (ObservationReport.Check c : o.observations()) {
                String anchor = MarkdownRenderer.proofAnchor(c.model(), c.ability());
                b.append("<tr><td class=\"").append(Graph.slug(c.verdict())).append("\">").append(esc(c.verdict())).append("</td><td>")
                        .append(esc(c.model())).append("</td><td>")
                        .append(anchors.contains(anchor) ? "<a href=\"#" + anchor + "\">" + esc(c.ability()) + "</a>" : esc(c.ability()))
                        .append("</td><td>").append(esc(c.observed()));
                if (c.evidence() != null && !c.verdict().equals("agree")) {
                    b.append("<br><span class=\"muted\">").append(esc(c.evidence())).append("</span>");
                }
                b.append("</td><td>").append(esc(c.predicted())).append("</td><td class=\"cite\">").append(esc(c.source() + ", " + c.status()))
                        .append("</td></tr>\n");
            }
            b.append("</table>\n");
        }
        b.append("</section>\n");
    }

    private static void disputes(StringBuilder b, Disputes d) {
        b.append("<section id=\"disputes\">\n<h2>Disputed facts</h2>\n");
        if (d.disputes().isEmpty()) {
            b.append("<p>None.</p>\n</section>\n");
            return;
        }
        b.append("<p class=\"legend\">Where the sources disagree: the value the knowledge base chose, and what each alternative "
                + "would change (computed by re-running the rules with it assumed).</p>\n<ul>\n");
        for (Disputes.Dispute x : d.disputes()) {
            b.append("<li><b>").append(esc(x.field())).append("</b>: ").append(esc(x.chosen())).append(" <span class=\"cite\">— chosen: ")
                    .append(esc(x.chosenSource())).append("</span>\n<ul>\n");
            for (Disputes.Alternative a : x.alternatives()) {
                b.append("<li>alternative <b>").append(esc(a.value())).append("</b> <span class=\"cite\">— ").append(esc(a.source()))
                        .append("</span> (<code>--assume ").append(esc(a.assume())).append("</code>): ");
                List<String> changes = new ArrayList<>();
                for (WhatIf.LevelChange c : a.changes()) {
                    changes.add(c.model() + " " + c.ability() + ": " + c.before().id() + " → " + c.after().id());
                }
                changes.addAll(a.otherChanges());
                b.append(changes.isEmpty() ? "changes no conclusion" : esc(String.join("; ", changes))).append("</li>\n");
            }
            b.append("</ul></li>\n");
        }
        b.append("</ul>\n</section>\n");
    }

    private static void rules(StringBuilder b, List<Report.RuleEntry> rules) {
        b.append("<section id=\"rules\">\n<h2>Rules</h2>\n<table>\n<tr><th>rule</th><th>grade</th><th>claim</th><th>source</th><th>about</th></tr>\n");
        for (Report.RuleEntry e : rules) {
            b.append("<tr id=\"rule-").append(Graph.slug(e.id())).append("\"><td><code>").append(esc(e.id())).append("</code>")
                    .append(e.location() == null ? "" : "<br><span class=\"muted\">" + esc(e.location()) + "</span>").append("</td><td>")
                    .append(e.grade() == null ? "" : esc(e.grade().label())).append("</td><td>").append(esc(e.claim() == null ? "" : e.claim()))
                    .append("</td><td class=\"cite\">").append(esc(e.source() == null ? "" : e.source())).append("</td><td>")
                    .append(esc(String.join(", ", e.abilities()))).append("</td></tr>\n");
        }
        b.append("</table>\n</section>\n");
    }

    // ---- proofs ---------------------------------------------------------------------------------

    private static void proof(StringBuilder b, AbilityProof p) {
        b.append("<article class=\"proof\" id=\"").append(MarkdownRenderer.proofAnchor(p.model(), p.ability())).append("\">\n");
        b.append("<h3>").append(esc(p.model() + " · " + p.ability())).append(" <span class=\"lvl-").append(p.level().id()).append("\">&nbsp;")
                .append(esc(p.level().id() + " " + p.level().sign())).append("&nbsp;</span>")
                .append(p.grade() == null ? "" : " <span class=\"muted\">" + esc(p.grade().label()) + "</span>")
                .append(p.hypothetical() ? " <span class=\"hyp-tag\">hypothetical: predicted, not observed</span>" : "")
                .append(" <a class=\"muted\" href=\"#model-").append(Graph.slug(p.model())).append("\">↑ matrix</a></h3>\n");
        b.append("<div class=\"muted\">history: ").append(esc(p.history().isEmpty() ? "(no training stages)" : String.join(" → ", p.history())));
        for (AbilityProof.ParentLink l : p.lineage()) {
            if (l.disputed()) {
                b.append("<br>parent: ").append(esc(l.model() + " ← " + l.parent() + " (" + l.source() + ", " + l.status() + ")"))
                        .append(" <span class=\"disputed\">disputed</span>; also stated: ").append(esc(String.join("; ", l.alternatives())));
            }
        }
        for (Note d : p.baseDoubts()) {
            b.append("<br>doubt: ").append(note(d));
        }
        for (Note m : p.mechanisms()) {
            b.append("<br>mechanism: ").append(note(m));
        }
        b.append("</div>\n<details class=\"drawing\"><summary>the proof as a graph</summary>\n<div class=\"graph\">\n")
                .append(SvgRenderer.inline(p, "pg-" + MarkdownRenderer.proofAnchor(p.model(), p.ability())))
                .append("</div>\n</details>\n<ol>\n");
        for (ProofStep s : p.steps()) {
            b.append("<li><b>").append(esc(s.stage() + " " + s.kind())).append("</b>")
                    .append(s.inherited() ? " <span class=\"muted\">(inherited from " + esc(s.model()) + ")</span>" : "").append(": ")
                    .append(esc(s.change())).append(", ")
                    .append(esc(s.changed() ? s.before().id() + " → " + s.after().id() : "no change (" + s.after().id() + ")"))
                    .append(grade(s.grade())).append("\n<ul>\n");
            for (RuleStep r : s.because()) {
                rule(b, r);
            }
            b.append("</ul></li>\n");
        }
        b.append("</ol>\n</article>\n");
    }

    private static void rule(StringBuilder b, RuleStep r) {
        b.append("<li>rule <a href=\"#rule-").append(Graph.slug(r.rule())).append("\"><code>").append(esc(r.rule())).append("</code></a>")
                .append(grade(r.grade())).append(r.source() == null ? "" : " <span class=\"cite\">" + esc(r.source()) + "</span>");
        if (!r.premises().isEmpty()) {
            b.append("\n<ul>\n");
            for (ProofNode n : r.premises()) {
                premise(b, n);
            }
            b.append("</ul>");
        }
        b.append("</li>\n");
    }

    private static void premise(StringBuilder b, ProofNode n) {
        if (n instanceof ProofNode.Stated s) {
            b.append("<li>").append(esc(s.ref() + " " + s.fact())).append(grade(s.grade()))
                    .append(s.citation() == null ? "" : " <span class=\"cite\">" + esc(s.citation()) + "</span>").append(fields(s.fields())).append("</li>\n");
        } else if (n instanceof ProofNode.Derived d) {
            b.append("<li>").append(esc(d.ref() + " " + d.fact())).append(grade(d.grade()));
            if (!d.justifications().isEmpty()) {
                b.append("\n<ul>\n");
                for (RuleStep r : d.justifications()) {
                    rule(b, r);
                }
                b.append("</ul>");
            }
            b.append("</li>\n");
        } else if (n instanceof ProofNode.SeeAbove s) {
            b.append("<li class=\"muted\">").append(esc(s.fact() + " — shown above as " + s.ref())).append(fields(s.fields())).append("</li>\n");
        } else if (n instanceof ProofNode.Elided e) {
            b.append("<li class=\"muted\">").append(esc(e.fact())).append(grade(e.grade())).append(" — deeper than shown</li>\n");
        }
    }

    private static String fields(List<FieldNote> fields) {
        if (fields.isEmpty()) {
            return "";
        }
        List<String> out = new ArrayList<>();
        for (FieldNote f : fields) {
            StringBuilder b = new StringBuilder(esc(f.field() + " = " + f.value()));
            if (f.inheritedFrom() != null) {
                b.append(" (inherited from ").append(esc(f.inheritedFrom())).append(")");
            }
            if (f.source() != null && f.status() != null) {
                b.append(" <span class=\"cite\">").append(esc(f.source() + ", " + f.status())).append("</span>");
            }
            if (f.assumed()) {
                b.append(" <span class=\"disputed\">assumed</span>");
            }
            if (f.disputed()) {
                b.append(" <span class=\"disputed\">disputed</span>; also stated: ").append(esc(String.join("; ", f.alternatives())));
            }
            out.add(b.toString());
        }
        return " · " + String.join("; ", out);
    }

    private static String note(Note n) {
        return esc(n.text()) + (n.rule() == null ? "" : " <span class=\"muted\">(" + esc(n.rule())
                + (n.grade() == null ? "" : ", " + n.grade().label()) + ")</span>");
    }

    private static String grade(Grade g) {
        return g == null ? "" : " <span class=\"grade\">[" + esc(g.label()) + "]</span>";
    }

    static String esc(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> b.append("&amp;");
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> b.append(c);
            }
        }
        return b.toString();
    }
}
