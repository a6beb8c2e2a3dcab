package org.origins.cli;

import org.origins.io.FilePaths;
import org.origins.kb.KbLoader;
import org.origins.kb.KnowledgeBase;
import org.origins.kb.ModelReader;
import org.origins.kb.ModelRecord;
import org.origins.reasoning.Assumptions;
import org.origins.reasoning.Reasoner;
import org.origins.reasoning.Reasoning;
import org.origins.rules.RuleBase;
import org.origins.rules.RuleCompiler;

import java.nio.file.Path;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Loads what a command needs from the options: the knowledge base, the rules, a reasoning run. */
final class Workspace {
    private final Options options;
    /** The shell's state while the shell runs: its compiled rules and loaded facts serve every command. */
    private final ShellState shared;
    private KnowledgeBase kb;
    private RuleBase rules;

    Workspace(Options options) {
        this.options = options;
        this.shared = options.shell();
    }

    /** The knowledge base with the run's hypothetical models (--with) and assumptions in force. */
    KnowledgeBase kb() {
        if (kb == null) {
            KnowledgeBase loaded = sharedFacts() ? shared.kb() : KbLoader.load(options.factsDir());
            if (!options.with.isEmpty()) {
                loaded = loaded.with(readStandingIn(loaded, options.with));
            }
            kb = Assumptions.parse(loaded, options.assume).apply(loaded);
            Timing.mark("facts");
        }
        return kb;
    }

    /**
     * Hypothetical models from files for this run (predict FILE, --with FILE). One whose id is a real
     * model's stands in for it for the run, with a note on stderr; {@code add} refuses such a model.
     */
    List<ModelRecord> readStandingIn(KnowledgeBase base, List<Path> files) {
        ModelReader reader = ModelReader.against(base).allowingStandIns();
        List<ModelRecord> models = reader.files(files, true);
        for (ModelRecord m : reader.standingIn(models)) {
            options.err().println("note: " + m.id() + " from " + FilePaths.display(m.file())
                    + " stands in for the knowledge base's model " + m.id() + " for this run (origins add would refuse it)");
        }
        options.err().flush();
        return models;
    }

    /** Adds models to this run's knowledge base (before reasoning). */
    void add(List<ModelRecord> models) {
        kb = kb().with(models);
    }

    RuleBase rules() {
        if (rules == null) {
            rules = (sharedRules() ? shared.rules() : RuleCompiler.compile(options.rulesDir())).inView(options.view);
            Timing.mark("rules:" + rules.from().name().toLowerCase(java.util.Locale.ROOT));
        }
        return rules;
    }

    Reasoning reason() {
        if (sharedRun()) {
            return shared.reasoning();
        }
        Reasoning r = Reasoner.run(kb(), rules(), options.maxFirings);
        Timing.mark("reasoning");
        return r;
    }

    /**
     * A reasoning run over the lineages of {@code models} alone. Rules reason within a model's lineage
     * (they never name or compare models; the experiment rules, which do, do not fire here), so every
     * answer about these models is the one a run over the whole knowledge base gives
     * (LineageReasoningTest compares them), at a fraction of the cost with many models.
     */
    Reasoning reasonAbout(Collection<String> models) {
        if (sharedRun()) {
            return shared.reasoning();
        }
        Set<String> ids = new LinkedHashSet<>();
        for (String m : models) {
            kb().chain(m).forEach(x -> ids.add(x.id()));
        }
        Reasoning r = Reasoner.run(kb().restrictedTo(ids), rules(), options.maxFirings);
        Timing.mark("reasoning");
        return r;
    }

    /** Whether the shell's own run answers: its facts and rules, nothing added or assumed, the same cap and view. */
    private boolean sharedRun() {
        return sharedFacts() && sharedRules() && options.with.isEmpty() && options.assume.isEmpty()
                && options.maxFirings == shared.maxFirings && options.view == shared.rules().view();
    }

    private boolean sharedFacts() {
        return shared != null && same(options.factsDir(), shared.factsDir);
    }

    private boolean sharedRules() {
        return shared != null && same(options.rulesDir(), shared.rulesDir);
    }

    private static boolean same(Path a, Path b) {
        return a.toAbsolutePath().normalize().equals(b.toAbsolutePath().normalize());
    }

    /** A run in which the experiment rules (comparisons between models) fire too. */
    Reasoning reasonWithExperiments() {
        return Reasoner.run(kb(), rules(), options.maxFirings, true);
    }
}
