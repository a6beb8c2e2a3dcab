package org.origins.cli;

import org.origins.kb.HypotheticalStore;
import org.origins.io.FilePaths;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "add", mixinStandardHelpOptions = true,
        description = {"Validate hypothetical models (YAML or JSON) and save each as facts/hypothetical/ID.json, so that every "
                + "later command sees them. All or nothing, even if killed midway: nothing is saved if any model is invalid "
                + "or its id is taken by a saved model (without --force); the folder's new content is made aside and renamed "
                + "into place at once."})
class AddCommand implements Callable<Integer> {
    @Mixin
    Options options;
    @Spec
    CommandSpec spec;
    @Parameters(paramLabel = "FILE", arity = "1..*", description = "Files of hypothetical models.")
    List<Path> files;
    @Option(names = "--force", description = "Replace hypothetical models saved before under the same id.")
    boolean force;

    @Override
    public Integer call() {
        List<Path> saved = HypotheticalStore.add(options.factsDir(), files, force);
        var out = spec.commandLine().getOut();
        saved.forEach(p -> out.println("saved " + FilePaths.display(p)));
        out.flush();
        return Main.OK;
    }
}
