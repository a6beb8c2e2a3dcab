package org.origins.render.answers;

import org.origins.explain.AbilityProof;
import org.origins.explain.AbilityRow;
import org.origins.explain.Answer;
import org.origins.explain.CheckReport;
import org.origins.explain.Comparison;
import org.origins.explain.Disputes;
import org.origins.explain.EvolutionTree;
import org.origins.explain.Experiments;
import org.origins.explain.Matrix;
import org.origins.explain.ModelCard;
import org.origins.explain.ModelSummary;
import org.origins.explain.Necessity;
import org.origins.explain.Prediction;
import org.origins.explain.Recipes;
import org.origins.explain.Report;
import org.origins.explain.RuleBook;
import org.origins.explain.TestReport;
import org.origins.explain.WhatIf;
import org.origins.explain.WhyNot;
import org.origins.render.Drawing;
import org.origins.render.Graph;

import java.util.Optional;

/**
 * The drawing of an answer for the graph formats (Mermaid, DOT): the proof and why-not graphs, the
 * comparison, the counterfactual, the evolution tree, the matrix's grid; the other answers have none.
 */
public final class Drawings implements Answer.Visitor<Drawing> {
    private static final Drawings INSTANCE = new Drawings();

    private Drawings() {
    }

    public static Optional<Drawing> of(Answer answer) {
        return Optional.ofNullable(answer.accept(INSTANCE));
    }

    /** The evolution tree; with {@code links}, each model links to its row of a report ({@code #model-ID}). */
    public static Graph lineage(EvolutionTree tree, boolean links) {
        return LineageGraph.lineage(tree, links);
    }

    @Override
    public Drawing why(AbilityProof a) {
        return ProofGraph.why(a);
    }

    @Override
    public Drawing whyNot(WhyNot a) {
        return WhyNotGraph.whyNot(a);
    }

    @Override
    public Drawing compare(Comparison a) {
        return CompareGraph.compare(a);
    }

    @Override
    public Drawing whatIf(WhatIf a) {
        return WhatIfGraph.whatIf(a);
    }

    @Override
    public Drawing lineage(EvolutionTree a) {
        return LineageGraph.lineage(a, false);
    }

    @Override
    public Drawing matrix(Matrix a) {
        return MatrixDocument.grid(a);
    }

    @Override
    public Drawing abilities(AbilityRow.Table a) {
        return null;
    }

    @Override
    public Drawing models(ModelSummary.Listing a) {
        return null;
    }

    @Override
    public Drawing predict(Prediction a) {
        return null;
    }

    @Override
    public Drawing experiments(Experiments a) {
        return null;
    }

    @Override
    public Drawing disputes(Disputes a) {
        return null;
    }

    @Override
    public Drawing check(CheckReport a) {
        return null;
    }

    @Override
    public Drawing test(TestReport a) {
        return null;
    }

    @Override
    public Drawing report(Report a) {
        return null;
    }

    @Override
    public Drawing model(ModelCard a) {
        return null;
    }

    @Override
    public Drawing rules(RuleBook a) {
        return null;
    }

    @Override
    public Drawing recipe(Recipes a) {
        return RecipeGraph.of(a);
    }

    @Override
    public Drawing necessary(Necessity a) {
        return RecipeGraph.of(a);
    }
}
