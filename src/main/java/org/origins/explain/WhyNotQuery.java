package org.origins.explain;

import org.origins.facts.Effect;
import org.origins.io.FilePaths;
import org.origins.kb.Level;
import org.origins.kb.ModelRecord;
import org.origins.reasoning.Derivation;
import org.origins.reasoning.LevelTrace;
import org.origins.reasoning.LiveSession;
import org.origins.reasoning.Prober;
import org.origins.reasoning.Reasoner;
import org.origins.reasoning.Reasoning;
import org.origins.reasoning.Step;
import org.origins.rules.Condition;
import org.origins.rules.RuleInfo;

import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Why a model lacks an ability, or has it below a level: the candidate rules come from the rule
 * base itself (every rule whose right-hand side raises the ability), each judged on the model's
 * own lineage.
 */
public final class WhyNotQuery {
    private WhyNotQuery() {
    }

    /** @param target the level asked about; null means "at all" (weak) when lacking, else "strong" */
    public static WhyNot whyNot(Reasoning r, String model, String ability, Level target, long maxFirings) {
        LevelTrace trace = r.trace(model, ability);
        Level level = trace.level();
        Level wanted = target != null ? target : level == Level.NONE ? Level.WEAK : Level.STRONG;
        // the rules of the view: an essay rule a later one supersedes is not a candidate in the default view
        List<RuleInfo> candidates = WhyNot.Verdict.of(level, wanted) == WhyNot.Verdict.HAS_IT ? List.of() : r.rules().activeRules().stream()
                .filter(rule -> rule.conclusions().stream().anyMatch(c -> c.ability().equals(ability) && c.raises()
                        && canRaise(c, level)))
                .toList();
        Reasoning lineage = Reasoner.run(r.kb().lineageOf(model), r.rules(), maxFirings);
        Map<String, Prober.Result> probes = Prober.probe(lineage, candidates);
        List<WhyNot.Candidate> out = new ArrayList<>();
        for (RuleInfo rule : candidates) {
            out.add(candidate(r, trace, model, ability, rule, probes.get(rule.name())));
        }
        List<String> decided = new ArrayList<>();
        for (Step s : trace.decisive()) {
            decided.add(Describe.stage(s.stage()) + " " + s.effects().get(0).describe() + " (" + String.join(", ", r.rulesOf(s)) + ")");
        }
        return new WhyNot(WhyNot.SCHEMA, model, r.kb().require(model).hypothetical(), ability, level, wanted,
                WhyNot.Verdict.of(level, wanted), decided, out);
    }

    private static boolean canRaise(RuleInfo.Conclusion c, Level current) {
        if (c.change().equals("gives")) {
            return Level.parse(c.level()).map(l -> l.compareTo(current) > 0).orElse(true);
        }
        return current != Level.STRONG;
    }

    private static String concludes(RuleInfo rule, String ability) {
        return String.join("; ", rule.conclusions().stream().filter(c -> c.ability().equals(ability))
                .map(c -> c.change() + (c.level() == null ? "" : " " + c.level())).toList());
    }

    private static WhyNot.Candidate candidate(Reasoning r, LevelTrace trace, String model, String ability, RuleInfo rule,
                                              Prober.Result probe) {
        String location = FilePaths.display(rule.file()) + ":" + rule.line();
        String concludes = concludes(rule, ability);
        // Did it fire on a stage of this model's history?
        List<Step> steps = trace.steps();
        for (int i = 0; i < steps.size(); i++) {
            Step s = steps.get(i);
            if (!firedBy(r, s, rule)) {
                continue;
            }
            List<String> overriders = new ArrayList<>();
            for (Step later : steps.subList(i + 1, steps.size())) {
                if (later.after().compareTo(later.before()) < 0) {
                    overriders.add(Describe.stage(later.stage()) + " " + later.effects().get(0).describe() + " ("
                            + String.join(", ", r.rulesOf(later)) + ")");
                }
            }
            WhyNot.CandidateState status = !overriders.isEmpty() ? WhyNot.CandidateState.OVERRIDDEN
                    : s.changed() ? WhyNot.CandidateState.FIRED : WhyNot.CandidateState.NO_CHANGE;
            return new WhyNot.Candidate(rule.id(), rule.claim(), rule.grade(), location, concludes, status,
                    matchedConditions(r, rule, s), null, Describe.stage(s.stage()) + ": " + s.before() + " → " + s.after(),
                    overriders);
        }
        if (probe == null) {
            return new WhyNot.Candidate(rule.id(), rule.claim(), rule.grade(), location, concludes, WhyNot.CandidateState.NOT_ANALYSED,
                    List.of(), "its conditions use forms (or, from, accumulate) that why-not does not take apart", null, List.of());
        }
        List<WhyNot.ConditionCheck> checks = new ArrayList<>();
        List<Condition> cs = rule.conditions();
        List<String> lineage = r.kb().chain(model).stream().map(ModelRecord::id).toList();
        int matchedIndex = 0;
        for (int k = 0; k < cs.size(); k++) {
            Condition c = cs.get(k);
            String loc = FilePaths.display(rule.file()) + ":" + c.line() + ":" + c.column();
            if (probe.failingPattern() < 0 || k < probe.failingPattern()) {
                String matched = c.scope().isEmpty() && matchedIndex < probe.matched().size()
                        ? Describe.fact(probe.matched().get(matchedIndex++)) : null;
                checks.add(new WhyNot.ConditionCheck(c.text(), loc, WhyNot.ConditionState.MATCHED, matched, null, null));
            } else if (k == probe.failingPattern()) {
                Condition.Constraint failing = probe.failingConstraint() >= 0 ? c.constraints().get(probe.failingConstraint()) : null;
                String near = probe.candidates().isEmpty() ? null
                        : nearMiss(nearest(probe.candidates(), lineage), failing == null ? null : failing.text());
                String at = failing == null ? loc : FilePaths.display(rule.file()) + ":" + failing.line() + ":" + failing.column();
                checks.add(new WhyNot.ConditionCheck(c.text(), at, WhyNot.ConditionState.FAILS, null, failing == null ? null : failing.text(), near));
            } else {
                checks.add(new WhyNot.ConditionCheck(c.text(), loc, WhyNot.ConditionState.NOT_REACHED, null, null, null));
            }
        }
        String needs = probe.allMatch() ? "all conditions match on this lineage; the conclusion is not in its history"
                : needs(cs.get(probe.failingPattern()), model);
        return new WhyNot.Candidate(rule.id(), rule.claim(), rule.grade(), location, concludes, WhyNot.CandidateState.BLOCKED, checks, needs,
                null, List.of());
    }

    private static boolean firedBy(Reasoning r, Step s, RuleInfo rule) {
        return s.effects().stream().anyMatch(e -> r.derivations(e).stream().anyMatch(d -> d.rule().name().equals(rule.name())))
                || effectsOfStage(r, s).stream().anyMatch(e -> r.derivations(e).stream().anyMatch(d -> d.rule().name().equals(rule.name())));
    }

    /** All effects on the step's ability at its stage and change (not only the deciding ones). */
    private static List<Effect> effectsOfStage(Reasoning r, Step s) {
        String ability = s.effects().get(0).ability();
        return r.derived(Effect.class).stream()
                .filter(e -> e.stage().equals(s.stage()) && e.ability().equals(ability) && e.change() == s.change()).toList();
    }

    private static List<WhyNot.ConditionCheck> matchedConditions(Reasoning r, RuleInfo rule, Step s) {
        Derivation d = effectsOfStage(r, s).stream().flatMap(e -> r.derivations(e).stream())
                .filter(x -> x.rule().name().equals(rule.name())).findFirst().orElse(null);
        List<WhyNot.ConditionCheck> out = new ArrayList<>();
        int i = 0;
        for (Condition c : rule.conditions()) {
            String matched = d != null && c.scope().isEmpty() && i < d.premises().size() ? Describe.fact(d.premises().get(i++)) : null;
            out.add(new WhyNot.ConditionCheck(c.text(), FilePaths.display(rule.file()) + ":" + c.line() + ":" + c.column(),
                    WhyNot.ConditionState.MATCHED, matched, null, null));
        }
        return out;
    }

    /**
     * Of the near misses, one of the latest model in the lineage (the model itself first), and of
     * those the first by its description (its earliest stage): never the engine's firing order, which
     * differs from one run to the next when several facts miss alike.
     */
    private static Object nearest(List<Object> candidates, List<String> lineage) {
        return candidates.stream().max(Comparator.comparingInt((Object c) -> lineage.indexOf(LiveSession.modelOf(c)))
                .thenComparing(Describe::fact, Comparator.reverseOrder())).orElseThrow();
    }

    /** "stage davinci#1 pretraining, whose codeShare is 0%". */
    private static String nearMiss(Object fact, String failing) {
        StringBuilder b = new StringBuilder(Describe.fact(fact));
        if (failing == null || fact.getClass().getRecordComponents() == null) {
            return b.toString();
        }
        List<String> values = new ArrayList<>();
        for (RecordComponent c : fact.getClass().getRecordComponents()) {
            if (failing.matches("(?s).*(?<![$\\w.])" + c.getName() + "\\b.*")) {
                try {
                    values.add(c.getName() + " is " + Describe.value(c.getName(), c.getAccessor().invoke(fact)));
                } catch (ReflectiveOperationException e) {
                    // leave this field out
                }
            }
        }
        return values.isEmpty() ? b.toString() : b.append(", whose ").append(String.join(" and ", values)).toString();
    }

    private static final Map<String, String> NOUNS = Map.of(
            "Stage", "a training stage", "Model", "a model", "Earlier", "an earlier stage",
            "Effect", "an effect", "Lineage", "a lineage link", "Mechanism", "a mechanism", "BaseDoubt", "a doubt about a base");

    /** What a fact would need to look like to satisfy the condition, in the rule's own terms. */
    static String needs(Condition c, String model) {
        List<String> parts = new ArrayList<>();
        for (Condition.Constraint k : c.constraints()) {
            String t = k.text().replaceAll("^\\$\\w+\\s*:\\s*", "");
            if (!t.matches("[\\w.]+")) {
                parts.add(t);
            }
        }
        String noun = NOUNS.getOrDefault(c.type(), "a " + c.type() + " fact");
        String where = switch (c.type()) {
            case "Stage", "Effect", "Earlier" -> " in the lineage of " + model;
            case "Model" -> " (" + model + " or an ancestor)";
            default -> "";
        };
        String body = noun + where + (parts.isEmpty() ? "" : " with " + String.join(" and ", parts));
        return c.scope().equals("not") ? "no " + body.replaceFirst("^an? ", "") : body;
    }

}
