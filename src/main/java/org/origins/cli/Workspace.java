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
                loaded = loaded.with(KbLoader.readModels(loaded, options.with, true));
            }
            kb = Assumptions.parse(loaded, options.assume).apply(loaded);
            Timing.mark("facts");
        }
        return kb;
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
