package org.origins.cli;

import org.origins.scenario.ScenarioLoader;
import org.origins.scenario.ScenarioRunner;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "test", mixinStandardHelpOptions = true,
        description = {"Run the analysts' expectation scenarios (rules/tests/*.yaml, or the files given) against the rules and facts.",
                "Ends with \"N passed, N failed\"; a failed expectation shows what was concluded and its proof. Exit 1 when any fails."})
class TestCommand implements Callable<Integer> {
    @Mixin
    Options options;
    @Spec
    CommandSpec spec;
    @Parameters(paramLabel = "FILE", arity = "0..*", description = "Scenario files (default: every *.yaml in rules/tests/).")
    List<Path> files;

    @Override
    public Integer call() {
        Workspace w = new Workspace(options);
        List<Path> scenarioFiles = files == null || files.isEmpty() ? ScenarioLoader.files(options.rulesDir().resolve("tests")) : files;
        var scenarios = ScenarioLoader.load(scenarioFiles, w.kb(), w.rules());
        var report = new ScenarioRunner(w.kb(), w.rules(), options.maxFirings).run(scenarios);
        Output.print(spec, options, report);
        return report.failed() == 0 ? Main.OK : Main.PROBLEMS;
    }
}
