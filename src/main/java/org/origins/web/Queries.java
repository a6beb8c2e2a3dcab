package org.origins.web;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.origins.explain.AbilitiesQuery;
import org.origins.explain.AbilityProof;
import org.origins.explain.AbilityRow;
import org.origins.explain.CompareQuery;
import org.origins.explain.Comparison;
import org.origins.explain.Disputes;
import org.origins.explain.DisputesQuery;
import org.origins.explain.EvolutionTree;
import org.origins.explain.LineageQuery;
import org.origins.explain.Matrix;
import org.origins.explain.MatrixQuery;
import org.origins.explain.ModelCard;
import org.origins.explain.ModelQuery;
import org.origins.explain.ModelSelection;
import org.origins.explain.ModelSummary;
import org.origins.explain.ModelsQuery;
import org.origins.explain.PredictQuery;
import org.origins.explain.Recipes;
import org.origins.recipe.RecipeQuery;
import org.origins.explain.Prediction;
import org.origins.explain.RuleBook;
import org.origins.explain.RulesQuery;
import org.origins.explain.TestReport;
import org.origins.explain.WhatIf;
import org.origins.explain.WhatIfQuery;
import org.origins.explain.WhyNot;
import org.origins.explain.WhyNotQuery;
import org.origins.explain.WhyQuery;
import org.origins.io.InputException;
import org.origins.kb.Level;
import org.origins.kb.ModelReader;
import org.origins.kb.ModelRecord;
import org.origins.kb.Names;
import org.origins.kb.StageSpec;
import org.origins.kb.Units;
import org.origins.reasoning.Reasoner;
import org.origins.reasoning.Reasoning;
import org.origins.scenario.ScenarioLoader;
import org.origins.scenario.ScenarioRunner;

import java.nio.file.Path;
import java.util.List;

/**
 * The queries behind the pages and the API, each read from a request's parameters as its command reads
 * its arguments, and checked by the same code (names, levels, stage specs, sizes): what the API returns is
 * what {@code origins COMMAND --format json} prints for the same arguments, and a bad one gets the
 * command's message.
 */
final class Queries {
    /** {@code why}'s default depth. */
    static final int DEPTH = 50;

    private final long maxFirings;
    private final Live.Memo<TestReport> scenarios;
    private final Live.Memo<Disputes> disputes;

    Queries(Path rulesDir, long maxFirings) {
        this.maxFirings = maxFirings;
        this.scenarios = new Live.Memo<>(r -> new ScenarioRunner(r.kb(), r.rules(), maxFirings)
                .run(ScenarioLoader.load(ScenarioLoader.files(rulesDir.resolve("tests")), r.kb(), r.rules())));
        this.disputes = new Live.Memo<>(r -> DisputesQuery.all(r, maxFirings));
    }

    /** {@code origins why MODEL ABILITY [--depth N]}. */
    AbilityProof why(Reasoning r, Params p) {
        int depth = p.number("depth", DEPTH);
        if (depth < 0) {
            throw new InputException("--depth must be 0 or more (rule applications shown below each step), found " + depth);
        }
        return WhyQuery.why(r, model(r, p, "model"), ability(r, p), depth);
    }

    /** {@code origins why-not MODEL ABILITY [--level L]}. */
    WhyNot whyNot(Reasoning r, Params p) {
        String model = model(r, p, "model");
        String ability = ability(r, p);
        Level target = Level.target(p.optional("level"), "--level");
        return WhyNotQuery.whyNot(r, model, ability, target, maxFirings);
    }

    /** {@code origins matrix [--observed] [--organisation ORG] [--series S] [--hypothetical yes|no]}. */
    Matrix matrix(Reasoning r, Params p) {
        return MatrixQuery.of(r, p.flag("observed"), selection(p));
    }

    /** {@code origins lineage [--organisation ORG] [--series S] [--hypothetical yes|no]}. */
    EvolutionTree lineage(Reasoning r, Params p) {
        return LineageQuery.of(r.kb(), selection(p));
    }

    static ModelSelection selection(Params p) {
        return ModelSelection.of(p.optional("organisation"), p.optional("series"), p.optional("hypothetical"));
    }

    /** {@code origins model MODEL}. */
    ModelCard model(Reasoning r, Params p) {
        return ModelQuery.of(r, model(r, p, "model"));
    }

    /** {@code origins abilities MODEL}. */
    AbilityRow.Table abilities(Reasoning r, Params p) {
        return AbilitiesQuery.withMissingFacts(r, model(r, p, "model"), maxFirings);
    }

    /** {@code origins models}. */
    ModelSummary.Listing models(Reasoning r) {
        return ModelsQuery.all(r);
    }

    /** {@code origins compare A B}. */
    Comparison compare(Reasoning r, Params p) {
        return CompareQuery.compare(r, model(r, p, "a"), model(r, p, "b"));
    }

    /** {@code origins recipe MODEL ABILITY [--level L]}: the fewest training changes that raise it. */
    Recipes whatItTakes(Reasoning r, Params p) {
        String model = model(r, p, "model");
        String ability = ability(r, p);
        Level target = Level.target(p.optional("level"), "--level");
        return RecipeQuery.run(r.kb(), r.rules(), new RecipeQuery.Ask(model, ability, target, RecipeQuery.MAX_CHANGES, false,
                Recipes.Measure.STAGES, false), maxFirings);
    }

    /** {@code origins what-if MODEL --without-stage K --with-stage SPEC --set F=V}. */
    WhatIf whatIf(Reasoning r, Params p) {
        return WhatIfQuery.run(r.kb(), r.rules(), model(r, p, "model"),
                new WhatIfQuery.Change(p.all("without-stage"), p.all("with-stage"), p.all("set")), maxFirings);
    }

    /** {@code origins predict --name ID --parent MODEL --parameters SIZE --stage SPEC... [--explain ABILITY]}. */
    Prediction predict(Reasoning r, Params p) {
        ModelRecord model = recipe(r, p);
        String explain = p.optional("explain");
        String ability = explain == null ? null : Names.ability(r.kb(), explain);
        Reasoning with = Reasoner.run(r.kb().with(List.of(model)), r.rules(), maxFirings);
        return PredictQuery.of(with, List.of(model), ability, maxFirings);
    }

    /** The hypothetical model a recipe describes, validated as {@code predict}'s flags are (the id too). */
    ModelRecord recipe(Reasoning r, Params p) {
        return ModelReader.against(r.kb()).flags(recipeFile(r, p));
    }

    /** A recipe as the JSON a model file would hold ({@code predict}'s flags read into it, and checked). */
    ObjectNode recipeFile(Reasoning r, Params p) {
        String name = p.required("name", "the new model's id");
        String size = p.optional("parameters");
        Double parameters;
        try {
            parameters = size == null ? null : Units.billions(size);
        } catch (NumberFormatException e) {
            throw new InputException("--parameters " + size + ": expected a size such as 70B, 1.2T or 70 (billions)");
        }
        return StageSpec.model(name, p.optional("parent"), parameters, p.all("stage"), r.kb());
    }

    /** {@code origins rules}. */
    RuleBook rules(Reasoning r) {
        return RulesQuery.of(r);
    }

    /** {@code origins test}: the analysts' scenarios of rules/tests, run once per reload. */
    TestReport test(Reasoning r) {
        return scenarios.get(r);
    }

    /** {@code origins disputes}, computed once per reload. */
    Disputes disputes(Reasoning r) {
        return disputes.get(r);
    }

    private static String model(Reasoning r, Params p, String name) {
        return Names.model(r.kb(), p.required(name, "a model id"));
    }

    private static String ability(Reasoning r, Params p) {
        return Names.ability(r.kb(), p.required("ability", "an ability id, name or alias"));
    }
}
