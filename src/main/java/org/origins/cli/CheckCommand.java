package org.origins.cli;

import org.origins.explain.CheckQuery;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "check", mixinStandardHelpOptions = true,
        description = {"Check facts and rules: load and validate every fact file, compile every rule, lint the rules "
                + "(metadata, ids, sources, vocabulary, no model names, views), and warn about rules that fire in neither view.",
                "With --observations, compare the predictions with every observation file (facts/observations.json, "
                        + "observations-later.json, observations-heldout.json, or the --observed files): agreement per file "
                        + "beside the constant guesses \"always present\" and \"always absent\"; in the default view, also every "
                        + "essay conclusion the later rules change.",
                "One line per problem, file:line:col: message. Exit 0 clean, 1 lint errors (or warnings with --strict, "
                        + "or contradicted observations), 2 load or compile errors."})
class CheckCommand implements Callable<Integer> {
    @Mixin
    Options options;
    @Spec
    CommandSpec spec;
    @Option(names = "--observations", description = "Also compare the observations with the predictions.")
    boolean observations;
    @Option(names = "--observed", paramLabel = "FILE",
            description = "An observation file to compare (repeatable; implies --observations). Default: the observation files of the facts folder.")
    List<Path> observed = new ArrayList<>();
    @Option(names = "--strict", description = "Warnings fail the check too (exit 1).")
    boolean strict;

    @Override
    public Integer call() {
        var result = CheckQuery.run(options.factsDir(), options.rulesDir(), options.assume, options.maxFirings, options.view,
                observations || !observed.isEmpty() ? observed : null);
        var report = result.report();
        Output.print(spec, options, report);
        if (result.broken()) {
            return Main.BAD_INPUT;
        }
        boolean failed = report.errors() > 0 || (strict && report.warnings() > 0) || result.contradicted();
        return failed ? Main.PROBLEMS : Main.OK;
    }
}
