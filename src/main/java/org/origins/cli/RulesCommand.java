package org.origins.cli;

import org.origins.explain.RulesQuery;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.util.concurrent.Callable;

@Command(name = "rules", mixinStandardHelpOptions = true,
        description = "Every rule: id, file and line, grade, claim, source, the abilities it concludes about, and the models "
                + "it fired on (`origins test` runs the analysts' scenarios).")
class RulesCommand implements Callable<Integer> {
    @Mixin
    Options options;
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        Output.print(spec, options, RulesQuery.of(new Workspace(options).reason()));
        return Main.OK;
    }
}
