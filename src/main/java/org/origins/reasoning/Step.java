package org.origins.reasoning;

import org.origins.facts.Change;
import org.origins.facts.Effect;
import org.origins.facts.Stage;
import org.origins.kb.Grade;
import org.origins.kb.Level;

import java.util.List;

/**
 * One application of effects along a model's history: at {@code stage}, the effects of one kind of
 * change took the ability from {@code before} to {@code after}. {@code effects} are the ones that
 * decided the outcome (several when they agree).
 */
public record Step(Stage stage, Change change, List<Effect> effects, Level before, Level after, Grade grade) {

    public Step {
        effects = List.copyOf(effects);
    }

    public boolean changed() {
        return before != after;
    }
}
