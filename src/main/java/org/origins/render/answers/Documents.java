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
import org.origins.render.Document;

/** Every answer as a {@link Document}: the one place where an answer becomes what the text, Markdown and HTML writers show. */
public final class Documents implements Answer.Visitor<Document> {
    private static final Documents PLAIN = new Documents(false);
    private static final Documents LINKED = new Documents(true);

    /** Whether names link to their anchors ({@code #model-ID}, {@code #proof-MODEL--ABILITY}, {@code #rule-ID}). */
    private final boolean linked;

    private Documents(boolean linked) {
        this.linked = linked;
    }

    public static Document of(Answer answer) {
        return answer.accept(PLAIN);
    }

    /**
     * The answer's document with its names linked to their anchors — matrix cells to their proofs, models,
     * rules — for a page that resolves them to pages of their own (the web explorer's, {@code origins serve}).
     * It says the same as {@link #of}.
     */
    public static Document linked(Answer answer) {
        return answer.accept(LINKED);
    }

    /** The title of an answer's page (HTML). */
    public static String title(Answer answer) {
        return answer instanceof Report ? ReportDocument.TITLE : "origins: " + answer.schema();
    }

    @Override
    public Document why(AbilityProof a) {
        return ProofDocument.of(a, true, linked);
    }

    @Override
    public Document whyNot(WhyNot a) {
        return WhyNotDocument.of(a, linked);
    }

    @Override
    public Document abilities(AbilityRow.Table a) {
        return AbilitiesDocument.of(a);
    }

    @Override
    public Document models(ModelSummary.Listing a) {
        return ModelsDocument.of(a);
    }

    @Override
    public Document matrix(Matrix a) {
        return MatrixDocument.of(a, linked);
    }

    @Override
    public Document compare(Comparison a) {
        return CompareDocument.of(a);
    }

    @Override
    public Document whatIf(WhatIf a) {
        return WhatIfDocument.of(a, linked);
    }

    @Override
    public Document predict(Prediction a) {
        return PredictDocument.of(a);
    }

    @Override
    public Document experiments(Experiments a) {
        return ExperimentsDocument.of(a);
    }

    @Override
    public Document disputes(Disputes a) {
        return DisputesDocument.of(a);
    }

    @Override
    public Document check(CheckReport a) {
        return CheckDocument.of(a);
    }

    @Override
    public Document test(TestReport a) {
        return TestDocument.of(a);
    }

    @Override
    public Document lineage(EvolutionTree a) {
        return LineageDocument.of(a, linked);
    }

    @Override
    public Document report(Report a) {
        return ReportDocument.of(a);
    }

    @Override
    public Document model(ModelCard a) {
        return ModelDocument.of(a, linked);
    }

    @Override
    public Document rules(RuleBook a) {
        return RulesDocument.of(a, linked);
    }

    @Override
    public Document recipe(Recipes a) {
        return RecipeDocument.of(a);
    }

    @Override
    public Document necessary(Necessity a) {
        return NecessityDocument.of(a);
    }
}
