package org.origins.cli;

import org.origins.kb.KbLoader;
import org.origins.kb.KnowledgeBase;
import org.origins.reasoning.Assumptions;
import org.origins.reasoning.Reasoner;
import org.origins.reasoning.Reasoning;
import org.origins.rules.RuleBase;
import org.origins.rules.RuleCompiler;

/** Loads what a command needs from the options: the knowledge base, the rules, a reasoning run. */
final class Workspace {
    /** Set while the shell runs: its compiled rules and loaded facts serve every command. */
    static volatile ShellState shared;

    private final Options options;
    private KnowledgeBase kb;
    private RuleBase rules;

    Workspace(Options options) {
        this.options = options;
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
    java.util.List<org.origins.kb.ModelRecord> readStandingIn(KnowledgeBase base, java.util.List<java.nio.file.Path> files) {
        var models = KbLoader.readModels(base, files, true, true);
        for (var m : models) {
            if (base.model(m.id()).filter(x -> !x.hypothetical()).isPresent()) {
                options.err().println("note: " + m.id() + " from " + org.origins.kb.Paths.display(m.file())
                        + " stands in for the knowledge base's model " + m.id() + " for this run (origins add would refuse it)");
            }
        }
        options.err().flush();
        return models;
    }

    /** A stage written as KIND[:NAME=VALUE,...], validated like a file's, numbered {@code order}. */
    org.origins.kb.StageRecord stageFromSpec(String spec, int order) {
        var probe = org.origins.kb.StageSpec.model("what-if-stage", null, null, java.util.List.of(spec), kb(), "--with-stage");
        var parsed = ModelsFromJson.read(kb(), probe).get(0).stages().get(0);
        return new org.origins.kb.StageRecord(order, parsed.kind(), parsed.description(), parsed.sources(), parsed.where(),
                parsed.status(), parsed.note(), parsed.present(), parsed.assumeAs(), parsed.tokens(), parsed.codeShare(),
                parsed.corpus(), parsed.objective(), parsed.tasks(), parsed.examples(), parsed.computeShare(), parsed.mixture());
    }

    /** Adds models to this run's knowledge base (before reasoning). */
    void add(java.util.List<org.origins.kb.ModelRecord> models) {
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
        if (sharedFacts() && sharedRules() && options.with.isEmpty() && options.assume.isEmpty()
                && options.maxFirings == shared.maxFirings && options.view == shared.rules().view()) {
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
    Reasoning reasonAbout(java.util.Collection<String> models) {
        if (sharedFacts() && sharedRules() && options.with.isEmpty() && options.assume.isEmpty()
                && options.maxFirings == shared.maxFirings && options.view == shared.rules().view()) {
            return shared.reasoning();
        }
        java.util.Set<String> ids = new java.util.LinkedHashSet<>();
        for (String m : models) {
            kb().chain(m).forEach(x -> ids.add(x.id()));
        }
        Reasoning r = Reasoner.run(kb().restrictedTo(ids), rules(), options.maxFirings);
        Timing.mark("reasoning");
        return r;
    }

    private boolean sharedFacts() {
        return shared != null && same(options.factsDir(), shared.factsDir);
    }

    private boolean sharedRules() {
        return shared != null && same(options.rulesDir(), shared.rulesDir);
    }

    private static boolean same(java.nio.file.Path a, java.nio.file.Path b) {
        return a.toAbsolutePath().normalize().equals(b.toAbsolutePath().normalize());
    }

    /** A run in which the experiment rules (comparisons between models) fire too. */
    Reasoning reasonWithExperiments() {
        return Reasoner.run(kb(), rules(), options.maxFirings, true);
    }
}
