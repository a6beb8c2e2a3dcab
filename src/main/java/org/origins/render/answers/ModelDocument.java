package org.origins.render.answers;

import org.origins.explain.AbilityProof;
import org.origins.explain.AbilityRow;
import org.origins.explain.FieldNote;
import org.origins.explain.ModelCard;
import org.origins.render.Block;
import org.origins.render.Document;
import org.origins.render.Line;

import java.util.ArrayList;
import java.util.List;

/**
 * A model's card ({@code origins model}): its lineage, its own fields and stages with every value's
 * source, the models trained from it, and its abilities with what decided each.
 */
final class ModelDocument {
    private ModelDocument() {
    }

    static Document of(ModelCard c, boolean linked) {
        Line head = Line.of().strong(c.model());
        if (c.name() != null && !c.name().equals(c.model())) {
            head.text(" — " + c.name());
        }
        Document.Builder d = Document.builder().heading(2, null, head);
        List<Line> context = new ArrayList<>();
        if (c.hypothetical()) {
            context.add(Line.of().warning(Phrases.HYPOTHETICAL));
        }
        List<String> about = new ArrayList<>();
        if (c.series() != null) {
            about.add("series: " + c.series());
        }
        if (c.organisation() != null) {
            about.add("organisation: " + c.organisation());
        }
        if (c.file() != null) {
            about.add(c.file());
        }
        if (!about.isEmpty()) {
            context.add(Line.of().muted(String.join(" · ", about)));
        }
        Line path = Line.of("lineage: ");
        for (int i = 0; i < c.path().size(); i++) {
            path.text(i == 0 ? "" : " ← ").add(i == 0 ? Line.of().strong(c.path().get(i)) : Links.model(c.path().get(i), linked));
        }
        context.add(path);
        for (AbilityProof.ParentLink l : c.lineage()) {
            Line line = Line.of().muted("parent: " + l.model() + " ← " + l.parent() + " (" + l.source() + ", " + l.status() + ")");
            if (l.disputed()) {
                line.warning(" DISPUTED; also stated: " + String.join("; ", l.alternatives()));
            }
            context.add(line);
        }
        c.doubts().forEach(n -> context.add(Phrases.doubt(n)));
        if (!c.children().isEmpty()) {
            Line children = Line.of("trained from it: ");
            for (int i = 0; i < c.children().size(); i++) {
                children.text(i == 0 ? "" : ", ").add(Links.model(c.children().get(i), linked));
            }
            context.add(children);
        }
        d.lines(0, context);

        d.heading(3, "fields", Line.of("Its own fields"));
        if (c.fields().isEmpty()) {
            d.paragraph(Line.of().muted("none stated (it inherits them)"));
        }
        d.add(new Block.Items(2, 2, false, c.fields().stream().map(f -> Cells.item(Phrases.field(f))).toList()));

        d.heading(3, "stages", Line.of("Its own training stages"));
        if (c.stages().isEmpty()) {
            d.paragraph(Line.of().muted("none: it inherits all its training"));
        }
        List<Block.Item> stages = new ArrayList<>();
        for (ModelCard.StageCard s : c.stages()) {
            Line sh = Line.of().strong(s.id() + " " + s.kind()).muted("  " + s.source() + ", " + s.status());
            if (!s.present()) {
                sh.warning("  disputed, not assumed");
            }
            List<Block.Item> below = new ArrayList<>();
            if (s.description() != null) {
                below.add(Cells.item(Line.of().muted(s.description())));
            }
            for (FieldNote f : s.fields()) {
                below.add(Cells.item(Phrases.field(f)));
            }
            if (s.assume() != null) {
                below.add(Cells.item(Line.of("its existence is disputed: ").code("--assume " + s.assume())
                        .text(s.present() ? " leaves it out" : " assumes it")));
            }
            stages.add(new Block.Item(sh.spans(), below));
        }
        d.add(new Block.Items(2, 2, false, stages));

        d.heading(3, "abilities", Line.of("Its abilities"));
        Document abilities = AbilitiesDocument.of(new AbilityRow.Table(AbilityRow.Table.SCHEMA, c.model(), c.hypothetical(),
                c.abilities(), List.of(), List.of()), linked);
        abilities.blocks().stream().skip(1).forEach(d::add);   // the card's own heading names the model
        return d.build();
    }
}
