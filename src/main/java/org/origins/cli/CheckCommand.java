package org.origins.cli;

import org.origins.explain.CheckQuery;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.util.concurrent.Callable;

@Command(name = "check", mixinStandardHelpOptions = true,
        description = {"Check facts and rules: load and validate every fact file, compile every rule, lint the rules "
                + "(metadata, ids, sources, vocabulary, no model names), and warn about rules that never fire.",
                "One line per problem, file:line:col: message. Exit 0 clean, 1 lint errors (or warnings with --strict, "
                        + "or contradicted observations), 2 load or compile errors."})
class CheckCommand implements Callable<Integer> {
    @Mixin
    Options options;
    @Spec
    CommandSpec spec;
    @Option(names = "--observations", description = "Also compare every observation in facts/observations.json with the predictions.")
    boolean observations;
    @Option(names = "--strict", description = "Warnings fail the check too (exit 1).")
    boolean strict;

    @Override
    public Integer call() {
        var result = CheckQuery.run(options.factsDir(), options.rulesDir(), options.assume, options.maxFirings, observations);
        var report = result.report();
        Output.print(spec, options, report);
        if (result.broken()) {
            return Main.BAD_INPUT;
        }
        boolean failed = report.errors() > 0 || (strict && report.warnings() > 0)
                || (report.observations() != null && report.observations().contradict() > 0);
        return failed ? Main.PROBLEMS : Main.OK;
    }
}
