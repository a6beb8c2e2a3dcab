package org.origins.reasoning;

import org.drools.core.common.InternalFactHandle;
import org.drools.tms.LogicalDependency;
import org.drools.tms.SimpleMode;
import org.drools.tms.TruthMaintenanceSystemEqualityKey;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.rule.AgendaFilter;
import org.kie.api.runtime.rule.ConsequenceException;
import org.kie.api.runtime.rule.FactHandle;
import org.kie.api.runtime.rule.Match;
import org.origins.io.Problem;
import org.origins.kb.KnowledgeBase;
import org.origins.kb.Level;
import org.origins.rules.RuleBase;
import org.origins.rules.RuleInfo;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A Drools session holding one knowledge base's facts. Rules conclude with {@code insertLogical};
 * the derivation graph is read back from truth maintenance itself (each derived fact's belief set
 * lists the matches that justify it), so it is always consistent with what is currently true —
 * after facts are replaced too.
 */
public final class LiveSession implements AutoCloseable {
    /** Firings allowed per run unless configured otherwise. */
    public static final long DEFAULT_MAX_FIRINGS = 100_000;
    /** Rules in this agenda group fire only when asked for (they compare models with each other). */
    public static final String EXPERIMENTS = "experiments";

    private final RuleBase rules;
    private final KieSession session;
    private final Map<Object, FactHandle> handles = new HashMap<>();
    private final long maxFirings;
    private final boolean experiments;
    private KnowledgeBase kb;
    private StatedFacts stated;

    private LiveSession(RuleBase rules, long maxFirings, boolean experiments) {
        if (maxFirings < 1) {
            // Drools reads a negative limit as "no limit": a looping rule would then never stop
            throw new org.origins.io.InputException("--max-firings must be at least 1 (the rule firings allowed in one run), found "
                    + maxFirings);
        }
        this.rules = rules;
        this.maxFirings = maxFirings;
        this.experiments = experiments;
        this.session = rules.kieBase().newKieSession();
    }

    public static LiveSession open(KnowledgeBase kb, RuleBase rules, long maxFirings) {
        return open(kb, rules, maxFirings, false);
    }

    /** With {@code experiments}, the rules of the "experiments" agenda group fire too, after the others. */
    public static LiveSession open(KnowledgeBase kb, RuleBase rules, long maxFirings, boolean experiments) {
        LiveSession s = new LiveSession(rules, maxFirings, experiments);
        try {
            s.replace(kb);
        } catch (RuntimeException e) {
            s.close();
            throw e;
        }
        return s;
    }

    /**
     * A session for many hypothetical models at once (batch prediction): the same KieBase and facts as
     * {@link #open}, inserted once and fired without the firing listeners (they cost about a tenth of
     * the engine's time); {@link #leanSnapshot} reads it. Like every run, within the {@link Watchdog}'s
     * wall-clock limit: a {@link RuleTimeout} or a {@link ReasoningCrash} ends the batch (a rule that
     * hangs would hang for every model again). A rule that fails, halts the engine, or rules that
     * reach {@code maxFirings}, end it with a {@link RuleFailure} that names no rule: the caller
     * redoes the models one by one in {@link #open ordinary} sessions, which do. Only the rules that
     * levels and grades depend on fire ({@link LevelRules}: the rules' view, without the rules whose
     * conclusions nothing reads).
     */
    public static LiveSession openLean(KnowledgeBase kb, LevelRules levelRules, long maxFirings) {
        RuleBase rules = levelRules.rules();
        AgendaFilter filter = levelRules.filter();
        LiveSession s = new LiveSession(rules, maxFirings, false);
        try {
            s.stated = FactBuilder.build(kb);
            s.kb = kb;
            int limit = (int) Math.min(Integer.MAX_VALUE - 1, maxFirings);
            boolean settled = Watchdog.run(rules, null, () -> {
                s.stated.models().forEach(s.session::insert);
                s.stated.stages().forEach(s.session::insert);
                return fire(s.session, filter, limit) < limit && fire(s.session, filter, 1) == 0;   // capped, or halted
            });
            if (!settled) {
                throw new RuleFailure(List.of(Problem.error(rules.directory(), 0, 0, null,
                        "rules did not settle (the cap is " + maxFirings + ", or a rule halted the engine)")));
            }
        } catch (RuleFailure | ReasoningCrash e) {
            s.close();
            throw e;
        } catch (RuntimeException e) {
            s.close();
            throw new RuleFailure(List.of(Problem.error(rules.directory(), 0, 0, null, "a rule failed: " + rootMessage(e))));
        }
        return s;
    }

    /**
     * The lean reading of the session (batch prediction): only the derived effects and what they rest
     * on, which is all that levels and grades need (see {@link LeanReading}); no proofs or notes.
     */
    public Reasoning leanSnapshot() {
        return LeanReading.of(session, kb, rules, stated);
    }

    /** The levels of these models only, folded from the derived effects (see {@link LevelReading}): no grades, no proofs. */
    public Map<String, Map<String, Level>> levels(Collection<String> models) {
        return LevelReading.of(session, kb, stated, models);
    }

    /**
     * Makes the session hold {@code newKb}'s facts: retracts what is gone, inserts what is new, fires;
     * within the {@link Watchdog}'s wall-clock limit (inserting evaluates conditions too).
     */
    public void replace(KnowledgeBase newKb) {
        StatedFacts next = FactBuilder.build(newKb);
        FiringCounter counter = new FiringCounter();
        Watchdog.run(rules, counter::current, () -> {
            update(newKb, next, counter);
            return null;
        });
    }

    private void update(KnowledgeBase newKb, StatedFacts next, FiringCounter counter) {
        List<Object> wanted = new ArrayList<>(next.models());
        wanted.addAll(next.stages());
        var keep = new java.util.HashSet<>(wanted);
        for (var it = handles.entrySet().iterator(); it.hasNext(); ) {
            var e = it.next();
            if (!keep.contains(e.getKey())) {
                session.delete(e.getValue());
                it.remove();
            }
        }
        for (Object f : wanted) {
            handles.computeIfAbsent(f, session::insert);
        }
        this.kb = newKb;
        this.stated = next;
        fire(counter);
    }

    private void fire(FiringCounter counter) {
        Cap cap = new Cap(maxFirings);
        session.addEventListener(counter);
        session.addEventListener(cap);
        // The cap stops the run before the firing that would exceed it. Drools' own limit is only a
        // safety net: it is not a per-run total (it overshoots when several rules fire).
        int limit = maxFirings >= Integer.MAX_VALUE ? Integer.MAX_VALUE : (int) maxFirings + 1;
        AgendaFilter filter = rules.agendaFilter(); // the view: rules it leaves out do not fire
        try {
            fire(session, filter, limit);
            Halt.check(session, rules, counter.last());
            if (experiments) {
                session.getAgenda().getAgendaGroup(EXPERIMENTS).setFocus();
                fire(session, filter, limit);
                Halt.check(session, rules, counter.last());
            }
        } catch (RuntimeException e) {
            if (Cap.reached(e)) {
                throw runaway(cap.fired, counter);
            }
            if (e instanceof RuleFailure rf) {
                throw rf;
            }
            if (e instanceof ConsequenceException ce) {
                throw new RuleFailure(List.of(consequenceProblem(ce.getMatch(), ce.getCause() == null ? ce : ce.getCause())));
            }
            throw new RuleFailure(List.of(Problem.error(rules.directory(), 0, 0, null,
                    "a rule failed while evaluating its conditions: " + rootMessage(e)
                            + (counter.last() == null ? "" : " (last rule fired: " + counter.last() + ")"))));
        } finally {
            session.removeEventListener(counter);
            session.removeEventListener(cap);
        }
    }

    /** Fires with the view's filter, if it has one; returns the firings. */
    private static int fire(KieSession session, AgendaFilter filter, int limit) {
        return filter == null ? session.fireAllRules(limit) : session.fireAllRules(filter, limit);
    }

    /** Rules that did not settle within the cap: named, the one that fired most at its place. */
    private RuleFailure runaway(long fired, FiringCounter counter) {
        String top = counter.top(5);
        String first = top.contains(" (") ? top.substring(0, top.indexOf(" (")) : top;
        RuleInfo info = rules.byName(first).orElse(null);
        return new RuleFailure(List.of(Problem.error(info == null ? rules.directory() : info.file(), info == null ? 0 : info.line(), 0,
                null, "rules fired " + fired + " times without settling (the cap is " + maxFirings
                        + "; --max-firings raises it); most firings: " + top
                        + "; no conclusions are reported from an incomplete run")));
    }

    /** Stops a run before the firing that would exceed {@code max} firings, by throwing {@link Reached}. */
    private static final class Cap extends org.kie.api.event.rule.DefaultAgendaEventListener {
        private final long max;
        private long fired;

        Cap(long max) {
            this.max = max;
        }

        @Override
        public void beforeMatchFired(org.kie.api.event.rule.BeforeMatchFiredEvent event) {
            if (fired >= max) {
                throw new Reached();
            }
        }

        @Override
        public void afterMatchFired(org.kie.api.event.rule.AfterMatchFiredEvent event) {
            fired++;
        }

        static boolean reached(Throwable t) {
            for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
                if (c instanceof Reached) {
                    return true;
                }
            }
            return false;
        }

        private static final class Reached extends RuntimeException {
            Reached() {
                super("the firing cap was reached", null, false, false);
            }
        }
    }

    private Problem consequenceProblem(Match match, Throwable cause) {
        String name = match == null ? "?" : match.getRule().getName();
        RuleInfo info = rules.byName(name).orElse(null);
        String model = match == null ? null : match.getObjects().stream()
                .map(LiveSession::modelOf).filter(Objects::nonNull).findFirst().orElse(null);
        String msg = "rule " + (info == null || info.id() == null ? "\"" + name + "\"" : info.id())
                + " failed in its right-hand side" + (model == null ? "" : " for model " + model) + ": " + rootMessage(cause)
                + "; no conclusions are reported from an incomplete run";
        return Problem.error(info == null ? rules.directory() : info.file(), info == null ? 0 : info.line(), 0, null, msg);
    }

    /** The model a stated or derived fact is about, or null. */
    public static String modelOf(Object fact) {
        if (fact instanceof org.origins.facts.Model m) {
            return m.id();
        }
        if (fact instanceof org.origins.facts.Stage s) {
            return s.model();
        }
        if (fact instanceof org.origins.facts.Effect e) {
            return e.model();
        }
        return null;
    }

    static String rootMessage(Throwable t) {
        Throwable c = t;
        while (c.getCause() != null && c.getCause() != c) {
            c = c.getCause();
        }
        return c.getMessage() == null ? c.getClass().getSimpleName() : c.getMessage();
    }

    /** The current state: stated facts, derived facts and their justifications. */
    public Reasoning snapshot() {
        Map<Object, List<Derivation>> derivations = new LinkedHashMap<>();
        for (FactHandle h : session.getFactHandles()) {
            InternalFactHandle ih = (InternalFactHandle) h;
            if (!(ih.getEqualityKey() instanceof TruthMaintenanceSystemEqualityKey key) || key.getBeliefSet() == null) {
                continue;
            }
            List<Derivation> ds = new ArrayList<>();
            for (var mode = (SimpleMode) key.getBeliefSet().getFirst(); mode != null; mode = mode.getNext()) {
                LogicalDependency<?> dep = mode.getObject();
                Match justifier = dep.getJustifier();
                RuleInfo info = rules.byName(justifier.getRule().getName())
                        .orElseGet(() -> new RuleInfo(justifier.getRule().getName(), justifier.getRule().getName(), null,
                                null, null, null, rules.directory(), 0, List.of(), List.of(), "", List.of()));
                ds.add(new Derivation(ih.getObject(), info, new ArrayList<>(justifier.getObjects())));
            }
            if (!ds.isEmpty()) {
                derivations.put(ih.getObject(), ds);
            }
        }
        checkVocabulary(derivations);
        return new Reasoning(kb, rules, stated, derivations);
    }

    /** A rule that concludes about an ability the vocabulary does not have is a rule error, not a silent no-op. */
    private void checkVocabulary(Map<Object, List<Derivation>> derivations) {
        List<Problem> problems = new ArrayList<>();
        java.util.Set<String> reported = new java.util.HashSet<>();
        for (var e : derivations.entrySet()) {
            if (e.getKey() instanceof org.origins.facts.Effect effect && kb.ability(effect.ability()).isEmpty()) {
                RuleInfo rule = e.getValue().get(0).rule();
                if (reported.add(rule.name() + "|" + effect.ability())) {
                    int[] at = org.origins.rules.Linter.place(rule, "\"" + effect.ability() + "\"");   // where check puts it
                    problems.add(Problem.error(rule.file(), at[0], at[1], null, "rule \"" + rule.name()
                            + "\": unknown ability \"" + effect.ability() + "\""
                            + org.origins.io.Suggest.hint(effect.ability(),
                            kb.abilities().stream().map(org.origins.kb.Ability::id).toList())));
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new RuleFailure(problems);
        }
    }

    @Override
    public void close() {
        session.dispose();
    }
}
