package org.origins.render.answers;

import org.origins.explain.WhyNot;
import org.origins.render.Anchors;
import org.origins.render.Block;
import org.origins.render.Document;
import org.origins.render.Line;

import java.util.ArrayList;
import java.util.List;

/**
 * Why a model lacks an ability, or has it below a level ({@code origins why-not}): the candidate
 * rules, each with its conditions (matched, the first that fails with the nearest fact, not reached)
 * and what it would need, or what overrode it.
 */
final class WhyNotDocument {
    private WhyNotDocument() {
    }

    static Document of(WhyNot w) {
        return of(w, false);
    }

    /** @param linked whether the candidate rules link to their anchors */
    static Document of(WhyNot w, boolean linked) {
        Document.Builder d = Document.builder();
        Line head = Line.of().strong(w.model() + " · " + w.ability()).text(": ").add(Phrases.level(w.level()));
        switch (w.verdict()) {
            case HAS_IT -> {
                head.text(" — it already has it at " + w.target().id() + " or above; ").code("origins why " + w.model() + " " + w.ability())
                        .text(" shows the proof");
                return d.heading(2, null, head).build();
            }
            case LACKS_IT -> head.text(" — it lacks the ability");
            case BELOW -> head.text(" — below " + w.target().id());
        }
        d.heading(2, null, head);
        if (w.hypothetical()) {
            d.lines(0, List.of(Line.of().warning(Phrases.HYPOTHETICAL)));
        }
        d.lines(2, w.currentLevelFrom().stream().map(x -> Line.of().muted("its level comes from: " + x)).toList());
        d.add(new Block.Diagram(WhyNotGraph.whyNot(w)));
        if (w.candidates().isEmpty()) {
            return d.paragraph("no rule in the rule base can raise " + w.ability() + " above " + w.level().id()).build();
        }
        d.paragraph(w.candidates().size() + " rule(s) could " + (w.verdict() == WhyNot.Verdict.LACKS_IT ? "conclude" : "raise") + " it:");
        d.gap();
        for (WhyNot.Candidate c : w.candidates()) {
            d.add(new Block.Items(0, 4, false, List.of(candidate(c, linked))));
            d.gap();
        }
        return d.build();
    }

    private static Block.Item candidate(WhyNot.Candidate c, boolean linked) {
        String mark = switch (c.status()) {
            case BLOCKED -> "✗";
            case OVERRIDDEN -> "↯";
            case FIRED, NO_CHANGE, NOT_ANALYSED -> "✓";
        };
        Line id = Line.of().strong(c.rule());
        Line head = Line.of(mark + " ").add(linked ? Line.of().link(Anchors.href(Anchors.rule(c.rule())), id) : id).text("  ").grade(c.grade()).text("  " + c.concludes() + " — " + c.status());
        List<Block.Item> below = new ArrayList<>();
        if (c.claim() != null) {
            below.add(Cells.item(Line.of("\"" + c.claim() + "\"")));
        }
        below.add(Cells.item(Line.of().muted(c.location())));
        for (WhyNot.ConditionCheck k : c.conditions()) {
            Line state = switch (k.state()) {
                case MATCHED -> Line.of("✓ matched" + (k.matched() == null ? "" : ": " + k.matched()));
                case FAILS -> {
                    Line l = Line.of().warning("✗ no match");
                    if (k.failingConstraint() != null) {
                        l.text(" — fails at ").code(k.failingConstraint());
                    }
                    yield k.nearMiss() == null ? l : l.text("; nearest: " + k.nearMiss());
                }
                case NOT_REACHED -> Line.of().muted("· not reached");
            };
            below.add(new Block.Item(Line.of(k.condition()).spans(), List.of(Cells.item(state.muted("  " + k.location())))));
        }
        if (c.needs() != null) {
            below.add(Cells.item(Line.of("needs: " + c.needs())));
        }
        if (c.firedAt() != null) {
            below.add(Cells.item(Line.of("fired at " + c.firedAt())));
        }
        c.overriddenBy().forEach(o -> below.add(Cells.item(Line.of("overridden by " + o))));
        return new Block.Item(head.spans(), below);
    }
}
