package org.origins.render.answers;

import org.origins.explain.RuleBook;
import org.origins.render.Anchors;
import org.origins.render.Block;
import org.origins.render.Document;
import org.origins.render.Line;

import java.util.ArrayList;
import java.util.List;

/**
 * Every rule ({@code origins rules}): its id and place, grade, claim, source, the abilities it concludes
 * about and the models it fired on.
 */
final class RulesDocument {
    private RulesDocument() {
    }

    static Document of(RuleBook book, boolean linked) {
        List<Block.Item> rules = new ArrayList<>();
        for (RuleBook.Entry e : book.rules()) {
            Line head = Line.of().code(e.id()).text("  ").grade(e.grade()).muted(e.location() == null ? "" : "  " + e.location());
            List<Block.Item> below = new ArrayList<>();
            if (e.claim() != null) {
                below.add(Cells.item(Line.of("\"" + e.claim() + "\"")));
            }
            List<String> about = new ArrayList<>();
            if (e.source() != null) {
                about.add(e.source());
            }
            if (!e.abilities().isEmpty()) {
                about.add("about " + String.join(", ", e.abilities()));
            }
            if (!about.isEmpty()) {
                below.add(Cells.item(Line.of().muted(String.join(" · ", about))));
            }
            Line fired = Line.of(e.firedOn().isEmpty() ? "fired on no model" : "fired on " + e.firedOn().size() + ": ");
            for (int i = 0; i < e.firedOn().size(); i++) {
                fired.text(i == 0 ? "" : ", ").add(Links.model(e.firedOn().get(i), linked));
            }
            below.add(Cells.item(fired));
            rules.add(new Block.Item(head.spans(), below));
        }
        Document.Builder d = Document.builder();
        if (!linked) {
            return d.add(new Block.Items(0, 2, false, rules)).paragraph(book.rules().size() + " rules").build();
        }
        // on a page each rule is a section of its own, so that a link can point at it
        d.paragraph(book.rules().size() + " rules");
        for (int i = 0; i < rules.size(); i++) {
            Block.Item r = rules.get(i);
            d.add(new Block.Heading(3, Anchors.rule(book.rules().get(i).id()), r.text()));
            d.add(new Block.Items(0, 2, false, r.items()));
        }
        return d.build();
    }
}
