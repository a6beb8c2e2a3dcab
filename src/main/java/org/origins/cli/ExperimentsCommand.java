package org.origins.cli;

import org.origins.explain.ExperimentsQuery;
import org.origins.kb.Names;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.util.concurrent.Callable;

@Command(name = "experiments", mixinStandardHelpOptions = true,
        description = {"Controlled comparisons the knowledge base allows: pairs of models of similar size whose training "
                + "differs in exactly one ingredient, and triples that separate two suspects, each with the claim it would "
                + "test and its caveats (found by rules/experiments.drl). Hypothetical models (--with) take part."})
class ExperimentsCommand implements Callable<Integer> {
    @Mixin
    Options options;
    @Spec
    CommandSpec spec;
    @Option(names = "--model", paramLabel = "MODEL", description = "Only the experiments this model takes part in.")
    String model;

    @Override
    public Integer call() {
        Workspace w = new Workspace(options);
        String only = model == null ? null : Names.model(w.kb(), model);
        var answer = ExperimentsQuery.of(w.reasonWithExperiments(), only);
        Output.print(spec, options, answer);
        return Main.OK;
    }
}
