package org.origins;

import org.junit.jupiter.api.Test;
import org.origins.explain.WhyNotQuery;
import org.origins.reasoning.Reasoning;
import org.origins.render.JsonWriter;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * why-not asked on many threads at once, as {@code origins serve} asks it: the probe rules compiled once
 * and shared between threads, each build under a release id of its own, give every question its own answer.
 */
class WhyNotConcurrencyTest {
    private static final long MAX_FIRINGS = 100_000;

    @Test
    void answersAskedTogetherAreTheAnswersAskedOneAtATime() throws Exception {
        Reasoning r = TestKit.reasoning();
        List<List<String>> questions = List.of(List.of("davinci", "chain-of-thought"), List.of("davinci", "instruction-following"),
                List.of("t5-11b", "in-context-learning"), List.of("code-davinci-002", "zero-shot-generalization"), List.of("opt-175b", "code-generation"),
                List.of("text-davinci-002", "dialogue"), List.of("palm-540b", "chain-of-thought"), List.of("bloom-176b", "zero-shot-generalization"));
        List<String> alone = new ArrayList<>();
        for (List<String> q : questions) {
            alone.add(ask(r, q));
        }
        ExecutorService pool = Executors.newFixedThreadPool(questions.size());
        try {
            for (int round = 0; round < 3; round++) {
                List<Future<String>> together = new ArrayList<>();
                for (List<String> q : questions) {
                    together.add(pool.submit(() -> ask(r, q)));
                }
                for (int i = 0; i < questions.size(); i++) {
                    assertThat(together.get(i).get()).as("why-not %s, asked with the others", questions.get(i)).isEqualTo(alone.get(i));
                }
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(alone).allSatisfy(a -> assertThat(a).contains("\"candidates\""));
    }

    private static String ask(Reasoning r, List<String> q) {
        return JsonWriter.write(WhyNotQuery.whyNot(r, q.get(0), q.get(1), null, MAX_FIRINGS));
    }
}
