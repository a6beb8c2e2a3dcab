package org.origins.cli;

import org.origins.explain.WhyNotQuery;
import org.origins.kb.Level;
import org.origins.kb.Names;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "why-not", mixinStandardHelpOptions = true,
        description = {"Why MODEL lacks ABILITY, or has it below a level: every rule that could conclude or raise it, "
                + "found in the rule base itself, with the first condition no fact of the model's lineage satisfies "
                + "(and what such a fact would look like), or, for rules that fired, what overrode them."})
class WhyNotCommand implements Callable<Integer> {
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
    @Option(names = "--level", paramLabel = "LEVEL",
            description = "The level asked about: weak, present or strong (default: weak when the model lacks the ability, else strong).")
    String level;

    @Override
    public Integer call() {
        Workspace w = new Workspace(options);
        String id = Names.model(w.kb(), model);
        String ab = Names.ability(w.kb(), ability);
        Level target = Level.target(level, "--level");
        var answer = WhyNotQuery.whyNot(w.reasonAbout(List.of(id)), id, ab, target, options.maxFirings);
        Output.print(spec, options, answer);
        return Main.OK;
    }
}
