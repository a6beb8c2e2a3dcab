package org.origins.cli;

import org.origins.explain.WhyQuery;
import org.origins.kb.Names;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "why", mixinStandardHelpOptions = true,
        description = {"Why MODEL has ABILITY at its level: every step of its history that touched the ability, "
                + "each with the rule (id, claim, grade) and the premises it matched, down to training facts and their sources.",
                "ABILITY may be an id, an English or Chinese name or an alias (思维链 = chain-of-thought)."})
class WhyCommand implements Callable<Integer> {
    @Mixin
    Options options;
    @Mixin
    Output.Target target;
    @Spec
    CommandSpec spec;
    @Parameters(index = "0", paramLabel = "MODEL", description = "Model id.")
    String model;
    @Parameters(index = "1", paramLabel = "ABILITY", description = "Ability id, name or alias.")
    String ability;
    @Option(names = "--depth", paramLabel = "N", defaultValue = "50",
            description = "Show at most N rule applications below each step (default: ${DEFAULT-VALUE}).")
    int depth;

    @Override
    public Integer call() {
        if (depth < 0) {
            throw new org.origins.io.InputException("--depth must be 0 or more (rule applications shown below each step), found " + depth);
        }
        Workspace w = new Workspace(options);
        String id = Names.model(w.kb(), model);
        String ab = Names.ability(w.kb(), ability);
        var answer = WhyQuery.why(w.reasonAbout(List.of(id)), id, ab, depth);
        Output.print(spec, options, answer);
        return 0;
    }
}
