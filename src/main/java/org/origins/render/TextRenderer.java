package org.origins.render;

import org.origins.explain.AbilityProof;
import org.origins.explain.AbilityRow;
import org.origins.explain.FieldNote;
import org.origins.explain.Matrix;
import org.origins.explain.ModelSummary;
import org.origins.explain.Note;
import org.origins.explain.ProofNode;
import org.origins.explain.ProofStep;
import org.origins.explain.RuleStep;
import org.origins.kb.Grade;
import org.origins.kb.Level;

import java.util.List;

/** Human-readable text for every answer. Formats only; every value comes computed. */
public final class TextRenderer {
    private final Style style;

    public TextRenderer(Style style) {
        this.style = style;
    }

    private static String grade(Grade g) {
        return g == null ? "" : "[" + g.label() + "]";
    }

    // ---- models ----------------------------------------------------------------------------

    public String models(ModelSummary.Listing listing) {
        StringBuilder b = new StringBuilder();
        for (ModelSummary m : listing.models()) {
            b.append(style.bold(m.id()));
            if (m.name() != null && !m.name().equals(m.id())) {
                b.append(" — ").append(m.name());
            }
            if (m.hypothetical()) {
                b.append(style.warn("  (hypothetical)"));
            }
            b.append('\n');
            String parent = m.parent() == null ? "none (trained from scratch" + (m.base() == null ? "" : "; base outside the knowledge base: " + m.base()) + ")"
                    : m.parent() + "  — " + m.parentSource();
            b.append("  parent:     ").append(parent).append('\n');
            if (m.parentDisputed()) {
                b.append("              disputed; also stated: ").append(String.join("; ", m.parentAlternatives())).append('\n');
            }
            for (Note d : m.doubts()) {
                b.append("              ").append(style.warn("doubt: " + d.text())).append("  ").append(rule(d)).append('\n');
            }
            b.append("  size:       ").append(m.parameters()).append('\n');
            b.append("  stages:     ").append(m.stages().isEmpty() ? "none of its own (inherits its parent's)" : String.join(", ", m.stages())).append('\n');
            for (String s : m.absentStages()) {
                b.append("              ").append(style.dim(s)).append('\n');
            }
        }
        b.append(listing.models().size()).append(" models\n");
        return b.toString();
    }

    private static String rule(Note n) {
        return (n.rule() == null ? "" : n.rule() + " ") + grade(n.grade());
    }

    // ---- abilities -------------------------------------------------------------------------

    public String abilities(AbilityRow.Table t) {
        StringBuilder b = new StringBuilder();
        b.append(style.bold(t.model())).append(t.hypothetical() ? style.warn("  (hypothetical: predicted by the rules)") : "").append('\n');
        int w = t.abilities().stream().mapToInt(a -> a.ability().length()).max().orElse(10);
        for (AbilityRow a : t.abilities()) {
            b.append("  ").append(pad(a.ability(), w)).append("  ");
            if (a.undetermined() != null) {
                b.append(style.warn(pad("?", 7))).append(' ').append(pad("?", 2)).append("  ")
                        .append(style.warn("undetermined: " + MissingText.levels(a.undetermined()) + "; a missing fact decides it (below)"));
                b.append('\n');
                continue;
            }
            b.append(style.level(a.level(), pad(a.level().id(), 7))).append(' ').append(pad(a.level().sign(), 2)).append("  ");
            if (a.level() == Level.NONE && a.decidedBy() == null) {
                b.append(style.dim("no rule concludes it"));
            } else {
                b.append(pad(grade(a.grade()), 20)).append(' ').append(a.decidedBy()).append(style.dim(" at " + a.atStage()));
            }
            b.append('\n');
            for (Note m : a.mechanisms()) {
                b.append("  ").append(pad("", w)).append("  ").append(style.dim("↳ " + m.text() + "  " + rule(m))).append('\n');
            }
        }
        for (Note d : t.baseDoubts()) {
            b.append(style.warn("note: " + d.text())).append("  ").append(rule(d)).append('\n');
        }
        if (t.missing() != null) {
            b.append(new MissingText(style).missing(t.model(), t.missing()));
        }
        return b.toString();
    }

    static String pad(String s, int w) {
        StringBuilder b = new StringBuilder(s == null ? "" : s);
        while (b.length() < w) {
            b.append(' ');
        }
        return b.toString();
    }

    // ---- matrix ----------------------------------------------------------------------------

    public String matrix(Matrix m) {
        StringBuilder b = new StringBuilder();
        int w = m.models().stream().mapToInt(r -> r.model().length() + (r.hypothetical() ? 1 : 0)).max().orElse(8);
        List<String> heads = m.abilities().stream().map(Matrix.Column::shortName).toList();
        b.append(pad("", w)).append(' ');
        for (String h : heads) {
            b.append(pad(h, 5));
        }
        b.append('\n');
        for (Matrix.Row row : m.models()) {
            b.append(pad(row.model() + (row.hypothetical() ? "*" : ""), w)).append(' ');
            for (Matrix.Cell c : row.cells()) {
                String mark = c.observed() == null ? "" : switch (c.observed()) {
                    case "agree" -> "✓";
                    case "contradict" -> "✗";
                    default -> "?";
                };
                b.append(style.level(c.level(), pad(c.level().sign() + mark, 5)));
            }
            b.append('\n');
        }
        b.append('\n').append("levels: · none  − weak  + present  ++ strong")
                .append(m.models().stream().anyMatch(Matrix.Row::hypothetical) ? "   * hypothetical" : "")
                .append(m.models().stream().flatMap(r -> r.cells().stream()).anyMatch(c -> c.observed() != null)
                        ? "   observed: ✓ agrees ✗ contradicts ? not predicted" : "").append('\n');
        for (int i = 0; i < heads.size(); i++) {
            b.append(pad(heads.get(i), 5)).append(m.abilities().get(i).id()).append(i % 2 == 1 || i == heads.size() - 1 ? "\n" : pad("", Math.max(1, 32 - m.abilities().get(i).id().length())));
        }
        return b.toString();
    }

    // ---- test -------------------------------------------------------------------------------

    public String test(org.origins.scenario.Outcome.Report report) {
        StringBuilder b = new StringBuilder();
        String current = null;
        for (var o : report.outcomes()) {
            if (!o.scenario().equals(current)) {
                current = o.scenario();
                b.append(style.bold(current)).append('\n');
            }
            b.append(o.passed() ? "  ok    " : style.warn("  FAIL  ")).append(o.expectation());
            if (!o.passed()) {
                b.append('\n').append("        ").append(o.file()).append(':').append(o.line()).append(": found: ").append(o.actual());
            }
            b.append('\n');
            if (!o.passed() && o.proof() != null) {
                for (String line : why(o.proof()).split("\n")) {
                    b.append("        │ ").append(line).append('\n');
                }
            }
        }
        b.append(report.passed()).append(" passed, ").append(report.failed()).append(" failed\n");
        return b.toString();
    }

    // ---- experiments ------------------------------------------------------------------------

    public String experiments(org.origins.explain.Experiments x) {
        StringBuilder b = new StringBuilder();
        for (var p : x.experiments()) {
            b.append(style.bold(String.join(" / ", p.models()))).append("  — ").append(p.ingredient())
                    .append(", tests ").append(p.claim()).append('\n');
            b.append("    ").append(p.question()).append(style.dim("  (" + p.rule() + ")")).append('\n');
            for (String h : p.hypothetical()) {
                b.append(style.warn("    hypothetical: " + h)).append('\n');
            }
            for (String c : p.caveats()) {
                b.append(style.warn("    caveat: " + c)).append('\n');
            }
            for (String pr : p.predictions()) {
                b.append(style.dim("    predicted " + pr)).append('\n');
            }
        }
        b.append(x.experiments().size()).append(" experiments\n");
        return b.toString();
    }

    // ---- compare ----------------------------------------------------------------------------

    public String compare(org.origins.explain.Comparison c) {
        StringBuilder b = new StringBuilder();
        b.append(style.bold(c.a() + " vs " + c.b())).append(c.commonAncestor() == null ? "  (no common ancestor)"
                : "  (common ancestor: " + c.commonAncestor() + ")").append('\n');
        b.append("training\n");
        for (var f : c.fields()) {
            b.append("  ").append(pad(f.field(), 19)).append(f.a()).append("  vs  ").append(f.b()).append('\n');
        }
        b.append("  only ").append(c.a()).append(": ").append(c.onlyA().isEmpty() ? "(nothing)" : String.join("; ", c.onlyA())).append('\n');
        b.append("  only ").append(c.b()).append(": ").append(c.onlyB().isEmpty() ? "(nothing)" : String.join("; ", c.onlyB())).append('\n');
        b.append("abilities\n");
        if (c.abilities().isEmpty()) {
            b.append("  the same levels everywhere\n");
        }
        for (var d : c.abilities()) {
            b.append("  ").append(pad(d.ability(), 27)).append(style.level(d.a(), pad(d.a().id(), 8))).append(" vs  ")
                    .append(style.level(d.b(), d.b().id())).append('\n');
            if (!d.explainedBy().isEmpty()) {
                b.append("      explained by: ").append(String.join("; ", d.explainedBy())).append('\n');
            }
            for (String s : d.steps()) {
                b.append(style.dim("      " + s)).append('\n');
            }
        }
        return b.toString();
    }

    // ---- what-if ----------------------------------------------------------------------------

    public String whatIf(org.origins.explain.WhatIf w) {
        StringBuilder b = new StringBuilder();
        b.append(style.bold("what if " + w.model())).append(": ").append(String.join("; ", w.trainingChanges())).append('\n');
        if (w.changes().isEmpty() && w.otherChanges().isEmpty()) {
            b.append("no conclusion changes\n");
        }
        for (var c : w.changes()) {
            b.append("  ").append(c.model()).append(' ').append(c.ability()).append(": ").append(c.before().id())
                    .append(" → ").append(style.level(c.after(), c.after().id())).append('\n');
            for (String l : c.lost()) {
                b.append(style.dim("      no longer: " + l)).append('\n');
            }
            for (String g : c.gained()) {
                b.append(style.dim("      now:       " + g)).append('\n');
            }
        }
        for (String o : w.otherChanges()) {
            b.append("  ").append(o).append('\n');
        }
        return b.toString();
    }

    // ---- predict ----------------------------------------------------------------------------

    public String predict(org.origins.explain.Prediction p) {
        StringBuilder b = new StringBuilder();
        for (var m : p.models()) {
            b.append(style.dim("parent: " + (m.parent() == null ? "none (trained from scratch)" : m.parent()))).append('\n');
            b.append(abilities(m.abilities()));
            if (m.why() != null) {
                b.append('\n').append(why(m.why()));
            }
            if (m.whyNot() != null) {
                b.append('\n').append(whyNot(m.whyNot()));
            }
            b.append('\n');
        }
        return b.toString();
    }

    // ---- disputes ---------------------------------------------------------------------------

    public String disputes(org.origins.explain.Disputes d) {
        StringBuilder b = new StringBuilder();
        for (var x : d.disputes()) {
            b.append(style.bold(x.field())).append(": ").append(x.chosen()).append("  — chosen: ").append(x.chosenSource()).append('\n');
            for (var a : x.alternatives()) {
                b.append("  alternative ").append(a.value()).append("  — ").append(a.source()).append('\n');
                b.append(style.dim("    --assume " + a.assume())).append('\n');
                if (a.changes().isEmpty() && a.otherChanges().isEmpty()) {
                    b.append("    changes no conclusion\n");
                }
                for (var c : a.changes()) {
                    b.append("    ").append(c.model()).append(' ').append(c.ability()).append(": ").append(c.before().id())
                            .append(" → ").append(c.after().id()).append('\n');
                }
                for (String o : a.otherChanges()) {
                    b.append("    ").append(o).append('\n');
                }
            }
        }
        b.append(d.disputes().size()).append(" disputed facts\n");
        return b.toString();
    }

    // ---- check ------------------------------------------------------------------------------

    public String check(org.origins.explain.CheckReport report) {
        StringBuilder b = new StringBuilder();
        for (var i : report.issues()) {
            b.append(i.severity().equals("error") ? i.text() : style.warn(i.text())).append('\n');
        }
        if (report.observations() != null) {
            b.append(observations(report.observations()));
        }
        if (report.agreement() != null) {
            b.append(new AgreementText(style).agreement(report.view(), report.agreement()));
        }
        if (report.revisions() != null) {
            b.append(new AgreementText(style).revisions(report.revisions()));
        }
        b.append("check: ").append(report.errors()).append(" error(s), ").append(report.warnings()).append(" warning(s)\n");
        return b.toString();
    }

    public String observations(org.origins.explain.ObservationReport o) {
        StringBuilder b = new StringBuilder();
        for (var c : o.observations()) {
            String mark = switch (c.verdict()) {
                case "agree" -> "agree       ";
                case "contradict" -> style.warn("CONTRADICT  ");
                default -> style.dim("unpredicted ");
            };
            b.append(mark).append(c.model()).append(' ').append(c.ability()).append(' ').append(c.observed())
                    .append("  (predicted: ").append(c.predicted()).append(")  ").append(style.dim(c.source() + ", " + c.status()))
                    .append('\n');
            if (!c.verdict().equals("agree") && c.evidence() != null) {
                b.append("            observed: ").append(c.evidence()).append('\n');
            }
            for (var p : c.proofs()) {
                for (String line : why(p).split("\n")) {
                    b.append("            │ ").append(line).append('\n');
                }
            }
        }
        b.append(o.agree()).append(" agree, ").append(o.contradict()).append(" contradict, ").append(o.unpredicted())
                .append(" unpredicted\n");
        return b.toString();
    }

    // ---- why-not ---------------------------------------------------------------------------

    public String whyNot(org.origins.explain.WhyNot w) {
        StringBuilder b = new StringBuilder();
        b.append(style.bold(w.model() + " · " + w.ability())).append(": ")
                .append(style.level(w.level(), w.level().id() + " " + w.level().sign()));
        if (w.level().compareTo(w.target()) >= 0) {
            b.append(" — it already has it at ").append(w.target().id()).append(" or above; `origins why ")
                    .append(w.model()).append(' ').append(w.ability()).append("` shows the proof\n");
            return b.toString();
        }
        b.append(w.level() == Level.NONE ? " — it lacks the ability" : " — below " + w.target().id()).append('\n');
        if (w.hypothetical()) {
            b.append(style.warn("hypothetical model: this is what the rules predict, not an observation")).append('\n');
        }
        for (String d : w.currentLevelFrom()) {
            b.append(style.dim("  its level comes from: " + d)).append('\n');
        }
        if (w.candidates().isEmpty()) {
            b.append("no rule in the rule base can raise ").append(w.ability()).append(" above ").append(w.level().id()).append('\n');
            return b.toString();
        }
        b.append(w.candidates().size()).append(" rule(s) could ").append(w.level() == Level.NONE ? "conclude" : "raise")
                .append(" it:\n\n");
        for (var c : w.candidates()) {
            String mark = switch (c.status()) {
                case "blocked" -> "✗";
                case "overridden" -> "↯";
                default -> "✓";
            };
            b.append(mark).append(' ').append(style.bold(c.rule())).append("  ").append(grade(c.grade()))
                    .append("  ").append(c.concludes()).append(" — ").append(c.status()).append('\n');
            if (c.claim() != null) {
                b.append("    \"").append(c.claim()).append("\"\n");
            }
            b.append(style.dim("    " + c.location())).append('\n');
            for (var k : c.conditions()) {
                String state = switch (k.state()) {
                    case "matched" -> "✓ matched" + (k.matched() == null ? "" : ": " + k.matched());
                    case "fails" -> style.warn("✗ no match") + (k.failingConstraint() == null ? "" : " — fails at `" + k.failingConstraint() + "`")
                            + (k.nearMiss() == null ? "" : "; nearest: " + k.nearMiss());
                    default -> style.dim("· not reached");
                };
                b.append("    ").append(k.condition()).append('\n').append("        ").append(state)
                        .append(style.dim("  " + k.location())).append('\n');
            }
            if (c.needs() != null) {
                b.append("    needs: ").append(c.needs()).append('\n');
            }
            if (c.firedAt() != null) {
                b.append("    fired at ").append(c.firedAt()).append('\n');
            }
            for (String o : c.overriddenBy()) {
                b.append("    overridden by ").append(o).append('\n');
            }
            b.append('\n');
        }
        return b.toString();
    }

    // ---- why -------------------------------------------------------------------------------

    public String why(AbilityProof p) {
        StringBuilder b = new StringBuilder();
        String names = p.abilityName() + (p.abilityNameZh() == null ? "" : " / " + p.abilityNameZh());
        b.append(style.bold(p.model() + " · " + p.ability())).append(" (").append(names).append("): ")
                .append(style.level(p.level(), p.level().id() + " " + p.level().sign()));
        if (p.grade() != null) {
            b.append("   grade: ").append(p.grade().label());
        }
        b.append('\n');
        if (p.hypothetical()) {
            b.append(style.warn("hypothetical model: this is what the rules predict, not an observation")).append('\n');
        }
        b.append(style.dim("history: " + (p.history().isEmpty() ? "(no training stages)" : String.join(" → ", p.history())))).append('\n');
        for (var l : p.lineage()) {
            b.append(style.dim("parent: " + l.model() + " ← " + l.parent() + " (" + l.source() + ", " + l.status() + ")"));
            if (l.disputed()) {
                b.append(style.warn(" DISPUTED; also stated: " + String.join("; ", l.alternatives())));
            }
            b.append('\n');
        }
        for (Note d : p.baseDoubts()) {
            b.append(style.warn("note: " + d.text())).append("  ").append(rule(d)).append('\n');
        }
        if (p.lacks()) {
            b.append('\n').append(p.hint()).append('\n');
            return b.toString();
        }
        b.append('\n');
        for (ProofStep s : p.steps()) {
            Tree t = new Tree(step(s));
            for (RuleStep r : s.because()) {
                ruleNode(t, r);
            }
            b.append(t.render());
        }
        for (Note m : p.mechanisms()) {
            b.append(style.dim("mechanism: " + m.text() + "  " + rule(m))).append('\n');
        }
        return b.toString();
    }

    private String step(ProofStep s) {
        String where = s.stage() + " " + s.kind() + (s.inherited() ? style.dim(" (inherited from " + s.model() + ")") : "");
        String move = s.changed() ? s.before().id() + " → " + style.level(s.after(), s.after().id()) : style.dim("no change (" + s.after().id() + ")");
        return where + ": " + style.bold(s.change()) + "   " + move + "   " + grade(s.grade());
    }

    private void ruleNode(Tree parent, RuleStep r) {
        Tree t = parent.child("rule " + style.bold(r.rule()) + "  " + grade(r.grade()));
        if (r.claim() != null) {
            t.line("\"" + r.claim() + "\"");
        }
        t.line(style.dim((r.source() == null ? "" : r.source() + " · ") + (r.location() == null ? "" : r.location())));
        for (ProofNode n : r.premises()) {
            premise(t, n);
        }
    }

    private void premise(Tree parent, ProofNode n) {
        if (n instanceof ProofNode.Stated s) {
            Tree t = parent.child(s.ref() + " " + s.fact() + "  " + grade(s.grade()));
            for (FieldNote f : s.fields()) {
                t.line(field(f));
            }
            t.line(style.dim((s.citation() == null ? "" : s.citation() + " · ") + (s.file() == null ? "" : s.file())));
        } else if (n instanceof ProofNode.Derived d) {
            Tree t = parent.child(d.ref() + " " + d.fact() + "  " + grade(d.grade()));
            for (RuleStep r : d.justifications()) {
                ruleNode(t, r);
            }
        } else if (n instanceof ProofNode.SeeAbove s) {
            Tree t = parent.child(style.dim(s.fact() + " — shown above as " + s.ref()));
            for (FieldNote f : s.fields()) {
                t.line(field(f));
            }
        } else if (n instanceof ProofNode.Elided e) {
            parent.child(style.dim(e.fact() + "  " + grade(e.grade()) + " — deeper than --depth"));
        }
    }

    private String field(FieldNote f) {
        StringBuilder b = new StringBuilder(f.field()).append(" = ").append(f.value());
        if (f.inheritedFrom() != null) {
            b.append(" (inherited from ").append(f.inheritedFrom()).append(")");
        }
        if (f.source() != null && f.status() != null) {
            b.append(" — ").append(f.source()).append(", ").append(f.status());
        }
        if (f.note() != null && (f.inheritedFrom() != null || "default".equals(f.status()) || f.field().startsWith("trained"))) {
            b.append(", ").append(f.note()); // how an inherited value came, which default, what a sum adds up
        }
        if (f.assumed()) {
            b.append(style.warn(" ASSUMED"));
        }
        if (f.disputed()) {
            b.append(style.warn(" DISPUTED; also stated: " + String.join("; ", f.alternatives())));
        }
        return b.toString();
    }
}
