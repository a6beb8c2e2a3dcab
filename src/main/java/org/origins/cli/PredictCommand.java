package org.origins.cli;

import org.origins.explain.PredictQuery;
import org.origins.io.InputException;
import org.origins.kb.ModelReader;
import org.origins.kb.ModelRecord;
import org.origins.kb.Names;
import org.origins.kb.StageSpec;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "predict", mixinStandardHelpOptions = true,
        description = {"Predict the abilities of hypothetical models: from files (YAML or JSON, the schema of facts/models, "
                + "\"hypothetical\": true), or one model given by flags. The same rules as for real models derive them.",
                "Example: origins predict --name opt-code-flan --parent opt-175b --stage code-training:tokens=100B,codeShare=0.3 "
                        + "--stage supervised-instruction-tuning:tasks=1800"})
class PredictCommand implements Callable<Integer> {
    @Mixin
    Options options;
    @Spec
    CommandSpec spec;
    @Parameters(paramLabel = "FILE", arity = "0..*", description = "Files of hypothetical models.")
    List<Path> files = new ArrayList<>();
    @Option(names = "--name", paramLabel = "ID", description = "Id of a model given by flags.")
    String name;
    @Option(names = "--parent", paramLabel = "MODEL", description = "Its parent (a real or hypothetical model); omit for one trained from scratch.")
    String parent;
    @Option(names = "--parameters", paramLabel = "SIZE", converter = Billions.class,
            description = "Its size, when it is not its parent's: 70B, 1.2T, or billions (70).")
    Double parameters;

    /** A size as users write it (70B, 1.2T, 500M, 70): in billions, read by {@link org.origins.kb.Units}. */
    static final class Billions implements picocli.CommandLine.ITypeConverter<Double> {
        @Override
        public Double convert(String value) {
            try {
                return org.origins.kb.Units.billions(value);
            } catch (NumberFormatException e) {
                throw new picocli.CommandLine.TypeConversionException("expected a size such as 70B, 1.2T or 70 (billions), found \"" + value + "\"");
            }
        }
    }
    @Option(names = "--stage", paramLabel = "KIND[:NAME=VALUE,...]",
            description = "One of its own training stages, in order. Repeatable. E.g. code-training:tokens=100B,codeShare=30%%")
    List<String> stages = new ArrayList<>();
    @Option(names = "--explain", paramLabel = "ABILITY", description = "Also explain this ability for each model: why, or why not.")
    String explain;
    @Mixin
    PredictBatch.BatchOptions batch;

    @Override
    public Integer call() {
        if (batch.file != null) {
            if (!files.isEmpty() || name != null || parent != null || !stages.isEmpty() || parameters != null || explain != null) {
                throw new InputException("--batch reads its models from a JSON Lines file; it takes no FILE, --name, --parent, --parameters, --stage or --explain");
            }
            return PredictBatch.run(spec, options, batch);
        }
        Workspace w = new Workspace(options);
        List<ModelRecord> models = new ArrayList<>();
        if (!files.isEmpty()) {
            models.addAll(w.readStandingIn(w.kb(), files));
            w.add(models);
        }
        if (name != null) {
            ModelRecord inline = inline(w);
            models.add(inline);
            w.add(List.of(inline));
        } else if (parent != null || !stages.isEmpty() || parameters != null) {
            throw new InputException("--parent, --parameters and --stage describe a model given by flags: add --name ID");
        }
        if (models.isEmpty()) {
            throw new InputException("nothing to predict: give a file of hypothetical models, or --name with --parent and --stage");
        }
        String ability = explain == null ? null : Names.ability(w.kb(), explain);
        var answer = PredictQuery.of(w.reasonAbout(models.stream().map(ModelRecord::id).toList()), models, ability,
                options.maxFirings);
        Output.print(spec, options, answer);
        return Main.OK;
    }

    private ModelRecord inline(Workspace w) {
        return ModelReader.against(w.kb()).flags(StageSpec.model(name, parent, parameters, stages, w.kb()));
    }
}
