package org.origins.recipe;

import org.origins.explain.Necessity;
import org.origins.facts.Effect;
import org.origins.kb.Ability;
import org.origins.kb.Field;
import org.origins.kb.KnowledgeBase;
import org.origins.kb.Level;
import org.origins.kb.ModelRecord;
import org.origins.kb.StageKind;
import org.origins.kb.StageRecord;
import org.origins.reasoning.Reasoning;
import org.origins.rules.RuleBase;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * {@code origins recipe MODEL ABILITY --necessary}: counterfactual necessity. Each ingredient of the
 * model's history — every stage of its lineage, each attribute value of one, the refinement of its
 * kind (an RLHF with the LM mix-in as plain RLHF), a stated size — is taken away alone in the live
 * session (truth maintenance retracts what rested on it), and the level the rules then give is read.
 */
public final class NecessityQuery {
    private NecessityQuery() {
    }

    /** One ingredient taken away: what it is, and the lineage model without it. */
    private record Taken(Necessity.Part part, String owner, String what, String without, ModelRecord changed) {
    }

    public static Necessity run(KnowledgeBase kb, RuleBase rules, String model, String abilityId, long maxFirings) {
        Ability ability = kb.ability(abilityId).orElseThrow();
        try (Evaluator ev = new Evaluator(kb, rules, model, abilityId, maxFirings)) {
            Reasoning before = ev.before();
            Level level = before.level(model, abilityId);
            Set<String> raising = new HashSet<>();
            for (Effect e : before.derived(Effect.class)) {
                if (e.ability().equals(abilityId) && e.change().raises()) {
                    raising.add(e.stage().id());
                }
            }
            List<Necessity.Ingredient> necessary = new ArrayList<>();
            List<Necessity.Ingredient> redundant = new ArrayList<>();
            List<Necessity.Ingredient> against = new ArrayList<>();
            List<Taken> all = ingredients(kb, ev.lineage().chain(model));
            for (Taken t : all) {
                Level without = ev.without(List.of(t.changed()), model);
                Necessity.Ingredient i = new Necessity.Ingredient(t.part(), t.owner(), t.what(), t.without(), without);
                int c = without.compareTo(level);
                if (c < 0) {
                    necessary.add(i);
                } else if (c > 0) {
                    against.add(i);
                } else if (t.part() == Necessity.Part.STAGE && raising.contains(t.what().split(" ")[0])) {
                    redundant.add(i);
                }
            }
            return new Necessity(Necessity.SCHEMA, model, abilityId, ability.name(), level, necessary, redundant, against, all.size());
        }
    }

    /** Every ingredient of a lineage, ancestors first. */
    private static List<Taken> ingredients(KnowledgeBase kb, List<ModelRecord> chain) {
        List<Taken> out = new ArrayList<>();
        for (ModelRecord m : chain) {
            if (m.parameters().value() != null) {
                out.add(new Taken(Necessity.Part.MODEL_FIELD, m.id(), "parameters of " + m.id(),
                        "its size not stated (was " + Values.spec("parameters", m.parameters().value()) + ")",
                        m.withField(Field.absent("parameters"))));
            }
            for (StageRecord s : m.stages()) {
                if (!s.isPresent()) {
                    continue;
                }
                String stage = m.id() + "#" + s.order() + " " + s.kind();
                out.add(new Taken(Necessity.Part.STAGE, m.id(), stage, "without the stage", replaced(m, s, null)));
                StageKind kind = kb.stageKinds().get(s.kind());
                for (String broader : kind == null ? List.<String>of() : kind.isA()) {
                    StageKind b = kb.stageKinds().get(broader);
                    if (b != null && !b.isAbstract()) {
                        out.add(new Taken(Necessity.Part.REFINEMENT, m.id(), stage + ", rather than plain " + broader,
                                "as plain " + broader, replaced(m, s, withKind(s, broader))));
                    }
                }
                for (Field<?> f : s.attributes()) {
                    if (f.value() != null) {
                        out.add(new Taken(Necessity.Part.ATTRIBUTE, m.id(), stage + " " + f.name() + "=" + Values.spec(f.name(), f.value()),
                                f.name() + " not stated", replaced(m, s, s.withField(Field.absent(f.name())))));
                    }
                }
                if (s.objective() != null) {
                    out.add(new Taken(Necessity.Part.ATTRIBUTE, m.id(), stage + " objective=" + s.objective(), "objective not stated",
                            replaced(m, s, lists(s, s.corpus(), null, s.mixture()))));
                }
                for (String tag : s.corpus()) {
                    out.add(new Taken(Necessity.Part.ATTRIBUTE, m.id(), stage + " corpus " + tag, "corpus without " + tag,
                            replaced(m, s, lists(s, without(s.corpus(), tag), s.objective(), s.mixture()))));
                }
                for (String item : s.mixture()) {
                    out.add(new Taken(Necessity.Part.ATTRIBUTE, m.id(), stage + " mixture " + item, "mixture without " + item,
                            replaced(m, s, lists(s, s.corpus(), s.objective(), without(s.mixture(), item)))));
                }
            }
        }
        return out;
    }

    /** The model with stage {@code s} replaced (by null: removed). */
    private static ModelRecord replaced(ModelRecord m, StageRecord s, StageRecord by) {
        List<StageRecord> stages = new ArrayList<>();
        for (StageRecord x : m.stages()) {
            if (x != s) {
                stages.add(x);
            } else if (by != null) {
                stages.add(by);
            }
        }
        return m.withStages(stages);
    }

    private static List<String> without(List<String> items, String item) {
        return items.stream().filter(x -> !x.equals(item)).toList();
    }

    private static StageRecord withKind(StageRecord s, String kind) {
        return new StageRecord(s.order(), kind, s.description(), s.sources(), s.where(), s.status(), s.note(), s.present(),
                s.assumeAs(), s.tokens(), s.codeShare(), s.corpus(), s.objective(), s.tasks(), s.examples(), s.computeShare(),
                s.mixture());
    }

    private static StageRecord lists(StageRecord s, List<String> corpus, String objective, List<String> mixture) {
        return new StageRecord(s.order(), s.kind(), s.description(), s.sources(), s.where(), s.status(), s.note(), s.present(),
                s.assumeAs(), s.tokens(), s.codeShare(), corpus, objective, s.tasks(), s.examples(), s.computeShare(), mixture);
    }
}
