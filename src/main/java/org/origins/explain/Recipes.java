package org.origins.explain;

import com.fasterxml.jackson.databind.JsonNode;
import org.origins.kb.Grade;
import org.origins.kb.Level;

import java.util.List;
import java.util.Locale;

/**
 * The answer to {@code origins recipe}: the smallest changes to a model's training after which the
 * rules give it an ability at least at {@code target}, ranked by a cost, each a hypothetical model
 * file ({@code file}, the schema of {@code facts/models}) that the rules have judged; or, when none
 * is within the bounds, the nearest draft and what stood in the way.
 */
public record Recipes(String schema, String model, String ability, String abilityName, Level level, Level target,
                      Verdict verdict, Bounds bounds, List<Recipe> recipes, int more, Recipe nearest,
                      List<String> obstacles, List<String> thresholds) implements Answer {
    public static final String SCHEMA = "origins.recipe/1";

    @Override
    public <R> R accept(Answer.Visitor<R> visitor) {
        return visitor.recipe(this);
    }

    public Recipes {
        recipes = List.copyOf(recipes);
        obstacles = List.copyOf(obstacles);
        thresholds = List.copyOf(thresholds);
    }

    /** {@code has-it}: nothing to do; {@code found}: recipes follow; {@code none}: none within the bounds. */
    public enum Verdict {
        HAS_IT, FOUND, NONE;

        /** The id in JSON and text: the name in lower case, words joined by '-'. */
        @Override
        public String toString() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    /** What recipes are ranked by: the compute of the training added, its tokens, or the number of changes. */
    public enum Measure {
        COMPUTE, TOKENS, STAGES;

        @Override
        public String toString() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** The search's bounds and how far it went: drafts the rules judged ({@code tried}), and whether it stopped at {@code cap}. */
    public record Bounds(int maxChanges, boolean keepStages, Measure cost, int tried, int cap, boolean capped) {
    }

    /**
     * One recipe: the hypothetical model's id and file, the changes it makes (each with the rule
     * that suggested it), the level the rules give it and how sure that is, the rules that decided
     * the level, its cost, the other abilities it changes ({@code sideEffects}, against the model
     * itself), and with {@code --explain} the proof.
     */
    public record Recipe(String id, List<Step> changes, Level level, Grade grade, List<String> decidedBy, Cost cost,
                         List<LevelChange> sideEffects, JsonNode file, AbilityProof proof) {
        public Recipe {
            changes = List.copyOf(changes);
            decidedBy = List.copyOf(decidedBy);
            sideEffects = List.copyOf(sideEffects);
        }
    }

    /** One change: {@code add}, {@code set} or {@code remove}, in words, and the rule whose conditions suggested it. */
    public record Step(String change, String text, String rule) {
    }

    /**
     * What a recipe costs: changes made, billions of tokens trained (added stages, and own stages
     * trained again because they change), the compute of that (FLOP, null when the model's size is
     * unknown), and how many of those stages state no tokens (not counted).
     */
    public record Cost(int changes, double tokens, Double flops, int unsized) {
    }

    /** Another ability whose level the recipe changes. */
    public record LevelChange(String ability, Level before, Level after) {
    }
}
