package org.origins.recipe;

import org.origins.explain.Recipes;
import org.origins.facts.Compute;
import org.origins.kb.ModelRecord;

import java.util.Comparator;

/** What a recipe costs, and the order recipes are shown in for each measure (ties: fewer changes, fewer abilities lost, a higher level, fewer tokens, fewer stages of unstated size). */
final class Costs {
    private Costs() {
    }

    /**
     * The cost of a plan on {@code base}, a model of {@code parameters} billions (null: unknown): an
     * added stage costs its tokens; an own stage changed is trained again, at its tokens (once,
     * however many of its attributes change); a removal costs nothing.
     */
    static Recipes.Cost of(Plan plan, ModelRecord base, Double parameters) {
        double tokens = 0;
        int unsized = 0;
        java.util.Set<Integer> redone = new java.util.HashSet<>();
        for (Change c : plan.changes()) {
            Object size = null;
            if (c instanceof Change.Add a) {
                size = a.attributes().get("tokens");
            } else if (c instanceof Change.Set s && redone.add(s.order())) {
                size = plan.changes().stream().filter(x -> x instanceof Change.Set t && t.order() == s.order() && t.field().equals("tokens"))
                        .map(x -> ((Change.Set) x).value()).findFirst()
                        .orElseGet(() -> base.stages().stream().filter(x -> x.order() == s.order()).findFirst()
                                .map(x -> x.tokens().value()).orElse(null));
            } else {
                continue;
            }
            if (size instanceof Number n) {
                tokens += n.doubleValue();
            } else {
                unsized++;
            }
        }
        Double flops = parameters == null ? null : Compute.flops(parameters, tokens);
        return new Recipes.Cost(plan.size(), tokens, flops, unsized);
    }

    static Comparator<Recipes.Recipe> order(Recipes.Measure m) {
        Comparator<Recipes.Recipe> changes = Comparator.comparingInt(r -> r.cost().changes());
        Comparator<Recipes.Recipe> lost = Comparator.comparingLong(r -> r.sideEffects().stream()
                .filter(x -> x.after().compareTo(x.before()) < 0).count());
        Comparator<Recipes.Recipe> tokens = Comparator.comparingDouble(r -> r.cost().tokens());
        Comparator<Recipes.Recipe> flops = Comparator.comparing(r -> r.cost().flops(), Comparator.nullsLast(Comparator.naturalOrder()));
        Comparator<Recipes.Recipe> higher = Comparator.comparing(Recipes.Recipe::level).reversed();
        Comparator<Recipes.Recipe> unsized = Comparator.comparingInt(r -> r.cost().unsized());
        Comparator<Recipes.Recipe> first = switch (m) {
            case STAGES -> changes.thenComparing(lost);
            case TOKENS -> tokens.thenComparing(changes).thenComparing(lost);
            case COMPUTE -> flops.thenComparing(changes).thenComparing(lost);
        };
        return first.thenComparing(higher).thenComparing(tokens).thenComparing(unsized);
    }
}
