package org.origins.cli;

import org.origins.explain.ModelQuery;
import org.origins.kb.Names;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.util.concurrent.Callable;

@Command(name = "model", mixinStandardHelpOptions = true,
        description = "One model: its lineage up to its root (each parent link with its source), its own fields and training "
                + "stages with every value's source (and the alternatives where sources disagree), the models trained from it, "
                + "and each ability with the stage and rule that decided it.")
class ModelCommand implements Callable<Integer> {
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
        Output.print(spec, options, ModelQuery.of(w.reason(), id));
        return Main.OK;
    }
}
