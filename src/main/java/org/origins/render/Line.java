package org.origins.render;

import org.origins.kb.Grade;
import org.origins.kb.Level;

import java.util.ArrayList;
import java.util.List;

/** Builds the spans of one line of a document: {@code Line.of().strong(id).text(" — ").muted(source)}. */
public final class Line {
    private final List<Span> spans = new ArrayList<>();

    public static Line of() {
        return new Line();
    }

    public static Line of(String text) {
        return new Line().text(text);
    }

    public List<Span> spans() {
        return List.copyOf(spans);
    }

    public Line add(Span s) {
        spans.add(s);
        return this;
    }

    public Line add(Line other) {
        spans.addAll(other.spans);
        return this;
    }

    public Line text(String s) {
        return add(new Span.Text(s));
    }

    public Line strong(String s) {
        return add(new Span.Strong(s));
    }

    public Line muted(String s) {
        return add(new Span.Muted(s));
    }

    public Line warning(String s) {
        return add(new Span.Warning(s));
    }

    public Line code(String s) {
        return add(new Span.Code(s));
    }

    public Line shaded(Level level, String s) {
        return add(new Span.Shaded(level, s));
    }

    public Line sign(Level level) {
        return add(new Span.Sign(level));
    }

    /** The grade in brackets; nothing for null. */
    public Line grade(Grade g) {
        return g == null ? this : add(new Span.GradeTag(g));
    }

    public Line detail(String s) {
        return add(new Span.Detail(s));
    }

    public Line link(String target, Line text) {
        return add(new Span.Link(target, text.spans()));
    }

    public boolean isEmpty() {
        return spans.isEmpty();
    }
}
