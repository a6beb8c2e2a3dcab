package org.origins.scenario;

import org.origins.explain.AbilityProof;
import org.origins.explain.TestReport;
import org.origins.explain.WhyQuery;
import org.origins.io.FilePaths;
import org.origins.kb.KnowledgeBase;
import org.origins.reasoning.Assumptions;
import org.origins.reasoning.LevelTrace;
import org.origins.reasoning.Reasoner;
import org.origins.reasoning.Reasoning;
import org.origins.reasoning.Step;
import org.origins.rules.RuleBase;
import org.origins.rules.RuleInfo;
import org.origins.rules.View;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Runs scenarios: one reasoning run per scenario that adds models or assumptions (the others
 * share one per view), then checks each expectation in the scenario's view. A failure carries the proof of what was concluded.
 */
public final class ScenarioRunner {
    private final KnowledgeBase kb;
    private final RuleBase rules;
    private final long maxFirings;
    /** One run per view for the scenarios that add nothing to the knowledge base. */
    private final Map<View, Reasoning> shared = new EnumMap<>(View.class);

    public ScenarioRunner(KnowledgeBase kb, RuleBase rules, long maxFirings) {
        this.kb = kb;
        this.rules = rules;
        this.maxFirings = maxFirings;
    }

    public TestReport run(List<Scenario> scenarios) {
        List<TestReport.Outcome> out = new ArrayList<>();
        for (Scenario s : scenarios) {
            Reasoning r = reasoningFor(s);
            for (Scenario.ExpectationLine e : s.expectations()) {
                out.add(check(s, e, r));
            }
        }
        int passed = (int) out.stream().filter(TestReport.Outcome::passed).count();
        return new TestReport(TestReport.SCHEMA, passed, out.size() - passed, out);
    }

    private Reasoning reasoningFor(Scenario s) {
        RuleBase view = s.view() == null ? rules : rules.inView(s.view());
        if (s.models().isEmpty() && s.assumptions().isEmpty()) {
            return shared.computeIfAbsent(view.view(), v -> Reasoner.run(kb, view, maxFirings));
        }
        KnowledgeBase k = s.models().isEmpty() ? kb : kb.with(s.models());
        k = Assumptions.parse(k, s.assumptions()).apply(k);
        return Reasoner.run(k, view, maxFirings);
    }

    private TestReport.Outcome check(Scenario s, Scenario.ExpectationLine located, Reasoning r) {
        Expectation e = located.expectation();
        String actual;
        boolean ok;
        AbilityProof proof = null;
        String model = null;
        String ability = null;
        if (e instanceof Expectation.LevelIs x) {
            model = x.model();
            ability = x.ability();
            ok = x.op().holds(r.level(model, ability), x.level());
            actual = model + " " + ability + " is " + r.level(model, ability);
        } else if (e instanceof Expectation.Ordered x) {
            model = x.model();
            ability = x.ability();
            ok = x.op().holds(r.level(model, ability), r.level(x.other(), ability));
            actual = model + " is " + r.level(model, ability) + ", " + x.other() + " is " + r.level(x.other(), ability);
        } else if (e instanceof Expectation.DerivedBy x) {
            model = x.model();
            ability = x.ability();
            List<String> deciding = decidingRules(r, r.trace(model, ability));
            ok = deciding.contains(x.rule());
            actual = deciding.isEmpty() ? "no rule decided it" : "decided by " + String.join(", ", deciding);
        } else if (e instanceof Expectation.NotDerived x) {
            model = x.model();
            ability = x.ability();
            LevelTrace t = r.trace(model, ability);
            ok = t.decisive().isEmpty();
            actual = ok ? "not derived" : "derived: " + t.level() + " by " + String.join(", ", decidingRules(r, t));
        } else if (e instanceof Expectation.GradeIs x) {
            model = x.model();
            ability = x.ability();
            LevelTrace t = r.trace(model, ability);
            ok = t.grade() != null && x.op().holds(t.grade(), x.grade());
            actual = t.grade() == null ? "no grade (not derived)" : "grade " + t.grade();
        } else if (e instanceof Expectation.MechanismIs x) {
            model = x.model();
            ability = x.ability();
            var ms = r.mechanisms(model, ability);
            ok = ms.stream().anyMatch(m -> m.how().equals(x.how()));
            actual = ms.isEmpty() ? "no mechanism concluded" : String.join(", ", ms.stream().map(m -> m.how() + " by " + m.stage().id()).toList());
        } else if (e instanceof Expectation.BaseDoubted x) {
            var ds = r.baseDoubts(x.model());
            ok = ds.stream().anyMatch(d -> d.base().equals(x.base()));
            actual = ds.isEmpty() ? "no doubt concluded about " + x.model() + "'s base" : "doubted: " + ds.get(0).base();
        } else if (e instanceof Expectation.RuleGrade x) {
            RuleInfo rule = rules.byId(x.rule()).orElseThrow(); // a rule's own grade is the same in every view
            ok = rule.grade() != null && x.op().holds(rule.grade(), x.grade());
            actual = "rule grade " + rule.grade();
        } else {
            throw new IllegalStateException("unknown expectation " + e);
        }
        if (!ok && model != null && ability != null) {
            proof = WhyQuery.why(r, model, ability, 2);
        }
        return new TestReport.Outcome(s.name(), FilePaths.display(s.file()), located.line(), e.text(), ok, actual, proof);
    }

    static List<String> decidingRules(Reasoning r, LevelTrace t) {
        List<String> ids = new ArrayList<>();
        for (Step step : t.decisive()) {
            r.rulesOf(step).stream().filter(id -> !ids.contains(id)).forEach(ids::add);
        }
        return ids;
    }
}
