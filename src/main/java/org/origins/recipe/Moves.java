package org.origins.recipe;

import org.origins.facts.Effect;
import org.origins.facts.Model;
import org.origins.facts.Stage;
import org.origins.kb.KnowledgeBase;
import org.origins.kb.Level;
import org.origins.kb.StageKind;
import org.origins.kb.StageRecord;
import org.origins.reasoning.Derivation;
import org.origins.reasoning.Reasoning;
import org.origins.reasoning.Step;

import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The changes worth trying next on a draft, found in the rules' left-hand sides: for each rule that
 * could raise the ability from where the draft stands, a stage that satisfies its conditions (with
 * the stages its {@code Earlier} patterns need before it), or the attributes of an own stage that
 * fail them set to the values they name; for each rule that lowered the ability at an own stage,
 * that stage removed, or an attribute set so that the rule no longer matches. Nothing here knows
 * a stage kind, an attribute or a number: they all come from the rules and the vocabularies.
 */
final class Moves {
    /**
     * A change to try and the rule it is for. {@code size} names an attribute of its last change's
     * stage that the engine must size (a threshold on a derived fact), or is null; {@code leads}: the
     * draft may be extended towards the target (else it is only a candidate for the nearest).
     */
    record Move(List<Change> changes, RuleNeeds because, String size, boolean leads) {
    }

    private static final Set<String> STAGE_KEYS = Set.of("model", "order", "kind", "kinds");

    private final KnowledgeBase kb;
    private final List<RuleNeeds> needs;
    private final String ability;
    private final String model;
    private final boolean keepStages;
    private final Level target;
    private final Thresholds thresholds;
    /** The stated fields of a model (a condition on any other field is on something derived from its training). */
    private final Set<String> modelFields;
    private final Set<String> obstacles = new LinkedHashSet<>();
    /** Whether a rule raises the ability by a step (strengthens, restores): then lower levels are stepping stones. */
    private final boolean stepwise;
    private final Set<String> reads = new LinkedHashSet<>();

    Moves(KnowledgeBase kb, List<RuleNeeds> needs, String ability, String model, Level target, boolean keepStages,
          Thresholds thresholds) {
        this.target = target;
        this.stepwise = needs.stream().anyMatch(n -> n.conclusion().raises() && !n.conclusion().change().equals("gives"));
        this.kb = kb;
        this.needs = needs;
        this.ability = ability;
        this.model = model;
        this.keepStages = keepStages;
        this.thresholds = thresholds;
        this.modelFields = new LinkedHashSet<>(Arrays.stream(org.origins.kb.ModelRecord.class.getRecordComponents())
                .map(RecordComponent::getName).toList());
    }

    /** What stood in the way of rules the search could not use, in words. */
    List<String> obstacles() {
        return List.copyOf(obstacles);
    }

    /** The thresholds the rules the search used read, with their values and where they are defined. */
    List<String> thresholds() {
        return List.copyOf(reads);
    }

    List<Move> from(Evaluator.Outcome o) {
        List<Move> out = new ArrayList<>();
        Reasoning r = o.reasoning();
        String id = o.draft().id();
        Model fact = r.stated().models().stream().filter(m -> m.id().equals(id)).findFirst().orElse(null);
        List<Stage> history = o.history();
        for (RuleNeeds n : needs) {
            // without a rule that raises by a step, only a rule that gives the target or more can reach
            // it; the others are tried once, from the model itself, for the nearest draft
            boolean leads = stepwise || n.canRaise(target.down());
            if (n.conclusion().raises() && n.canRaise(o.level()) && (leads || o.plan().size() == 0)) {
                raise(o, n, fact, history, leads, out);
            }
        }
        for (Step step : r.trace(id, ability).steps()) {
            if (!step.change().raises() && step.after().compareTo(step.before()) < 0) {
                lower(o, step, out);
            }
        }
        return out;
    }

    private void raise(Evaluator.Outcome o, RuleNeeds n, Model fact, List<Stage> history, boolean leads, List<Move> out) {
        if (!n.analysable()) {
            obstacles.add(n.id() + " (" + n.place() + "): its effect is not about a stage pattern of its own, so the search does not take it apart");
            return;
        }
        boolean derived = !n.derived().isEmpty();
        for (Atom a : n.model()) {
            if (Boolean.FALSE.equals(a.test(fact))) {
                if (modelFields.contains(a.field())) {
                    if (n.canRaise(target.down())) {   // a rule that could reach the target stands in the way
                        obstacles.add(n.id() + " (" + n.place() + ") needs " + a.text() + " of the model; " + model + " has "
                                + a.field() + " " + shown(a.field(), fact) + ", and no change to its training changes that");
                    }
                    return;
                }
                derived = true;
            }
        }
        for (List<Atom> alt : n.stage()) {
            List<Change> before = prerequisites(n, history, history.size());
            if (before == null) {
                continue;
            }
            for (String kind : kinds(alt)) {
                Change.Add add = add(kind, alt, n.id());
                List<Change> move = new ArrayList<>(before);
                move.add(add);
                String size = leads && derived && takes(kind, "tokens") && !add.attributes().containsKey("tokens") ? "tokens" : null;
                out.add(new Move(move, n, size, leads));
            }
            for (int i = 0; i < history.size(); i++) {
                changeOwn(o, n, alt, history, i, derived, leads, out);
            }
        }
        for (var c : n.derived()) {
            for (Atom a : RuleNeeds.alternatives(c).get(0)) {
                thresholds.named(a).ifPresent(t -> reads.add(n.id() + " reads the threshold " + t.describe()));
            }
        }
    }

    /**
     * For own stage {@code i} of the history: its attributes set so that the rule's alternative
     * matches it, and, when the rule reads a derived fact, its tokens sized by the engine.
     */
    private void changeOwn(Evaluator.Outcome o, RuleNeeds n, List<Atom> alt, List<Stage> history, int i, boolean derived,
                           boolean leads, List<Move> out) {
        Stage s = history.get(i);
        StageRecord own = o.draft().ownStage(s);
        List<Change> sets = own == null ? null : sets(o.plan(), s, own, alt, n.id());
        List<Change> missing = sets == null ? null : prerequisites(n, history, i);
        if (missing == null || !missing.isEmpty()) {
            return;
        }
        if (!sets.isEmpty()) {
            out.add(new Move(sets, n, null, leads));
        }
        if (leads && derived && takes(s.kind(), "tokens") && !o.plan().touches(own.order(), "tokens")) {
            List<Change> sized = new ArrayList<>(sets);
            sized.add(new Change.Set(own.order(), own.kind(), "tokens", s.tokens(), s.tokens(), n.id()));
            out.add(new Move(sized, n, "tokens", leads));
        }
    }

    /**
     * The stages a rule's {@code Earlier} patterns need before position {@code at} of the history
     * that no stage there satisfies, to be added; null when one cannot be made.
     */
    private List<Change> prerequisites(RuleNeeds n, List<Stage> history, int at) {
        List<Change> out = new ArrayList<>();
        for (List<Atom> needed : n.earlier()) {
            boolean met = history.subList(0, at).stream().anyMatch(s -> needed.stream().noneMatch(a -> Boolean.FALSE.equals(a.test(s))));
            if (!met) {
                List<String> kinds = kinds(needed);
                if (kinds.isEmpty()) {
                    return null;
                }
                out.add(add(kinds.get(0), needed, n.id()));
            }
        }
        return out;
    }

    /** A stage of {@code kind} with the values the atoms name. */
    private Change.Add add(String kind, List<Atom> atoms, String rule) {
        Map<String, Object> values = new LinkedHashMap<>();
        for (Atom a : atoms) {
            if (isAttribute(a) && a.literal()) {
                Object v = Values.meeting(a.op(), a.value(), a.field(), values.get(a.field()));
                if (v != null) {
                    values.put(a.field(), v);
                }
            }
        }
        return new Change.Add(kind, values, rule);
    }

    /**
     * The attributes of own stage {@code s} set so that the alternative's atoms hold: null when its
     * kind does not match or an atom cannot be met by setting an attribute.
     */
    private List<Change> sets(Plan plan, Stage s, StageRecord own, List<Atom> alt, String rule) {
        List<Change> out = new ArrayList<>();
        for (Atom a : alt) {
            Boolean holds = a.test(s);
            if (!Boolean.FALSE.equals(holds)) {
                continue;
            }
            if (!isAttribute(a) || !takes(s.kind(), a.field()) || plan.touches(own.order(), a.field())) {
                return null;
            }
            Object was = Atom.read(s, a.field());
            Object v = Values.meeting(a.op(), a.value(), a.field(), was);
            if (v == null) {
                return null;
            }
            out.add(new Change.Set(own.order(), own.kind(), a.field(), v, was, rule));
        }
        return out;
    }

    /** For a step that lowered the ability at an own stage: the stage removed, or an attribute set so that its rule no longer matches. */
    private void lower(Evaluator.Outcome o, Step step, List<Move> out) {
        Stage s = step.stage();
        StageRecord own = o.draft().ownStage(s);
        if (own == null || o.plan().touches(own.order(), null)) {
            return;
        }
        Set<String> rules = new LinkedHashSet<>();
        for (Effect e : step.effects()) {
            for (Derivation d : o.reasoning().derivations(e)) {
                rules.add(d.rule().name());
            }
        }
        for (RuleNeeds n : needs) {
            if (!rules.contains(n.rule().name()) || n.conclusion().raises()) {
                continue;
            }
            if (!keepStages) {
                out.add(new Move(List.of(new Change.Remove(own.order(), own.kind(), n.id())), n, null, true));
            }
            if (n.stage().size() != 1) {
                continue;
            }
            for (Atom a : n.stage().get(0)) {
                if (isAttribute(a) && takes(s.kind(), a.field()) && Boolean.TRUE.equals(a.test(s))) {
                    Object was = Atom.read(s, a.field());
                    Object v = Values.failing(a.op(), a.value(), a.field(), was);
                    if (v != null) {
                        out.add(new Move(List.of(new Change.Set(own.order(), own.kind(), a.field(), v, was, n.id())), n, null, true));
                    }
                }
            }
        }
    }

    /** The most general kinds (not families) that satisfy the atoms about kind and take every attribute they name. */
    List<String> kinds(List<Atom> atoms) {
        List<String> fit = new ArrayList<>();
        for (StageKind k : kb.stageKinds().values()) {
            if (k.isAbstract()) {
                continue;
            }
            Stage probe = new Stage("", 0, k.id(), kb.kindClosure(k.id()), null, null, null, null, null, List.of(), null, List.of());
            boolean ok = true;
            for (Atom a : atoms) {
                if (STAGE_KEYS.contains(a.field()) ? Boolean.FALSE.equals(a.test(probe))
                        : isAttribute(a) && Values.meeting(a.op(), a.value(), a.field(), null) != null && !k.attributes().contains(a.field())) {
                    ok = false;
                }
            }
            if (ok) {
                fit.add(k.id());
            }
        }
        return fit.stream().filter(k -> fit.stream().noneMatch(g -> !g.equals(k) && kb.kindClosure(k).contains(g))).toList();
    }

    private boolean takes(String kind, String field) {
        StageKind k = kb.stageKinds().get(kind);
        return k != null && k.attributes().contains(field);
    }

    /** Whether the atom tests an attribute of a stage (not its kind, model or order). */
    private static boolean isAttribute(Atom a) {
        return a.path() != null && !a.path().contains(".") && !STAGE_KEYS.contains(a.field()) && a.op() != Atom.Op.OPAQUE;
    }

    private static String shown(String field, Object fact) {
        Object v = fact == null ? null : Atom.read(fact, field);
        return v == null ? "not stated" : Values.spec(field, v);
    }
}
