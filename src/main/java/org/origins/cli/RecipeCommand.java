package org.origins.cli;

import com.fasterxml.jackson.databind.JsonNode;
import org.origins.explain.Recipes;
import org.origins.io.FilePaths;
import org.origins.io.InputException;
import org.origins.io.OutputTarget;
import org.origins.kb.Level;
import org.origins.kb.Names;
import org.origins.recipe.NecessityQuery;
import org.origins.recipe.RecipeFile;
import org.origins.recipe.RecipeQuery;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

@Command(name = "recipe", mixinStandardHelpOptions = true,
        description = {"What would it take: the smallest changes to MODEL's training (add a stage, set an attribute of an own "
                + "stage, remove an own stage) after which the rules give it ABILITY at least at LEVEL. The changes come from the "
                + "rules' own conditions; every recipe is a hypothetical model file the rules have judged. With --necessary: "
                + "the ingredients whose removal alone would lower the ability, and those that are redundant.",
                "Example: origins recipe davinci chain-of-thought=present --out cot.yaml"})
class RecipeCommand implements Callable<Integer> {
    @Mixin
    Options options;
    @Spec
    CommandSpec spec;
    @Parameters(index = "0", paramLabel = "MODEL", description = "The model to start from.")
    String model;
    @Parameters(index = "1", paramLabel = "ABILITY[=LEVEL]",
            description = "The ability, and the level wanted: weak, present or strong (default: present, or strong when the model has it at present).")
    String ability;
    @Option(names = "--max-changes", paramLabel = "N", description = "At most N changes in a recipe (default: " + RecipeQuery.MAX_CHANGES + ").")
    Integer maxChanges;
    @Option(names = "--keep-stages", description = "Never remove one of the model's own stages.")
    boolean keepStages;
    @Option(names = "--cost", paramLabel = "MEASURE", description = "Rank recipes by ${COMPLETION-CANDIDATES} (default: stages: fewest changes).")
    Recipes.Measure cost;
    @Option(names = "--explain", description = "Show the proof of the level each recipe reaches.")
    boolean explain;
    @Option(names = "--necessary", description = "Instead: which ingredients of the model's history the ability needs, and which are redundant.")
    boolean necessary;
    @Option(names = "--out", paramLabel = "FILE",
            description = "Also write the recipes as one file of hypothetical models (YAML; JSON for FILE.json), for predict, add or "
                    + "--with; an existing FILE only with --force, never a file the command reads (docs/safety.md).")
    Path out;
    @Option(names = "--force", description = "Replace an existing --out file.")
    boolean force;

    @Override
    public Integer call() {
        Workspace w = new Workspace(options);
        String id = Names.model(w.kb(), model);
        int eq = ability.lastIndexOf('=');
        String ab = Names.ability(w.kb(), eq < 0 ? ability : ability.substring(0, eq));
        if (necessary) {
            if (eq >= 0 || maxChanges != null || keepStages || cost != null || explain || out != null) {
                throw new InputException("--necessary takes only MODEL and ABILITY (no level, --max-changes, --keep-stages, --cost, "
                        + "--explain or --out): it takes each ingredient away in turn");
            }
            var answer = NecessityQuery.run(w.kb(), w.rules(), id, ab, options.maxFirings);
            Timing.mark("search");
            Output.print(spec, options, answer);
            return Main.OK;
        }
        Level target = Level.target(eq < 0 ? null : ability.substring(eq + 1), "ABILITY=LEVEL: the level");
        OutputTarget file = out == null ? null : Output.checkTarget(spec, out, force);
        Recipes answer = RecipeQuery.run(w.kb(), w.rules(), new RecipeQuery.Ask(id, ab, target,
                maxChanges == null ? RecipeQuery.MAX_CHANGES : maxChanges, keepStages, cost == null ? Recipes.Measure.STAGES : cost,
                explain), options.maxFirings);
        Timing.mark("search");
        Output.print(spec, options, answer);
        if (file != null) {
            write(file, answer);
        }
        return Main.OK;
    }

    /** The recipes shown, as one model file; said on standard error, so that standard output stays the answer. */
    private void write(OutputTarget file, Recipes answer) {
        var err = spec.commandLine().getErr();
        if (answer.recipes().isEmpty()) {
            err.println("nothing written to " + FilePaths.display(file.requested()) + ": no recipe");
            return;
        }
        List<JsonNode> models = answer.recipes().stream().map(Recipes.Recipe::file).toList();
        String header = "origins recipe " + answer.model() + " " + answer.ability() + "=" + answer.target().id()
                + ": each model below reaches it, judged by the rules\n"
                + "./origins predict FILE    ./origins add FILE    ./origins abilities MODEL --with FILE";
        boolean json = out.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".json");
        file.write(RecipeFile.write(models, header, json).getBytes(StandardCharsets.UTF_8));
        err.println("wrote " + FilePaths.display(file.requested()) + " (" + models.size() + (models.size() == 1 ? " model)" : " models)"));
        err.flush();
    }
}
