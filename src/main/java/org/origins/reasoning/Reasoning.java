package org.origins.reasoning;

import org.origins.facts.BaseDoubt;
import org.origins.facts.Effect;
import org.origins.facts.Mechanism;
import org.origins.facts.Stage;
import org.origins.kb.Grade;
import org.origins.kb.KnowledgeBase;
import org.origins.kb.Level;
import org.origins.kb.ModelRecord;
import org.origins.rules.Condition;
import org.origins.rules.RuleBase;
import org.origins.rules.RuleInfo;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What one run of the rules concluded, for the queries to read: the {@link DerivationGraph} (what
 * is true and why), the {@link Grader} (how sure), and each model's level of each ability folded
 * along its history by {@link LevelFold}. The facts never change after the run; what is computed
 * from them (traces, grades) is remembered on first use, under a lock, so that the shell may read
 * one run from two threads. Nothing here prints.
 */
public final class Reasoning {
    private final KnowledgeBase kb;
    private final RuleBase rules;
    private final DerivationGraph graph;
    private final Grader grader;
    /** The derived effects by stage id, then by ability. */
    private final Map<String, Map<String, List<Effect>>> effectsByStage = new HashMap<>();
    /** Each model's own stages, in order. */
    private final Map<String, List<Stage>> stagesByModel = new HashMap<>();
    private final Map<String, LevelTrace> traces = new HashMap<>();
    private final Map<String, List<HistoryStep>> histories = new HashMap<>();
    /** Every ability's fold state after a model's whole history (batch prediction: a chunk's models share ancestors). */
    private final Map<String, Map<String, LevelFold>> finalFolds = new HashMap<>();

    Reasoning(KnowledgeBase kb, RuleBase rules, StatedFacts stated, Map<Object, List<Derivation>> derivations) {
        this.kb = kb;
        this.rules = rules;
        this.graph = new DerivationGraph(stated, derivations);
        this.grader = new Grader(kb, graph);
        for (Object f : derivations.keySet()) {
            if (f instanceof Effect e) {
                effectsByStage.computeIfAbsent(e.stage().id(), k -> new HashMap<>())
                        .computeIfAbsent(e.ability(), k -> new ArrayList<>()).add(e);
            }
        }
        for (Stage s : stated.stages()) {
            stagesByModel.computeIfAbsent(s.model(), k -> new ArrayList<>()).add(s);
        }
        stagesByModel.values().forEach(l -> l.sort(Comparator.comparingInt(Stage::order)));
    }

    public KnowledgeBase kb() {
        return kb;
    }

    public RuleBase rules() {
        return rules;
    }

    public StatedFacts stated() {
        return graph.stated();
    }

    public DerivationGraph graph() {
        return graph;
    }

    // ---- the derivation graph -------------------------------------------------------------------

    public FactOrigin origin(Object fact) {
        return graph.origin(fact);
    }

    public boolean isDerived(Object fact) {
        return graph.isDerived(fact);
    }

    public List<Derivation> derivations(Object fact) {
        return graph.derivations(fact);
    }

    public <T> List<T> derived(Class<T> type) {
        return graph.derived(type);
    }

    /** The stages of a model's whole history, ancestors' first, that the knowledge base accepts. */
    public List<Stage> history(String model) {
        List<Stage> out = new ArrayList<>();
        for (ModelRecord m : kb.chain(model)) {
            out.addAll(stagesByModel.getOrDefault(m.id(), List.of()));
        }
        return out;
    }

    public List<BaseDoubt> baseDoubts(String model) {
        return derived(BaseDoubt.class).stream().filter(b -> b.model().equals(model)).toList();
    }

    /** Mechanisms concluded for the stages of a model's history that raised the ability. */
    public List<Mechanism> mechanisms(String model, String ability) {
        Set<String> stages = new HashSet<>(history(model).stream().map(Stage::id).toList());
        return derived(Mechanism.class).stream()
                .filter(m -> m.ability().equals(ability) && stages.contains(m.stage().id()))
                .sorted(Comparator.comparing((Mechanism m) -> m.stage().id()).thenComparing(Mechanism::how))
                .toList();
    }

    /** The ids of the rules that justify a step's deciding effects, in order, each once. */
    public List<String> rulesOf(Step step) {
        List<String> ids = new ArrayList<>();
        for (Effect e : step.effects()) {
            for (Derivation d : derivations(e)) {
                if (!ids.contains(d.rule().id())) {
                    ids.add(d.rule().id());
                }
            }
        }
        return ids;
    }

    /** A rule by its name or id, for explanations. */
    public RuleInfo rule(String nameOrId) {
        return rules.byName(nameOrId).or(() -> rules.byId(nameOrId)).orElse(null);
    }

    // ---- grades ---------------------------------------------------------------------------------

    public synchronized Grade grade(Object fact) {
        return grader.grade(fact);
    }

    public synchronized Grade premiseGrade(Object premise, Condition pattern) {
        return grader.premiseGrade(premise, pattern);
    }

    public synchronized Grade derivationGrade(Derivation d) {
        return grader.derivationGrade(d);
    }

    public synchronized Derivation bestDerivation(List<?> facts) {
        return grader.bestDerivation(facts);
    }

    /** How sure the parent links are from a model up to an ancestor. */
    public Grade linkGrade(String model, String ancestor) {
        return grader.linkGrade(model, ancestor);
    }

    // ---- levels ---------------------------------------------------------------------------------

    /** A stage of a model's history with its effects by ability and the grade of the links up to it. */
    private record HistoryStep(Stage stage, Map<String, List<Effect>> effects, Grade link) {
    }

    /** The model's history ready for folding, computed once per model (a model has many abilities). */
    private List<HistoryStep> historySteps(String model) {
        return histories.computeIfAbsent(model, m -> {
            List<HistoryStep> out = new ArrayList<>();
            Map<String, Grade> links = new HashMap<>();
            for (Stage stage : history(m)) {
                Map<String, List<Effect>> effects = effectsByStage.getOrDefault(stage.id(), Map.of());
                out.add(new HistoryStep(stage, effects, links.computeIfAbsent(stage.model(), a -> grader.linkGrade(m, a))));
            }
            return out;
        });
    }

    /** How a model came to its level of an ability, step by step. */
    public synchronized LevelTrace trace(String model, String ability) {
        return traces.computeIfAbsent(model + "|" + ability, k -> {
            LevelFold f = new LevelFold(true);
            for (HistoryStep h : historySteps(model)) {
                List<Effect> effects = h.effects().getOrDefault(ability, List.of());
                if (!effects.isEmpty()) {
                    f.stage(h.stage(), effects, h.link(), grader::grade);
                }
            }
            return new LevelTrace(model, ability, f.level(), f.grade(), f.steps());
        });
    }

    public Level level(String model, String ability) {
        return trace(model, ability).level();
    }

    /** Every ability's level, in the vocabulary's order. */
    public Map<String, Level> levels(String model) {
        Map<String, Level> out = new LinkedHashMap<>();
        kb.abilities().forEach(a -> out.put(a.id(), level(model, a.id())));
        return out;
    }

    /**
     * The level and grade of every ability of a model, with the arithmetic of {@link #trace}, without
     * recording the steps (batch prediction): the fold starts from the parent's final state, kept, so
     * that a chunk's models that share ancestors fold each ancestor once.
     */
    public synchronized Map<String, Standing> standings(String model) {
        Map<String, LevelFold> byAbility = finalFolds(model, new HashSet<>());
        Map<String, Standing> out = new LinkedHashMap<>();
        for (var a : kb.abilities()) {
            LevelFold f = byAbility.get(a.id());
            out.put(a.id(), f == null ? new Standing(Level.NONE, null) : f.standing());
        }
        return out;
    }

    /**
     * The fold state after the model's history: its parent's state, seen through the parent link
     * ({@link LevelFold#inherited}), followed by the model's own stages. The same arithmetic as
     * folding the whole history at once (a test compares them for every real model).
     */
    private Map<String, LevelFold> finalFolds(String model, Set<String> visiting) {
        Map<String, LevelFold> known = finalFolds.get(model);
        if (known != null) {
            return known;
        }
        ModelRecord m = kb.model(model).orElse(null);
        ModelRecord parent = m == null ? null : kb.parentOf(m).orElse(null);
        Map<String, LevelFold> out = new HashMap<>();
        if (parent != null && visiting.add(model)) {
            Grade link = m.parent().chosen().map(st -> st.status().grade()).orElse(Grade.CONCLUSION);
            finalFolds(parent.id(), visiting).forEach((a, f) -> out.put(a, f.inherited(link)));
        }
        for (Stage stage : stagesByModel.getOrDefault(model, List.of())) {
            for (var e : effectsByStage.getOrDefault(stage.id(), Map.of()).entrySet()) {
                out.computeIfAbsent(e.getKey(), a -> new LevelFold(false)).stage(stage, e.getValue(), Grade.CONCLUSION, grader::grade);
            }
        }
        finalFolds.put(model, out);
        return out;
    }
}
