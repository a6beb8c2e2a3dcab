package org.origins.cli;

import org.origins.explain.Agreement;
import org.origins.explain.AgreementQuery;
import org.origins.explain.CheckReport;
import org.origins.explain.MissingFacts;
import org.origins.explain.ObservationReport;
import org.origins.explain.Revision;
import org.origins.explain.RevisionsQuery;
import org.origins.kb.EssayModels;
import org.origins.kb.InputException;
import org.origins.kb.KbLoader;
import org.origins.kb.KnowledgeBase;
import org.origins.kb.Observation;
import org.origins.kb.Paths;
import org.origins.kb.Problem;
import org.origins.reasoning.Assumptions;
import org.origins.reasoning.Derivation;
import org.origins.reasoning.Reasoner;
import org.origins.reasoning.Reasoning;
import org.origins.rules.Linter;
import org.origins.rules.RuleBase;
import org.origins.rules.RuleCompiler;
import org.origins.rules.View;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;

@Command(name = "check", mixinStandardHelpOptions = true,
        description = {"Check facts and rules: load and validate every fact file, compile every rule, lint the rules "
                + "(metadata, ids, sources, vocabulary, no model names, views), and warn about rules that fire in neither view.",
                "With --observations, compare the predictions with every observation file (facts/observations.json, "
                        + "observations-later.json, observations-heldout.json, or the --observed files): agreement per file "
                        + "beside the constant guesses \"always present\" and \"always absent\"; in the default view, also every "
                        + "essay conclusion the later rules change.",
                "One line per problem, file:line:col: message. Exit 0 clean, 1 lint errors (or warnings with --strict, "
                        + "or contradicted observations), 2 load or compile errors."})
class CheckCommand implements Callable<Integer> {
    /** The observation files of facts/ and what each is, in the order they are reported. */
    static final List<String[]> SPLITS = List.of(
            new String[] {"observations.json", "essay models"},
            new String[] {"observations-later.json", "development: the rules were written from these"},
            new String[] {"observations-heldout.json", "held out: not consulted while writing rules"});

    @Mixin
    Options options;
    @Spec
    CommandSpec spec;
    @Option(names = "--observations", description = "Also compare the observations with the predictions.")
    boolean observations;
    @Option(names = "--observed", paramLabel = "FILE",
            description = "An observation file to compare (repeatable; implies --observations). Default: the observation files of the facts folder.")
    List<Path> observed = new ArrayList<>();
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
        ObservationReport essayFile = null;
        List<Agreement> agreement = null;
        List<Revision> revisions = null;
        if (!broken && kb != null && rules != null) {
            List<Problem> lint = Linter.lint(rules, kb);
            problems.addAll(lint);
            if (lint.stream().noneMatch(Problem::isError)) {
                try {
                    Reasoning r = Reasoner.run(kb, rules.inView(options.view), options.maxFirings, true);
                    View other = options.view == View.ESSAY ? View.DEFAULT : View.ESSAY;
                    Reasoning o = Reasoner.run(kb, rules.inView(other), options.maxFirings, true);
                    Set<String> fired = new HashSet<>();
                    for (Reasoning x : List.of(r, o)) {
                        for (Object f : x.derived(Object.class)) {
                            x.derivations(f).stream().map(Derivation::rule).forEach(d -> fired.add(d.name()));
                        }
                    }
                    problems.addAll(Linter.neverFired(rules, fired));
                    if (observations || !observed.isEmpty()) {
                        agreement = agreement(kb, r);
                        String own = Paths.display(kb.directory().resolve("observations.json"));
                        essayFile = agreement.stream().filter(a -> a.file().equals(own)).map(Agreement::observations)
                                .findFirst().orElse(null);
                        if (options.view == View.DEFAULT) {
                            revisions = RevisionsQuery.of(o, r, EssayModels.read(kb));
                        }
                    }
                } catch (InputException e) {   // a rule failed while running: report it with the others
                    problems.addAll(e.problems());
                    broken = true;
                }
            }
        }
        CheckReport report = CheckReport.of(options.view.id(), problems, essayFile, agreement, revisions);
        Output.print(spec, options.format, report, t -> t.check(report));
        if (broken) {
            return Main.BAD_INPUT;
        }
        boolean failed = report.errors() > 0 || (strict && report.warnings() > 0)
                || (agreement != null && agreement.stream().anyMatch(a -> a.contradict() > 0));
        return failed ? Main.PROBLEMS : Main.OK;
    }

    /** Agreement per observation file: the --observed files, else those of the facts folder. */
    private List<Agreement> agreement(KnowledgeBase kb, Reasoning r) {
        List<Agreement> out = new ArrayList<>();
        List<Path> files = new ArrayList<>(observed);
        if (files.isEmpty()) {
            for (String[] s : SPLITS) {
                if (Files.exists(kb.directory().resolve(s[0]))) {
                    files.add(kb.directory().resolve(s[0]));
                }
            }
        }
        for (Path f : files) {
            boolean own = f.toAbsolutePath().normalize().equals(kb.directory().resolve("observations.json").toAbsolutePath().normalize());
            List<Observation> obs = own ? kb.observations() : KbLoader.readObservations(kb, f);
            var undetermined = MissingFacts.undeterminedOf(r, AgreementQuery.models(obs), options.maxFirings);
            out.add(AgreementQuery.of(r, split(f), Paths.display(own ? kb.directory().resolve("observations.json") : f), obs,
                    undetermined));
        }
        return out;
    }

    private static String split(Path f) {
        String name = f.getFileName().toString();
        return SPLITS.stream().filter(s -> s[0].equals(name)).map(s -> s[1]).findFirst().orElse(name);
    }
}
