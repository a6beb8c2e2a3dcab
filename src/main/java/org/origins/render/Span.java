package org.origins.render;

import org.origins.kb.Grade;
import org.origins.kb.Level;

import java.util.List;

/**
 * A piece of a line of a {@link Document}: text with a meaning (a name, a level, a grade, a link)
 * that each writer shows in its own way. No span decides anything; the builder that made it did.
 */
public sealed interface Span {
    <R> R accept(Visitor<R> visitor);

    /** One method per kind of span. */
    interface Visitor<R> {
        R text(Text t);

        R strong(Strong s);

        R muted(Muted m);

        R warning(Warning w);

        R code(Code c);

        R link(Link l);

        R shaded(Shaded s);

        R sign(Sign s);

        R grade(GradeTag g);

        R detail(Detail d);
    }

    /** Plain text. */
    record Text(String text) implements Span {
        @Override
        public <R> R accept(Visitor<R> v) {
            return v.text(this);
        }

    }

    /** Emphasised: bold on a terminal, strong in Markdown and HTML (plain inside a heading). */
    record Strong(String text) implements Span {
        @Override
        public <R> R accept(Visitor<R> v) {
            return v.strong(this);
        }

    }

    /** Of less importance (sources, places, side remarks): dim on a terminal, muted in HTML. */
    record Muted(String text) implements Span {
        @Override
        public <R> R accept(Visitor<R> v) {
            return v.muted(this);
        }

    }

    /** Calls for attention (a dispute, an assumption, a hypothetical model, a failure). */
    record Warning(String text) implements Span {
        @Override
        public <R> R accept(Visitor<R> v) {
            return v.warning(this);
        }

    }

    /** An identifier, a command or a rule condition, as written: {@code `text`}. */
    record Code(String text) implements Span {
        @Override
        public <R> R accept(Visitor<R> v) {
            return v.code(this);
        }

    }

    /** A link to an anchor of the same document ({@code #id}); a terminal shows only its text. */
    record Link(String target, List<Span> text) implements Span {
        @Override
        public <R> R accept(Visitor<R> v) {
            return v.link(this);
        }

        public Link {
            text = List.copyOf(text);
        }
    }

    /** Text coloured by a level (green for strong, yellow for weak, ...). */
    record Shaded(Level level, String text) implements Span {
        @Override
        public <R> R accept(Visitor<R> v) {
            return v.shaded(this);
        }

    }

    /** A level's sign (· − + ++), coloured by the level. */
    record Sign(Level level) implements Span {
        @Override
        public <R> R accept(Visitor<R> v) {
            return v.sign(this);
        }

    }

    /** A grade, in brackets: {@code [strong hypothesis]}. */
    record GradeTag(Grade grade) implements Span {
        @Override
        public <R> R accept(Visitor<R> v) {
            return v.grade(this);
        }

    }

    /**
     * Small print that a narrow terminal leaves out (the grade of each cell of the matrix); Markdown
     * and HTML show it small.
     */
    record Detail(String text) implements Span {
        @Override
        public <R> R accept(Visitor<R> v) {
            return v.detail(this);
        }

    }
}
