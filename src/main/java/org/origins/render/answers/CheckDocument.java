package org.origins.render.answers;

import org.origins.explain.Agreement;
import org.origins.explain.CheckReport;
import org.origins.explain.FileAgreement;
import org.origins.explain.ObservationReport;
import org.origins.explain.Revision;
import org.origins.io.Problem;
import org.origins.render.Block;
import org.origins.render.Document;
import org.origins.render.Line;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What {@code origins check} found: one line per problem (file:line:col: message), then, with
 * --observations, each observation of the essay's models against the prediction (a contradiction
 * with the proofs of what was concluded), the agreement per observation file beside the constant
 * guesses (the other files' disagreements one a line), and the essay conclusions the later rules
 * change.
 */
final class CheckDocument {
    private CheckDocument() {
    }

    static Document of(CheckReport report) {
        Document.Builder d = Document.builder();
        d.lines(0, report.issues().stream().map(i -> i.severity() == Problem.Severity.ERROR ? Line.of(i.text()) : Line.of().warning(i.text()))
                .toList());
        if (report.observations() != null) {
            observations(report.observations(), d);
        }
        if (report.agreement() != null) {
            d.paragraph(Line.of().strong("agreement with the observations, " + report.view() + " view"));
            for (FileAgreement a : report.agreement()) {
                if (a.observations() != report.observations()) { // those are listed one by one above
                    disagreements(a.observations(), d);
                }
                agreement(a, d);
            }
        }
        if (report.revisions() != null) {
            revisions(report.revisions(), d);
        }
        return d.paragraph("check: " + report.errors() + " error(s), " + report.warnings() + " warning(s)").build();
    }

    static void observations(ObservationReport o, Document.Builder d) {
        for (ObservationReport.Check c : o.observations()) {
            List<Block.Item> below = new ArrayList<>();
            if (c.verdict() != Agreement.AGREE && c.evidence() != null) {
                below.add(Cells.item(Line.of("observed: " + c.evidence())));
            }
            d.add(new Block.Items(0, VERDICT_WIDTH, false, List.of(new Block.Item(check(c, c.source() + ", " + c.status()).spans(),
                    below))));
            ProofDocument.quoted(VERDICT_WIDTH, c.proofs(), d);
        }
        d.paragraph(o.agree() + " agree, " + o.contradict() + " contradict, " + o.unpredicted() + " unpredicted");
    }

    /** How wide a verdict stands before the observation: the longest and a space. */
    private static final int VERDICT_WIDTH = "undetermined".length() + 1;

    /** "CONTRADICT   MODEL ABILITY OBSERVED  (predicted: LEVEL)  SOURCE". */
    private static Line check(ObservationReport.Check c, String source) {
        String id = c.verdict() == Agreement.AGREE ? c.verdict().toString() : c.verdict().toString().toUpperCase(Locale.ROOT);
        String head = id + " ".repeat(VERDICT_WIDTH - id.length());
        Line line = switch (c.verdict()) {
            case AGREE -> Line.of(head);
            case CONTRADICT -> Line.of().warning(head);
            case UNPREDICTED, UNDETERMINED -> Line.of().muted(head);
        };
        return line.text(c.model() + " " + c.ability() + " " + c.observed() + "  (predicted: " + c.predicted() + ")  ")
                .muted(source);
    }

    /** The observations of a file that the predictions do not agree with, one a line. */
    private static void disagreements(ObservationReport o, Document.Builder d) {
        d.lines(0, o.observations().stream().filter(c -> c.verdict() != Agreement.AGREE).map(c -> check(c, c.source())).toList());
    }

    private static void agreement(FileAgreement a, Document.Builder d) {
        d.paragraph(Line.of().strong(split(a.split())).text(" (" + a.file() + "): " + count(a.agree(), a.total()) + " agree"
                + (a.contradict() > 0 ? ", " + a.contradict() + " contradict" : "")
                + (a.undetermined() > 0 ? ", " + a.undetermined() + " undetermined" : "")
                + (a.unpredicted() > 0 ? ", " + a.unpredicted() + " unpredicted" : "")
                + " · always present " + count(a.alwaysPresent(), a.total())
                + " · always absent " + count(a.alwaysAbsent(), a.total())));
        List<Block.Row> rows = a.abilities().stream().map(x -> new Block.Row(null, List.of(Cells.of(x.ability()),
                Cells.of(count(x.agree(), x.total())), Cells.of(count(x.alwaysPresent(), x.total())),
                Cells.of(count(x.alwaysAbsent(), x.total()))), List.of())).toList();
        d.add(new Block.Table(null, 4, false, List.of(Cells.column("ability", 0, 0), Cells.column("agree", 1, 0),
                new Block.Column("always present", "   always present ", 0, false),
                new Block.Column("always absent", "   always absent ", 0, false)), rows, 0, 0));
    }

    /** What an observation file is. */
    private static String split(FileAgreement.Split s) {
        return switch (s) {
            case ESSAY_MODELS -> "essay models";
            case DEVELOPMENT -> "development: the rules were written from these";
            case HELD_OUT -> "held out: not consulted while writing rules";
            case OTHER -> "observations";
        };
    }

    private static String count(int n, int total) {
        return n + "/" + total + (total == 0 ? "" : String.format(Locale.ROOT, " (%.1f%%)", 100.0 * n / total));
    }

    /** Each essay conclusion the later rules change: the two levels, the rules that decide it now, the essay rules superseded. */
    private static void revisions(List<Revision> revisions, Document.Builder d) {
        d.paragraph(Line.of().strong("essay conclusions that later evidence changes (--view essay → default view): " + revisions.size()));
        List<Block.Item> items = new ArrayList<>();
        for (Revision r : revisions) {
            List<Block.Item> below = new ArrayList<>();
            r.by().forEach(x -> below.add(Cells.item(Line.of("by " + x.rule() + "  ").muted(x.source()))));
            r.superseded().forEach(x -> below.add(Cells.item(Line.of("no longer " + x.rule() + "  ").muted(x.source()))));
            items.add(new Block.Item(Line.of(r.model() + " " + r.ability() + ": ").shaded(r.essay(), r.essay().id()).text(" → ")
                    .shaded(r.now(), r.now().id()).spans(), below));
        }
        d.add(new Block.Items(2, 4, false, items));
    }
}
