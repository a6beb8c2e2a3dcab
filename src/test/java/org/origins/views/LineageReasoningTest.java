package org.origins.views;

import org.junit.jupiter.api.Test;
import org.origins.TestKit;
import org.origins.explain.AbilitiesQuery;
import org.origins.explain.WhyQuery;
import org.origins.kb.Ability;
import org.origins.kb.KnowledgeBase;
import org.origins.kb.ModelRecord;
import org.origins.reasoning.Reasoner;
import org.origins.reasoning.Reasoning;
import org.origins.render.JsonWriter;
import org.origins.rules.View;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A question about one model is answered from a run over its lineage alone (why, why-not, abilities,
 * compare, predict): the same proofs and tables as a run over the whole knowledge base, in both views.
 */
class LineageReasoningTest {

    /** Batch prediction folds each model from its parent's final state: the levels and grades of folding it whole. */
    @Test
    void foldingFromTheParentsStateGivesWhatFoldingTheWholeHistoryGives() {
        for (Reasoning r : java.util.List.of(TestKit.reasoning(), TestKit.essayReasoning())) {
            for (ModelRecord m : r.kb().models()) {
                var standings = r.standings(m.id());
                for (Ability a : r.kb().abilities()) {
                    var t = r.trace(m.id(), a.id());
                    assertThat(standings.get(a.id()).level()).as("level %s %s", m.id(), a.id()).isEqualTo(t.level());
                    assertThat(standings.get(a.id()).grade()).as("grade %s %s", m.id(), a.id()).isEqualTo(t.grade());
                }
            }
        }
    }

    @Test
    void everyModelsAnswersFromItsLineageAreThoseOfTheWholeKnowledgeBase() {
        KnowledgeBase kb = TestKit.kb();
        for (View view : View.values()) {
            var rules = TestKit.rules().inView(view);
            Reasoning whole = view == View.ESSAY ? TestKit.essayReasoning() : TestKit.reasoning();
            for (ModelRecord m : kb.models()) {
                Reasoning lineage = Reasoner.run(kb.lineageOf(m.id()), rules);
                assertThat(JsonWriter.write(AbilitiesQuery.of(lineage, m.id())))
                        .as("abilities %s (%s view)", m.id(), view).isEqualTo(JsonWriter.write(AbilitiesQuery.of(whole, m.id())));
                for (Ability a : kb.abilities()) {
                    assertThat(JsonWriter.write(WhyQuery.why(lineage, m.id(), a.id(), 50)))
                            .as("why %s %s (%s view)", m.id(), a.id(), view)
                            .isEqualTo(JsonWriter.write(WhyQuery.why(whole, m.id(), a.id(), 50)));
                }
            }
        }
    }
}
