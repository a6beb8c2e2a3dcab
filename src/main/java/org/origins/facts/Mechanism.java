package org.origins.facts;

/**
 * How a stage's gain in an ability came about: {@code unlocked} (elicited from what pretraining
 * already laid down) or {@code injected} (put in by the stage's data).
 */
public record Mechanism(Stage stage, String ability, String how) {

    public static Mechanism unlocked(Effect e) {
        return new Mechanism(e.stage(), e.ability(), "unlocked");
    }

    public static Mechanism injected(Effect e) {
        return new Mechanism(e.stage(), e.ability(), "injected");
    }

    public String model() {
        return stage.model();
    }
}
