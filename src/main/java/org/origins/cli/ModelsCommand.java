package org.origins.cli;

import org.origins.explain.ModelsQuery;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.util.concurrent.Callable;

@Command(name = "models", mixinStandardHelpOptions = true,
        description = "List every model: id, parent (with its source; disputed parents and doubted bases marked), size, own training stages.")
class ModelsCommand implements Callable<Integer> {
    @Mixin
    Options options;
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        var answer = ModelsQuery.all(new Workspace(options).reason());
        Output.print(spec, options, answer);
        return 0;
    }
}
