package org.origins.render.answers;

import org.origins.explain.FieldNote;
import org.origins.explain.Note;
import org.origins.kb.Level;
import org.origins.render.Line;

/** The phrases several documents share, written once: a note's rule, a level, a field of a fact. */
final class Phrases {
    private Phrases() {
    }

    /** "RULE [grade]" after a side conclusion (either part may be missing). */
    static Line rule(Note n) {
        return Line.of(n.rule() == null ? "" : n.rule() + " ").grade(n.grade());
    }

    /** "note: TEXT  RULE [grade]": a doubt about a model's stated base. */
    static Line doubt(Note d) {
        return Line.of().warning("note: " + d.text()).text("  ").add(rule(d));
    }

    /** "strong ++", coloured by the level. */
    static Line level(Level l) {
        return Line.of().shaded(l, l.id() + " " + l.sign());
    }

    /** "parameters = 175B (inherited from davinci) — GPT3, published, NOTE ASSUMED DISPUTED; also stated: ...". */
    static Line field(FieldNote f) {
        StringBuilder b = new StringBuilder(f.field()).append(" = ").append(f.value());
        if (f.inheritedFrom() != null) {
            b.append(" (inherited from ").append(f.inheritedFrom()).append(")");
        }
        if (f.source() != null && f.status() != null) {
            b.append(" — ").append(f.source()).append(", ").append(f.status());
        }
        if (f.derived() && f.note() != null) {
            b.append(", ").append(f.note()); // how an inherited value came, which default, what a sum adds up
        }
        Line line = Line.of(b.toString());
        if (f.assumed()) {
            line.warning(" ASSUMED");
        }
        if (f.disputed()) {
            line.warning(" DISPUTED; also stated: " + String.join("; ", f.alternatives()));
        }
        return line;
    }

    /** The hypothetical-model warning that heads an answer about one. */
    static final String HYPOTHETICAL = "hypothetical model: this is what the rules predict, not an observation";
}
