package org.origins.recipe;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.origins.explain.AbilityProof;
import org.origins.explain.Recipes;
import org.origins.explain.WhyQuery;
import org.origins.facts.Model;
import org.origins.io.InputException;
import org.origins.kb.Ability;
import org.origins.kb.KnowledgeBase;
import org.origins.kb.Level;
import org.origins.kb.ModelRecord;
import org.origins.reasoning.LevelTrace;
import org.origins.reasoning.Reasoning;
import org.origins.reasoning.Step;
import org.origins.rules.RuleBase;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code origins recipe}: what it would take. The changes come from the rules' own conditions
 * ({@link Moves}); the {@link Search} judges each draft in one live session; the recipes shown are
 * judged once more as the files they are, under their own ids, before they are reported.
 */
public final class RecipeQuery {
    /** At most this many changes, unless asked otherwise. */
    public static final int MAX_CHANGES = 3;
    /** The search stops after the rules have judged this many drafts. */
    public static final int CAP = 400;
    /** Recipes shown (and written by --out); the answer counts the rest. */
    static final int SHOWN = 5;
    /** How deep the proofs of --explain go: as deep as {@code why}'s default. */
    private static final int DEPTH = 50;

    private RecipeQuery() {
    }

    /**
     * What is asked: the model, the ability, the level wanted (null: present, or strong when the model
     * has it at present already), at most {@code maxChanges} changes, own stages kept or not, the
     * cost recipes are ranked by, and whether each recipe comes with its proof.
     */
    public record Ask(String model, String ability, Level target, int maxChanges, boolean keepStages, Recipes.Measure cost,
                      boolean explain) {
    }

    public static Recipes run(KnowledgeBase kb, RuleBase rules, Ask ask, long maxFirings) {
        if (ask.maxChanges() < 1) {
            throw new InputException("--max-changes must be at least 1, found " + ask.maxChanges());
        }
        ModelRecord base = kb.require(ask.model());
        Ability ability = kb.ability(ask.ability()).orElseThrow();
        try (Evaluator ev = new Evaluator(kb, rules, base.id(), ability.id(), maxFirings)) {
            Level level = ev.before().level(base.id(), ability.id());
            Level target = ask.target() != null ? ask.target() : level.compareTo(Level.PRESENT) < 0 ? Level.PRESENT : Level.STRONG;
            Recipes.Bounds unsearched = new Recipes.Bounds(ask.maxChanges(), ask.keepStages(), ask.cost(), 0, CAP, false);
            if (level.compareTo(target) >= 0) {
                return new Recipes(Recipes.SCHEMA, base.id(), ability.id(), ability.name(), level, target, Recipes.Verdict.HAS_IT,
                        unsearched, List.of(), 0, null, List.of(), List.of());
            }
            Moves moves = new Moves(kb, RuleNeeds.about(rules, ability.id()), ability.id(), base.id(), target, ask.keepStages(),
                    Thresholds.of(rules));
            Search.Result found = new Search(ev, moves, base, freeId(kb, base.id() + "-draft"), ability.id(), target,
                    ask.maxChanges(), CAP, ask.cost() == Recipes.Measure.STAGES).run();
            Comparator<Recipes.Recipe> order = Costs.order(ask.cost());
            List<Plan> ranked = found.found().stream()
                    .map(o -> Map.entry(o.plan(), recipe(o.plan(), o.reasoning(), base, ability.id(), o.draft().id(), null, null)))
                    .sorted((a, b) -> order.compare(a.getValue(), b.getValue())).map(Map.Entry::getKey).toList();
            List<Recipes.Recipe> shown = verified(ev, kb, base, ability.id(), target, ranked.subList(0, Math.min(SHOWN, ranked.size())),
                    ask.explain());
            Evaluator.Outcome near = shown.isEmpty() ? found.nearest() : null;
            return new Recipes(Recipes.SCHEMA, base.id(), ability.id(), ability.name(), level, target,
                    shown.isEmpty() ? Recipes.Verdict.NONE : Recipes.Verdict.FOUND,
                    new Recipes.Bounds(ask.maxChanges(), ask.keepStages(), ask.cost(), found.tried(), CAP, found.capped()),
                    shown, ranked.size() - shown.size(),
                    near == null ? null : recipe(near.plan(), near.reasoning(), base, ability.id(), near.draft().id(), null, null),
                    shown.isEmpty() ? obstacles(moves, target, ask.maxChanges(), found.capped()) : List.of(), moves.thresholds());
        }
    }

    /** What stood in the way when no recipe was found: the rules' unmet conditions, or the bound. */
    private static List<String> obstacles(Moves moves, Level target, int maxChanges, boolean capped) {
        return !moves.obstacles().isEmpty() ? moves.obstacles()
                : List.of("no rule that could give it at " + target.id() + " fires after at most " + maxChanges
                + (maxChanges == 1 ? " change" : " changes") + (capped ? " within the drafts tried" : "")
                + " of the kinds the rules' conditions suggest");
    }

    /**
     * The recipes to show, each as its file under its own id ({@code MODEL-ABILITY-N}), read by the
     * model reader and judged again together in the session, with proofs; a file that would not reach
     * the target is not shown.
     */
    private static List<Recipes.Recipe> verified(Evaluator ev, KnowledgeBase kb, ModelRecord base, String ability, Level target,
                                                 List<Plan> ranked, boolean explain) {
        String prefix = base.id() + "-" + kb.ability(ability).orElseThrow().shortName().toLowerCase(Locale.ROOT) + "-";
        List<Draft> drafts = new ArrayList<>();
        List<ObjectNode> files = new ArrayList<>();
        List<ModelRecord> models = new ArrayList<>();
        for (Plan plan : ranked) {
            Draft d = new Draft(base, plan, freeId(kb, prefix + (drafts.size() + 1)));
            ObjectNode file = d.json("origins recipe " + base.id() + " " + ability + "=" + target.id() + ": " + String.join("; ",
                    plan.changes().stream().map(c -> c.describe(base.id())).toList()));
            drafts.add(d);
            files.add(file);
            models.add(ev.read(file));
        }
        Reasoning r = ev.verify(models);
        List<Recipes.Recipe> out = new ArrayList<>();
        for (int i = 0; i < drafts.size(); i++) {
            Draft d = drafts.get(i);
            if (r.level(d.id(), ability).compareTo(target) >= 0) {
                out.add(recipe(d.plan(), r, base, ability, d.id(), files.get(i), explain ? WhyQuery.why(r, d.id(), ability, DEPTH) : null));
            }
        }
        return out;
    }

    /** A plan as judged in {@code r} (as model {@code id}), against the base model there; with its file and proof when shown. */
    private static Recipes.Recipe recipe(Plan plan, Reasoning r, ModelRecord base, String ability, String id, JsonNode file,
                                         AbilityProof proof) {
        LevelTrace trace = r.trace(id, ability);
        Step deciding = trace.decidingStep();
        List<String> decidedBy = deciding == null ? List.of() : r.rulesOf(deciding);
        Double parameters = r.stated().models().stream().filter(m -> m.id().equals(id)).findFirst().map(Model::parameters).orElse(null);
        List<Recipes.LevelChange> side = new ArrayList<>();
        Map<String, Level> before = r.levels(base.id());
        r.levels(id).forEach((a, after) -> {
            if (!a.equals(ability) && after != before.get(a)) {
                side.add(new Recipes.LevelChange(a, before.get(a), after));
            }
        });
        side.sort(Comparator.comparing((Recipes.LevelChange c) -> c.after().compareTo(c.before()) > 0));
        List<Recipes.Step> steps = plan.changes().stream()
                .map(c -> new Recipes.Step(c.verb(), c.describe(base.id()), c.rule())).toList();
        return new Recipes.Recipe(id, steps, trace.level(), trace.grade(), decidedBy, Costs.of(plan, base, parameters), side, file, proof);
    }

    /** {@code id}, or {@code id} with a number after it, that no model of the knowledge base has. */
    static String freeId(KnowledgeBase kb, String id) {
        String out = id;
        for (int n = 2; kb.model(out).isPresent(); n++) {
            out = id + "-" + n;
        }
        return out;
    }
}
