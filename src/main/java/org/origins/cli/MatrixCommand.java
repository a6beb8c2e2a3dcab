package org.origins.cli;

import org.origins.explain.MatrixQuery;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.util.concurrent.Callable;

@Command(name = "matrix", mixinStandardHelpOptions = true,
        description = "Every model's level of every ability, on one screen (· none, − weak, + present, ++ strong).")
class MatrixCommand implements Callable<Integer> {
    @Mixin
    Options options;
    @Mixin
    Output.Target target;
    @Spec
    CommandSpec spec;
    @picocli.CommandLine.Option(names = "--observed",
            description = "Mark each cell that has an observation: ✓ agrees, ✗ contradicts, ? not predicted.")
    boolean observed;
    @Mixin
    Selection selection;

    @Override
    public Integer call() {
        var answer = MatrixQuery.of(new Workspace(options).reason(), observed, selection.selection());
        Output.print(spec, options, answer);
        return 0;
    }
}
