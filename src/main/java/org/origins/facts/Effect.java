package org.origins.facts;

import org.origins.kb.Level;

/**
 * A conclusion of an ability rule: the stage changes the ability. {@code level} is the target of
 * gives and trades away, null for the others. The factories keep a rule's right-hand side to one
 * plain line: {@code insertLogical(Effect.gives($s, "code-generation", "present"));}
 */
public record Effect(Stage stage, String ability, Change change, Level level) {

    public Effect {
        if ((change == Change.GIVES || change == Change.TRADES_AWAY) != (level != null)) {
            throw new IllegalArgumentException(change + " " + (level == null ? "needs a level" : "takes no level"));
        }
    }

    public String model() {
        return stage.model();
    }

    public static Effect gives(Stage stage, String ability, String level) {
        return new Effect(stage, ability, Change.GIVES, level(level));
    }

    public static Effect tradesAway(Stage stage, String ability, String downTo) {
        return new Effect(stage, ability, Change.TRADES_AWAY, level(downTo));
    }

    public static Effect strengthens(Stage stage, String ability) {
        return new Effect(stage, ability, Change.STRENGTHENS, null);
    }

    public static Effect weakens(Stage stage, String ability) {
        return new Effect(stage, ability, Change.WEAKENS, null);
    }

    public static Effect restores(Stage stage, String ability) {
        return new Effect(stage, ability, Change.RESTORES, null);
    }

    private static Level level(String text) {
        return Level.parse(text).orElseThrow(() -> new IllegalArgumentException(
                "unknown level \"" + text + "\"; expected none, weak, present or strong"));
    }

    /** "gives present", "weakens". */
    public String describe() {
        return level == null ? change.label() : change.label() + " " + (change == Change.TRADES_AWAY ? "down to " : "") + level;
    }
}
