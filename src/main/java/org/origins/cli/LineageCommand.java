package org.origins.cli;

import org.origins.explain.LineageQuery;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.util.concurrent.Callable;

@Command(name = "lineage", mixinStandardHelpOptions = true,
        description = {"The evolution tree: every model under its parent, with the training stages it went through after it. "
                + "Disputed parents are dashed (with the alternative a source states), hypothetical models (--with) drawn apart.",
                "Draw it: --format mermaid or dot, --format markdown, or --render svg|png --out FILE (svg drawn by origins, png by Graphviz)."})
class LineageCommand implements Callable<Integer> {
    @Mixin
    Options options;
    @Mixin
    Output.Target target;
    @Spec
    CommandSpec spec;
    @Mixin
    Selection selection;

    @Override
    public Integer call() {
        var answer = LineageQuery.of(new Workspace(options).kb(), selection.selection());
        Output.print(spec, options, answer);
        return Main.OK;
    }
}
