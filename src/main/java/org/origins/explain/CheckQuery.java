package org.origins.explain;

import org.origins.io.InputException;
import org.origins.io.Problem;
import org.origins.kb.KbLoader;
import org.origins.kb.KnowledgeBase;
import org.origins.reasoning.Assumptions;
import org.origins.reasoning.Derivation;
import org.origins.reasoning.Reasoner;
import org.origins.reasoning.Reasoning;
import org.origins.rules.Linter;
import org.origins.rules.RuleBase;
import org.origins.rules.RuleCompiler;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Checks facts and rules ({@code origins check}): loads and validates every fact file, compiles
 * every rule, lints the rules against the facts, runs them (experiments too) to find the rules that
 * never fire, and with {@code observations} compares every observation with the predictions. Each
 * step runs only when the ones before it left nothing broken.
 */
public final class CheckQuery {
    private CheckQuery() {
    }

    /** The report, and whether the input was broken (facts that do not load, rules that do not compile or fail). */
    public record Result(CheckReport report, boolean broken) {
    }

    public static Result run(Path facts, Path rulesDir, List<String> assume, long maxFirings, boolean observations) {
        KbLoader.Read read = KbLoader.read(facts);
        List<Problem> problems = new ArrayList<>(read.problems());
        KnowledgeBase kb = read.kb() == null ? null : Assumptions.parse(read.kb(), assume).apply(read.kb());
        RuleBase rules = null;
        try {
            rules = RuleCompiler.compile(rulesDir);
        } catch (InputException e) {
            problems.addAll(e.problems());
        }
        boolean broken = problems.stream().anyMatch(Problem::isError);
        ObservationReport observed = null;
        if (!broken && kb != null && rules != null) {
            List<Problem> lint = Linter.lint(rules, kb);
            problems.addAll(lint);
            if (lint.stream().noneMatch(Problem::isError)) {
                try {
                    Reasoning r = Reasoner.run(kb, rules, maxFirings, true);
                    problems.addAll(Linter.neverFired(rules, fired(r)));
                    observed = observations ? ObservationsQuery.check(r) : null;
                } catch (InputException e) { // a rule failed while running: reported with the others
                    problems.addAll(e.problems());
                    broken = true;
                }
            }
        }
        return new Result(CheckReport.of(problems, observed), broken);
    }

    /** The names of the rules that concluded something in the run. */
    private static Set<String> fired(Reasoning r) {
        Set<String> fired = new HashSet<>();
        for (Object f : r.derived(Object.class)) {
            r.derivations(f).stream().map(Derivation::rule).forEach(x -> fired.add(x.name()));
        }
        return fired;
    }
}
