package org.origins.cli;

import org.origins.explain.AbilitiesQuery;
import org.origins.kb.Names;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "abilities", mixinStandardHelpOptions = true,
        description = "Each ability of a model: level, grade, the rule (and stage) that decided it, and whether it was unlocked or injected; "
                + "then the values nobody states (assumed by default, or undisclosed) and what other values would change.")
class AbilitiesCommand implements Callable<Integer> {
    @Mixin
    Options options;
    @Spec
    CommandSpec spec;
    @Parameters(paramLabel = "MODEL", description = "Model id (case-insensitive).")
    String model;

    @Override
    public Integer call() {
        Workspace w = new Workspace(options);
        String id = Names.model(w.kb(), model);
        var answer = AbilitiesQuery.withMissingFacts(w.reasonAbout(List.of(id)), id, options.maxFirings);
        Output.print(spec, options, answer);
        return 0;
    }
}
