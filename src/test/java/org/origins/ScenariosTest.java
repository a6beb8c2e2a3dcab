package org.origins;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.origins.explain.AbilityProof;
import org.origins.explain.WhyQuery;
import org.origins.reasoning.LiveSession;
import org.origins.render.Style;
import org.origins.render.TextWriter;
import org.origins.render.answers.Documents;
import org.origins.explain.TestReport;
import org.origins.scenario.Scenario;
import org.origins.scenario.ScenarioLoader;
import org.origins.scenario.ScenarioRunner;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

/**
 * Every analyst scenario of rules/tests/*.yaml, one test per expectation line: this is how CI runs
 * what `origins test` runs. A failure shows what the rules concluded and the proof behind it.
 */
class ScenariosTest {
    private static final Path SCENARIOS = TestKit.RULES.resolve("tests");

    private static List<Scenario> scenarios() {
        return ScenarioLoader.load(ScenarioLoader.files(SCENARIOS), TestKit.kb(), TestKit.rules());
    }

    @TestFactory
    Stream<DynamicTest> everyScenarioExpectationHolds() {
        List<Scenario> scenarios = scenarios();
        TestReport report = new ScenarioRunner(TestKit.kb(), TestKit.rules(), LiveSession.DEFAULT_MAX_FIRINGS)
                .run(scenarios);
        return report.outcomes().stream().map(o -> DynamicTest.dynamicTest(o.scenario() + ": " + o.expectation(),
                () -> check(o)));
    }

    static void check(TestReport.Outcome o) {
        if (o.passed()) {
            return;
        }
        StringBuilder b = new StringBuilder()
                .append(o.file()).append(':').append(o.line()).append(": expected ").append(o.expectation())
                .append("\n  actual: ").append(o.actual());
        if (o.proof() != null) {
            b.append("\n\n").append(new TextWriter(Style.plain()).write(Documents.of(o.proof())));
        }
        fail(b.toString());
    }

    @Test
    void aFailedExpectationShowsWhatWasConcludedAndTheProof() {
        AbilityProof proof = WhyQuery.why(TestKit.reasoning(), "text-davinci-002", "in-context-learning", 2);
        TestReport.Outcome failed = new TestReport.Outcome("made up", "rules/tests/x.yaml", 7, "text-davinci-002 in-context-learning = strong",
                false, "text-davinci-002 in-context-learning is weak", proof);

        assertThatThrownBy(() -> check(failed)).isInstanceOf(AssertionError.class)
                .hasMessageContaining("rules/tests/x.yaml:7: expected text-davinci-002 in-context-learning = strong")
                .hasMessageContaining("actual: text-davinci-002 in-context-learning is weak")
                .hasMessageContaining("text-davinci-002 · in-context-learning")
                .hasMessageContaining("rule instruction.supervised-tuning-trades-away-in-context-learning");
    }

    @Test
    void theEssayScenariosAreLoadedWithTheirLines() {
        List<Path> files = ScenarioLoader.files(SCENARIOS);
        assertThat(files).extracting(p -> p.getFileName().toString()).contains("essay-expectations.yaml");

        List<Scenario> scenarios = scenarios();
        Scenario first = scenarios.stream()
                .filter(s -> s.name().equals("Pretraining gives the initial GPT-3 generation, knowledge and in-context learning (C1-C4)"))
                .findFirst().orElseThrow();
        assertThat(first.expectations()).extracting(l -> l.expectation().text()).containsExactly(
                "davinci language-generation >= present",
                "davinci world-knowledge >= present",
                "davinci in-context-learning >= present",
                "davinci in-context-learning derived-by pretraining.scale-gives-in-context-learning");
        assertThat(first.expectations()).allSatisfy(l -> assertThat(l.line()).isPositive());
    }
}
