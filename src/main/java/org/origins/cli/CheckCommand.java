package org.origins.cli;

import org.origins.explain.CheckReport;
import org.origins.explain.ObservationReport;
import org.origins.explain.ObservationsQuery;
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
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;

@Command(name = "check", mixinStandardHelpOptions = true,
        description = {"Check facts and rules: load and validate every fact file, compile every rule, lint the rules "
                + "(metadata, ids, sources, vocabulary, no model names), and warn about rules that never fire.",
                "One line per problem, file:line:col: message. Exit 0 clean, 1 lint errors (or warnings with --strict, "
                        + "or contradicted observations), 2 load or compile errors."})
class CheckCommand implements Callable<Integer> {
    @Mixin
    Options options;
    @Spec
    CommandSpec spec;
    @Option(names = "--observations", description = "Also compare every observation in facts/observations.json with the predictions.")
    boolean observations;
    @Option(names = "--strict", description = "Warnings fail the check too (exit 1).")
    boolean strict;

    @Override
    public Integer call() {
        List<Problem> problems = new ArrayList<>(KbLoader.check(options.factsDir()));
        KnowledgeBase kb = null;
        if (problems.stream().noneMatch(Problem::isError)) {
            kb = KbLoader.load(options.factsDir());
            kb = Assumptions.parse(kb, options.assume).apply(kb);
        }
        RuleBase rules = null;
        try {
            rules = RuleCompiler.compile(options.rulesDir());
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
                    Reasoning r = Reasoner.run(kb, rules, options.maxFirings, true);
                    Set<String> fired = new HashSet<>();
                    for (Object f : r.derived(Object.class)) {
                        r.derivations(f).stream().map(Derivation::rule).forEach(x -> fired.add(x.name()));
                    }
                    problems.addAll(Linter.neverFired(rules, fired));
                    if (observations) {
                        observed = ObservationsQuery.check(r);
                    }
                } catch (InputException e) {   // a rule failed while running: report it with the others
                    problems.addAll(e.problems());
                    broken = true;
                }
            }
        }
        CheckReport report = CheckReport.of(problems, observed);
        Output.print(spec, options.format, report);
        if (broken) {
            return Main.BAD_INPUT;
        }
        boolean failed = report.errors() > 0 || (strict && report.warnings() > 0)
                || (observed != null && observed.contradict() > 0);
        return failed ? Main.PROBLEMS : Main.OK;
    }
}
