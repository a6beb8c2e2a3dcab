package org.origins.render.answers;

import org.origins.explain.TestReport;
import org.origins.render.Block;
import org.origins.render.Document;
import org.origins.render.Line;

import java.util.List;

/** The analysts' scenarios run ({@code origins test}): ok or FAIL per expectation, a failure with what was found and its proof. */
final class TestDocument {
    private TestDocument() {
    }

    static Document of(TestReport report) {
        Document.Builder d = Document.builder();
        String current = null;
        for (TestReport.Outcome o : report.outcomes()) {
            if (!o.scenario().equals(current)) {
                current = o.scenario();
                d.heading(2, null, Line.of().strong(current));
            }
            Line head = o.passed() ? Line.of("ok    ") : Line.of().warning("FAIL  ");
            List<Block.Item> below = o.passed() ? List.of()
                    : List.of(Cells.item(Line.of(o.file() + ":" + o.line() + ": found: " + o.actual())));
            d.add(new Block.Items(2, 6, false, List.of(new Block.Item(head.text(o.expectation()).spans(), below))));
            if (!o.passed() && o.proof() != null) {
                ProofDocument.quoted(8, List.of(o.proof()), d);
            }
        }
        return d.paragraph(report.passed() + " passed, " + report.failed() + " failed").build();
    }
}
