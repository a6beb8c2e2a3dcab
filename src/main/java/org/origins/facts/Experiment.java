package org.origins.facts;

import java.util.List;

/**
 * A comparison worth running: the models to compare, the ingredient it isolates, the claim it
 * would test and the question to ask.
 */
public record Experiment(List<String> models, String ingredient, String claim, String question) {

    public Experiment {
        models = List.copyOf(models);
    }

    public static Experiment pair(Contrast c, String claim, String question) {
        return new Experiment(List.of(c.base(), c.variant()), c.ingredient(), claim, question);
    }

    /** A base and two variants that each add a different ingredient: the two can be told apart. */
    public static Experiment triple(Contrast first, Contrast second, String claim, String question) {
        return new Experiment(List.of(first.base(), first.variant(), second.variant()),
                first.ingredient() + " vs " + second.ingredient(), claim, question);
    }
}
