package org.origins.explain;

import org.origins.io.FilePaths;
import org.origins.io.InputException;
import org.origins.io.Problem;
import org.origins.kb.EssayModels;
import org.origins.kb.KbLoader;
import org.origins.kb.KnowledgeBase;
import org.origins.kb.Observation;
import org.origins.reasoning.Assumptions;
import org.origins.reasoning.Derivation;
import org.origins.reasoning.Reasoner;
import org.origins.reasoning.Reasoning;
import org.origins.rules.Linter;
import org.origins.rules.RuleBase;
import org.origins.rules.RuleCompiler;
import org.origins.rules.View;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Checks facts and rules ({@code origins check}): loads and validates every fact file, compiles
 * every rule, lints the rules against the facts, runs them (experiments too) in both views to find
 * the rules that fire in neither, and when asked compares the observations with the predictions of
 * the chosen view: per observation file, beside the constant guesses, and in the default view the
 * essay conclusions the later rules change. Each step runs only when the ones before it left
 * nothing broken.
 */
public final class CheckQuery {
    private CheckQuery() {
    }

    /** The report, and whether the input was broken (facts that do not load, rules that do not compile or fail). */
    public record Result(CheckReport report, boolean broken) {
        /** Whether an observation contradicts the predictions. */
        public boolean contradicted() {
            return report.agreement() != null && report.agreement().stream().anyMatch(a -> a.contradict() > 0);
        }
    }

    /**
     * @param view     the view whose predictions are compared with the observations
     * @param observed the observation files to compare: null for none, empty for those of the facts folder
     */
    public static Result run(Path facts, Path rulesDir, List<String> assume, long maxFirings, View view, List<Path> observed) {
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
        ObservationReport essayFile = null;
        List<FileAgreement> agreement = null;
        List<Revision> revisions = null;
        if (!broken && kb != null && rules != null) {
            List<Problem> lint = Linter.lint(rules, kb);
            problems.addAll(lint);
            if (lint.stream().noneMatch(Problem::isError)) {
                try {
                    Reasoning r = Reasoner.run(kb, rules.inView(view), maxFirings, true);
                    Reasoning other = Reasoner.run(kb, rules.inView(view == View.ESSAY ? View.DEFAULT : View.ESSAY), maxFirings, true);
                    problems.addAll(Linter.neverFired(rules, fired(List.of(r, other))));
                    if (observed != null) {
                        agreement = agreement(r, observed, maxFirings);
                        essayFile = agreement.stream().filter(a -> a.file().equals(ownFile(kb))).map(FileAgreement::observations)
                                .findFirst().orElse(null);
                        revisions = view == View.DEFAULT ? RevisionsQuery.of(other, r, EssayModels.read(kb)) : null;
                    }
                } catch (InputException e) { // a rule failed while running: reported with the others
                    problems.addAll(e.problems());
                    broken = true;
                }
            }
        }
        return new Result(CheckReport.of(view, problems, essayFile, agreement, revisions), broken);
    }

    /** The names of the rules that concluded something in any of the runs. */
    private static Set<String> fired(List<Reasoning> runs) {
        Set<String> fired = new HashSet<>();
        for (Reasoning r : runs) {
            for (Object f : r.derived(Object.class)) {
                r.derivations(f).stream().map(Derivation::rule).forEach(x -> fired.add(x.name()));
            }
        }
        return fired;
    }

    /** Agreement per observation file: the given files, else those of the facts folder, in the splits' order. */
    private static List<FileAgreement> agreement(Reasoning r, List<Path> observed, long maxFirings) {
        KnowledgeBase kb = r.kb();
        List<Path> files = new ArrayList<>(observed);
        if (files.isEmpty()) {
            for (FileAgreement.Split s : FileAgreement.Split.values()) {
                if (s.fileName() != null && Files.exists(kb.directory().resolve(s.fileName()))) {
                    files.add(kb.directory().resolve(s.fileName()));
                }
            }
        }
        List<FileAgreement> out = new ArrayList<>();
        for (Path f : files) {
            boolean own = f.toAbsolutePath().normalize().equals(kb.directory().resolve(FileAgreement.Split.ESSAY_MODELS.fileName())
                    .toAbsolutePath().normalize());
            List<Observation> obs = own ? kb.observations() : KbLoader.readObservations(kb, f);
            var undetermined = MissingFacts.undeterminedOf(r, AgreementQuery.models(obs), maxFirings);
            out.add(AgreementQuery.of(r, FileAgreement.Split.of(f), own ? ownFile(kb) : FilePaths.display(f), obs, undetermined));
        }
        return out;
    }

    /** The knowledge base's own observation file, as the user reads its name. */
    private static String ownFile(KnowledgeBase kb) {
        return FilePaths.display(kb.directory().resolve(FileAgreement.Split.ESSAY_MODELS.fileName()));
    }
}
