package org.origins.render.answers;

import org.origins.render.Anchors;
import org.origins.render.Line;

/** Names linked to their anchors, for documents written for a page that resolves them (the web explorer's). */
final class Links {
    private Links() {
    }

    /** {@code text} linked to the model's anchor. */
    static Line model(String model, Line text) {
        return Line.of().link(Anchors.href(Anchors.model(model)), text);
    }

    /** The model's id, linked to its anchor when {@code linked}. */
    static Line model(String model, boolean linked) {
        return linked ? model(model, Line.of(model)) : Line.of(model);
    }

    /** The rule's id in code type, linked to its anchor when {@code linked}. */
    static Line rule(String rule, boolean linked) {
        Line id = Line.of().code(rule);
        return linked ? Line.of().link(Anchors.href(Anchors.rule(rule)), id) : id;
    }

    /** {@code text} linked to the proof of the model's level of the ability when {@code linked}. */
    static Line proof(String model, String ability, Line text, boolean linked) {
        return linked ? Line.of().link(Anchors.href(Anchors.proof(model, ability)), text) : text;
    }
}
