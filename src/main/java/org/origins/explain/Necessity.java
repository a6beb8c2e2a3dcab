package org.origins.explain;

import org.origins.kb.Level;

import java.util.List;
import java.util.Locale;

/**
 * The answer to {@code origins recipe MODEL ABILITY --necessary}: each ingredient of the model's
 * history (a stage, own or inherited, an attribute of one, the refinement of its kind, the size)
 * taken away alone, re-derived by the rules; {@code necessary} are those whose loss lowers the
 * ability, {@code redundant} the stages that gave or raised it but whose loss does not (another
 * ingredient gives it anyway), {@code against} those whose loss would raise it.
 */
public record Necessity(String schema, String model, String ability, String abilityName, Level level,
                        List<Ingredient> necessary, List<Ingredient> redundant, List<Ingredient> against, int tried)
        implements Answer {
    public static final String SCHEMA = "origins.recipe-necessary/1";

    @Override
    public <R> R accept(Answer.Visitor<R> visitor) {
        return visitor.necessary(this);
    }

    public Necessity {
        necessary = List.copyOf(necessary);
        redundant = List.copyOf(redundant);
        against = List.copyOf(against);
    }

    /** What an ingredient is: a whole stage, one attribute value of a stage, its kind's refinement, a model's field. */
    public enum Part {
        STAGE, ATTRIBUTE, REFINEMENT, MODEL_FIELD;

        @Override
        public String toString() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    /**
     * One ingredient: what it is, whose it is ({@code owner}: the model in the lineage), what taking
     * it away means ({@code without}), and the level the rules give without it.
     */
    public record Ingredient(Part part, String owner, String what, String without, Level levelWithout) {
    }
}
