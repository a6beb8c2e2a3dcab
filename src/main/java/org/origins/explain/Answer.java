package org.origins.explain;

/**
 * What a query answers: one record per kind of question, each tagged with its JSON {@code schema}.
 * Every output format is one exhaustive dispatch over the answers: a {@link Visitor} has a method
 * for each, so that adding an answer is a compile error in every format until it is handled.
 * (Java 17 has no pattern matching over a sealed type in a switch; the visitor gives the same
 * check.)
 */
public sealed interface Answer permits AbilityProof, WhyNot, AbilityRow.Table, ModelSummary.Listing, Matrix, Comparison,
        WhatIf, Prediction, Experiments, Disputes, CheckReport, TestReport, EvolutionTree, Report, ModelCard, RuleBook, Recipes, Necessity {

    /** The JSON schema id, e.g. {@code origins.why/1}. */
    String schema();

    <R> R accept(Visitor<R> visitor);

    /** One method per answer. */
    interface Visitor<R> {
        R why(AbilityProof answer);

        R whyNot(WhyNot answer);

        R abilities(AbilityRow.Table answer);

        R models(ModelSummary.Listing answer);

        R matrix(Matrix answer);

        R compare(Comparison answer);

        R whatIf(WhatIf answer);

        R predict(Prediction answer);

        R experiments(Experiments answer);

        R disputes(Disputes answer);

        R check(CheckReport answer);

        R test(TestReport answer);

        R lineage(EvolutionTree answer);

        R report(Report answer);

        R model(ModelCard answer);

        R rules(RuleBook answer);

        R recipe(Recipes answer);

        R necessary(Necessity answer);
    }
}
