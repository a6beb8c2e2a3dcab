package org.origins.render.answers;

import org.origins.explain.Agreement;
import org.origins.explain.CheckReport;
import org.origins.explain.ObservationReport;
import org.origins.io.Problem;
import org.origins.render.Block;
import org.origins.render.Document;
import org.origins.render.Line;

import java.util.ArrayList;
import java.util.List;

/**
 * What {@code origins check} found: one line per problem (file:line:col: message), then, with
 * --observations, each observation against the prediction (a contradiction with the proofs of what
 * was concluded).
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
        return d.paragraph("check: " + report.errors() + " error(s), " + report.warnings() + " warning(s)").build();
    }

    static void observations(ObservationReport o, Document.Builder d) {
        for (ObservationReport.Check c : o.observations()) {
            Line head = switch (c.verdict()) {
                case AGREE -> Line.of("agree       ");
                case CONTRADICT -> Line.of().warning("CONTRADICT  ");
                case UNPREDICTED -> Line.of().muted("unpredicted ");
            };
            head.text(c.model() + " " + c.ability() + " " + c.observed() + "  (predicted: " + c.predicted() + ")  ")
                    .muted(c.source() + ", " + c.status());
            List<Block.Item> below = new ArrayList<>();
            if (c.verdict() != Agreement.AGREE && c.evidence() != null) {
                below.add(Cells.item(Line.of("observed: " + c.evidence())));
            }
            d.add(new Block.Items(0, 12, false, List.of(new Block.Item(head.spans(), below))));
            ProofDocument.quoted(12, c.proofs(), d);
        }
        d.paragraph(o.agree() + " agree, " + o.contradict() + " contradict, " + o.unpredicted() + " unpredicted");
    }
}
