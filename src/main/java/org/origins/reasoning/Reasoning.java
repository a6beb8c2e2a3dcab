package org.origins.reasoning;

import org.origins.facts.BaseDoubt;
import org.origins.facts.Change;
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

import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What one run of the rules concluded: the derivation graph (every derived fact with the rules and
 * premises that justify it), the provenance of every stated fact, and each model's level of each
 * ability folded along its history. Immutable; queries read it, nothing here prints.
 */
public final class Reasoning {
    private static final Pattern IDENT = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    private final KnowledgeBase kb;
    private final RuleBase rules;
    private final StatedFacts stated;
    private final Map<Object, List<Derivation>> derivations;
    /** The derived effects by stage id, then by ability. */
    private final Map<String, Map<String, List<Effect>>> effectsByStage = new HashMap<>();
    private final Map<Object, Grade> grades = new HashMap<>();
    private final Map<Object, Grade> derivedGrades = new java.util.IdentityHashMap<>();
    private final Map<String, LevelTrace> traces = new HashMap<>();
    private Map<String, List<Stage>> stagesByModel;

    Reasoning(KnowledgeBase kb, RuleBase rules, StatedFacts stated, Map<Object, List<Derivation>> derivations) {
        this.kb = kb;
        this.rules = rules;
        this.stated = stated;
        this.derivations = Map.copyOf(derivations);
        for (Object f : derivations.keySet()) {
            if (f instanceof Effect e) {
                effectsByStage.computeIfAbsent(e.stage().id(), k -> new HashMap<>())
                        .computeIfAbsent(e.ability(), k -> new ArrayList<>()).add(e);
            }
        }
    }

    public KnowledgeBase kb() {
        return kb;
    }

    public RuleBase rules() {
        return rules;
    }

    public StatedFacts stated() {
        return stated;
    }

    public FactOrigin origin(Object fact) {
        if (originsByIdentity == null) {
            Map<Object, FactOrigin> byIdentity = new java.util.IdentityHashMap<>();
            Set<Class<?>> types = new HashSet<>();
            for (var e : stated.origins().entrySet()) {
                byIdentity.put(e.getKey(), e.getValue());
                types.add(e.getKey().getClass());
            }
            originsByIdentity = byIdentity;
            statedTypes = types;
        }
        FactOrigin o = originsByIdentity.get(fact);
        if (o != null || fact == null || !statedTypes.contains(fact.getClass())) {
            return o; // facts are records: one of another type never equals a stated one
        }
        return stated.origins().get(fact);
    }

    /** The stated facts' origins by the session's own instances, and their types; built on first use. */
    private Map<Object, FactOrigin> originsByIdentity;
    private Set<Class<?>> statedTypes;

    public boolean isDerived(Object fact) {
        return derivations.containsKey(fact);
    }

    public List<Derivation> derivations(Object fact) {
        if (derivationsByIdentity == null) {
            derivationsByIdentity = new java.util.IdentityHashMap<>(derivations);
        }
        List<Derivation> ds = derivationsByIdentity.get(fact); // the session's own instance: no deep hashing
        return ds != null ? ds : derivations.getOrDefault(fact, List.of());
    }

    private Map<Object, List<Derivation>> derivationsByIdentity;

    /** Every derived fact of a type. */
    public <T> List<T> derived(Class<T> type) {
        return derivations.keySet().stream().filter(type::isInstance).map(type::cast).toList();
    }

    /** The stages of a model's whole history, ancestors' first, that the knowledge base accepts. */
    public List<Stage> history(String model) {
        if (stagesByModel == null) { // an index: with many models, scanning every stage per question is quadratic
            Map<String, List<Stage>> index = new HashMap<>();
            for (Stage s : stated.stages()) {
                index.computeIfAbsent(s.model(), k -> new ArrayList<>()).add(s);
            }
            index.values().forEach(l -> l.sort(Comparator.comparingInt(Stage::order)));
            stagesByModel = index;
        }
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

    // ---- grades ------------------------------------------------------------------------------

    /** The grade of a derived fact: its best justification's weakest link. Stated facts: as a whole. */
    public Grade grade(Object fact) {
        return grade(fact, null, new HashSet<>());
    }

    /** The grade of a premise as a pattern used it (only the fields the pattern constrains count). */
    public Grade premiseGrade(Object premise, Condition pattern) {
        return grade(premise, pattern, new HashSet<>());
    }

    private Grade grade(Object fact, Condition pattern, Set<Object> visiting) {
        Grade known = derivedGrades.get(fact); // the same instance asked again: skips hashing a deep record twice
        if (known != null) {
            return known;
        }
        FactOrigin o = origin(fact);
        if (o != null) {
            return pattern == null ? o.gradeFor(o.fields().keySet()) : o.gradeFor(usedFields(fact, pattern));
        }
        Grade cached = grades.get(fact);
        if (cached != null) {
            derivedGrades.put(fact, cached);
            return cached;
        }
        if (!visiting.add(fact)) {
            return Grade.EDUCATED_GUESS;
        }
        Grade best = null;
        for (Derivation d : derivations(fact)) {
            Grade g = derivationGrade(d, visiting);
            best = best == null ? g : Grade.strongest(best, g);
        }
        visiting.remove(fact);
        Grade result = best == null ? Grade.CONCLUSION : best;
        grades.put(fact, result);
        derivedGrades.put(fact, result);
        return pattern == null ? result : Grade.weakest(result, nestedGrade(fact, pattern));
    }

    /**
     * A pattern on a derived fact may read fields of a stated fact inside it
     * ({@code Effect( stage.examples <= 1000000 )}): those fields' provenance counts too.
     */
    private Grade nestedGrade(Object fact, Condition pattern) {
        Grade g = Grade.CONCLUSION;
        for (Nested n : nestedFields(fact.getClass(), pattern)) {
            Object inner;
            try {
                inner = n.component().getAccessor().invoke(fact);
            } catch (ReflectiveOperationException e) {
                continue;
            }
            FactOrigin o = inner == null ? null : origin(inner);
            if (o != null) {
                g = Grade.weakest(g, o.gradeFor(n.used()));
            }
        }
        return g;
    }

    /** A record component of a derived fact and the fields of it a pattern reads ({@code stage.examples}). */
    private record Nested(RecordComponent component, Set<String> used) {
    }

    private record PatternUse(Class<?> type, Condition pattern) {
    }

    /** What a pattern reads of a premise depends only on the premise's type: computed once per run. */
    private final Map<PatternUse, Set<String>> usedFieldsCache = new HashMap<>();
    private final Map<RuleInfo, List<Condition>> positivePatterns = new java.util.IdentityHashMap<>();
    private final Map<PatternUse, List<Nested>> nestedCache = new HashMap<>();

    private Set<String> usedFields(Object premise, Condition pattern) {
        return usedFieldsCache.computeIfAbsent(new PatternUse(premise.getClass(), pattern), k -> fieldsUsed(premise, pattern));
    }

    private List<Nested> nestedFields(Class<?> type, Condition pattern) {
        return nestedCache.computeIfAbsent(new PatternUse(type, pattern), k -> {
            List<Nested> out = new ArrayList<>();
            RecordComponent[] rc = type.getRecordComponents();
            if (rc == null) {
                return out;
            }
            for (RecordComponent c : rc) {
                Set<String> used = new LinkedHashSet<>();
                Pattern nested = Pattern.compile("(?<![$\\w])" + c.getName() + "\\.(\\w+)");
                for (Condition.Constraint k2 : pattern.constraints()) {
                    Matcher m = nested.matcher(k2.text());
                    while (m.find()) {
                        used.add(m.group(1));
                    }
                }
                if (!used.isEmpty()) {
                    out.add(new Nested(c, used));
                }
            }
            return out;
        });
    }

    public Grade derivationGrade(Derivation d) {
        return derivationGrade(d, new HashSet<>());
    }

    private Grade derivationGrade(Derivation d, Set<Object> visiting) {
        Grade g = d.rule().grade() == null ? Grade.EDUCATED_GUESS : d.rule().grade();
        List<Condition> patterns = positivePatterns.computeIfAbsent(d.rule(), RuleInfo::positivePatterns);
        for (int i = 0; i < d.premises().size(); i++) {
            Condition p = patternFor(d, i, patterns);
            g = Grade.weakest(g, grade(d.premises().get(i), p, visiting));
        }
        return g;
    }

    /** The pattern that matched the i-th premise, when the rule's shape allows telling. */
    public static Condition patternFor(Derivation d, int i, List<Condition> patterns) {
        if (patterns.size() == d.premises().size() && i < patterns.size()) {
            Condition c = patterns.get(i);
            if (c.type().equals(d.premises().get(i).getClass().getSimpleName())) {
                return c;
            }
        }
        return null;
    }

    /** Field names of the premise's record that the pattern's constraints mention. */
    public static Set<String> fieldsUsed(Object premise, Condition pattern) {
        RecordComponent[] rc = premise.getClass().getRecordComponents();
        Set<String> names = new HashSet<>();
        if (rc != null) {
            for (RecordComponent c : rc) {
                names.add(c.getName());
            }
        }
        if (pattern == null) {
            return names;
        }
        Set<String> used = new LinkedHashSet<>();
        for (Condition.Constraint c : pattern.constraints()) {
            Matcher m = IDENT.matcher(c.text().replaceAll("\"[^\"]*\"", ""));
            while (m.find()) {
                int start = m.start();
                boolean bound = start > 0 && c.text().charAt(start - 1) == '$';
                if (!bound && names.contains(m.group())) {
                    used.add(m.group());
                }
            }
        }
        return used;
    }

    // ---- levels ------------------------------------------------------------------------------

    public LevelTrace trace(String model, String ability) {
        return traces.computeIfAbsent(model + "|" + ability, k -> fold(model, ability));
    }

    /** A stage of a model's history with its effects by ability and the grade of the links up to it. */
    private record HistoryStep(Stage stage, Map<String, List<Effect>> effects, Grade link) {
    }

    private final Map<String, List<HistoryStep>> folds = new HashMap<>();

    /** The model's history ready for folding, computed once per model (a model has many abilities). */
    private List<HistoryStep> foldSteps(String model) {
        return folds.computeIfAbsent(model, m -> {
            List<HistoryStep> out = new ArrayList<>();
            Map<String, Grade> links = new HashMap<>();
            for (Stage stage : history(m)) {
                Map<String, List<Effect>> effects = effectsByStage.getOrDefault(stage.id(), Map.of());
                out.add(new HistoryStep(stage, effects, links.computeIfAbsent(stage.model(), a -> linkGrade(m, a))));
            }
            return out;
        });
    }

    public Level level(String model, String ability) {
        return trace(model, ability).level();
    }

    private LevelTrace fold(String model, String ability) {
        Fold f = new Fold(true);
        for (HistoryStep h : foldSteps(model)) {
            List<Effect> effects = h.effects().getOrDefault(ability, List.of());
            if (!effects.isEmpty()) {
                f.stage(h, effects);
            }
        }
        return new LevelTrace(model, ability, f.level, f.grade, f.steps);
    }

    /** A model's level of an ability and its grade (null when nothing ever changed it). */
    public record Outcome(Level level, Grade grade) {
    }

    /**
     * The level and grade of every ability of a model, folded in one pass over its history with
     * the same arithmetic as {@link #trace}, without recording the steps (batch prediction).
     */
    public Map<String, Outcome> outcomes(String model) {
        Map<String, Fold> byAbility = finalFolds(model, new HashSet<>());
        Map<String, Outcome> out = new LinkedHashMap<>();
        for (var a : kb.abilities()) {
            Fold f = byAbility.get(a.id());
            out.put(a.id(), f == null ? new Outcome(Level.NONE, null) : new Outcome(f.level, f.grade));
        }
        return out;
    }

    /** Every ability's fold state after a model's whole history, kept: a batch chunk's models share their ancestors. */
    private final Map<String, Map<String, Fold>> finalFolds = new HashMap<>();

    /**
     * The fold state after the model's history: its parent's state (grades no stronger than the parent
     * link: an inherited step's grade is the weakest of its effects' and of the links it passes through)
     * followed by the model's own stages. The same arithmetic as folding the whole history at once.
     */
    private Map<String, Fold> finalFolds(String model, Set<String> visiting) {
        Map<String, Fold> known = finalFolds.get(model);
        if (known != null) {
            return known;
        }
        ModelRecord m = kb.model(model).orElse(null);
        ModelRecord parent = m == null ? null : kb.parentOf(m).orElse(null);
        Map<String, Fold> out = new HashMap<>();
        if (parent != null && visiting.add(model)) {
            Grade link = m.parent().chosen().map(st -> st.status().grade()).orElse(Grade.CONCLUSION);
            finalFolds(parent.id(), visiting).forEach((a, f) -> out.put(a, f.inherited(link)));
        }
        if (stagesByModel == null) {
            history(model); // builds the index
        }
        for (Stage stage : stagesByModel.getOrDefault(model, List.of())) {
            HistoryStep h = new HistoryStep(stage, effectsByStage.getOrDefault(stage.id(), Map.of()), Grade.CONCLUSION);
            for (var e : h.effects().entrySet()) {
                out.computeIfAbsent(e.getKey(), a -> new Fold(false)).stage(h, e.getValue());
            }
        }
        finalFolds.put(model, out);
        return out;
    }

    /**
     * One ability's fold along a history: the level, the highest level so far, the grade (the
     * weakest of the steps that changed the level) and, when recorded, every step.
     */
    private final class Fold {
        Level level = Level.NONE;
        Level peak = Level.NONE;
        Grade grade;
        final List<Step> steps;

        Fold(boolean record) {
            this.steps = record ? new ArrayList<>() : null;
        }

        /** This state as a child sees it, through a parent link of grade {@code link} (not recording steps). */
        Fold inherited(Grade link) {
            Fold f = new Fold(false);
            f.level = level;
            f.peak = peak;
            f.grade = grade == null ? null : Grade.weakest(grade, link);
            return f;
        }

        /** Applies a stage's effects on the ability: gains before costs, in the order of {@link Change}. */
        void stage(HistoryStep h, List<Effect> effects) {
            Map<Change, List<Effect>> byChange = new EnumMap<>(Change.class);
            for (Effect e : effects) {
                byChange.computeIfAbsent(e.change(), c -> new ArrayList<>()).add(e);
            }
            for (var entry : byChange.entrySet()) {
                List<Effect> group = entry.getValue();
                Level before = level;
                List<Effect> deciding = group;
                switch (entry.getKey()) {
                    case WEAKENS -> level = level.down();
                    case TRADES_AWAY -> {
                        Level target = group.get(0).level();
                        for (Effect e : group) {
                            target = Level.min(target, e.level());
                        }
                        deciding = withLevel(group, target);
                        level = Level.min(level, target);
                    }
                    case GIVES -> {
                        Level target = group.get(0).level();
                        for (Effect e : group) {
                            target = Level.max(target, e.level());
                        }
                        deciding = withLevel(group, target);
                        level = Level.max(level, target);
                    }
                    case STRENGTHENS -> level = level.up();
                    case RESTORES -> level = level.compareTo(peak) < 0 ? Level.min(peak, level.up()) : level;
                }
                peak = Level.max(peak, level);
                boolean changed = before != level;
                if (steps == null && !changed) {
                    continue; // only the steps that changed the level count for the grade
                }
                Grade best = null;
                for (Effect e : deciding) {
                    Grade eg = grade(e);
                    best = best == null ? eg : Grade.strongest(best, eg);
                }
                Grade g = Grade.weakest(best == null ? Grade.CONCLUSION : best, h.link());
                if (changed) {
                    grade = grade == null ? g : Grade.weakest(grade, g);
                }
                if (steps != null) {
                    steps.add(new Step(h.stage(), entry.getKey(), deciding, before, level, g));
                }
            }
        }
    }

    private static List<Effect> withLevel(List<Effect> group, Level level) {
        if (group.size() == 1) {
            return group;
        }
        List<Effect> out = new ArrayList<>(group.size());
        for (Effect e : group) {
            if (e.level() == level) {
                out.add(e);
            }
        }
        return out;
    }

    /**
     * How sure the parent links are from {@code model} up to {@code ancestor}: an inherited step is
     * no stronger than the weakest link it passes through.
     */
    public Grade linkGrade(String model, String ancestor) {
        Grade g = Grade.CONCLUSION;
        for (ModelRecord m = kb.model(model).orElse(null); m != null && !m.id().equals(ancestor);
             m = kb.parentOf(m).orElse(null)) {
            g = Grade.weakest(g, m.parent().chosen().map(s -> s.status().grade()).orElse(Grade.CONCLUSION));
        }
        return g;
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

    /** The strongest justification of any of these derived facts (the first of equals), or null. */
    public Derivation bestDerivation(List<?> facts) {
        Derivation best = null;
        Grade bestGrade = null;
        for (Object f : facts) {
            for (Derivation d : derivations(f)) {
                Grade g = derivationGrade(d);
                if (best == null || g.compareTo(bestGrade) > 0) {
                    best = d;
                    bestGrade = g;
                }
            }
        }
        return best;
    }

    /** Rules by id, for explanations. */
    public RuleInfo rule(String nameOrId) {
        return rules.byName(nameOrId).or(() -> rules.byId(nameOrId)).orElse(null);
    }

    public Map<String, Level> levels(String model) {
        Map<String, Level> out = new LinkedHashMap<>();
        kb.abilities().forEach(a -> out.put(a.id(), level(model, a.id())));
        return out;
    }
}
