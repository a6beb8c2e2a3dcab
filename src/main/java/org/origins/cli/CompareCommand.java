package org.origins.cli;

import org.origins.explain.CompareQuery;
import org.origins.kb.Names;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "compare", mixinStandardHelpOptions = true,
        description = "Compare two models: training differences (stages, size, context, data), ability differences, and "
                + "for each ability difference the training difference that explains it, via the rules.")
class CompareCommand implements Callable<Integer> {
    @Mixin
    Options options;
    @Mixin
    Output.Target target;
    @Spec
    CommandSpec spec;
    @Parameters(index = "0", paramLabel = "A", description = "First model.")
    String a;
    @Parameters(index = "1", paramLabel = "B", description = "Second model.")
    String b;

    @Override
    public Integer call() {
        Workspace w = new Workspace(options);
        String first = Names.model(w.kb(), a);
        String second = Names.model(w.kb(), b);
        var answer = CompareQuery.compare(w.reasonAbout(List.of(first, second)), first, second);
        Output.print(spec, options, answer);
        return Main.OK;
    }
}
