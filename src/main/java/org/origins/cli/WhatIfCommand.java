package org.origins.cli;

import org.origins.explain.WhatIfQuery;
import org.origins.kb.Names;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "what-if", mixinStandardHelpOptions = true,
        description = {"A counterfactual on a model: remove, add or change its training, re-derive in the live session "
                + "(truth maintenance retracts what no longer holds) and print only what changed, for the model and "
                + "every model trained from it, with the rules that made the difference.",
                "Example: origins what-if text-davinci-003 --without-stage rlhf-ppo-with-lm-mix"})
class WhatIfCommand implements Callable<Integer> {
    @Mixin
    Options options;
    @Mixin
    Output.Target target;
    @Spec
    CommandSpec spec;
    @Parameters(paramLabel = "MODEL", description = "The model to change.")
    String model;
    @Option(names = "--without-stage", paramLabel = "KIND|N", description = "Remove its own stages of this kind, or its stage number N. Repeatable.")
    List<String> without = new ArrayList<>();
    @Option(names = "--with-stage", paramLabel = "KIND[:NAME=VALUE,...]", description = "Add a stage after its own. Repeatable.")
    List<String> with = new ArrayList<>();
    @Option(names = "--set", paramLabel = "FIELD=VALUE", description = "Change a field, as --assume does (parameters=540, parent=davinci, codeShare=8%%; #N.FIELD=VALUE for "
            + "its stage N: #1.tokens=2T). Repeatable.")
    List<String> set = new ArrayList<>();

    @Override
    public Integer call() {
        Workspace w = new Workspace(options);
        String id = Names.model(w.kb(), model);
        var answer = WhatIfQuery.run(w.kb(), w.rules(), id, new WhatIfQuery.Change(without, with, set), options.maxFirings);
        Output.print(spec, options, answer);
        return Main.OK;
    }
}
