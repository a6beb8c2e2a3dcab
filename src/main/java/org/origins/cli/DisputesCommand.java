package org.origins.cli;

import org.origins.explain.DisputesQuery;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.util.concurrent.Callable;

@Command(name = "disputes", mixinStandardHelpOptions = true,
        description = {"Every disputed fact: the value the knowledge base chose (published over the essay's inference), "
                + "the alternatives with their sources, and which conclusions change if an alternative is assumed "
                + "(computed by re-running the rules). Use the shown --assume to explore one."})
class DisputesCommand implements Callable<Integer> {
    @Mixin
    Options options;
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        var answer = DisputesQuery.all(new Workspace(options).reason(), options.maxFirings);
        Output.print(spec, options, answer);
        return Main.OK;
    }
}
