package org.origins.web;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/** The answers kept for the rule base now loaded: made once per request and generation, bounded by size. */
class AnswersTest {
    private final AtomicInteger made = new AtomicInteger();

    private Supplier<byte[]> make(String text) {
        return () -> {
            made.incrementAndGet();
            return text.getBytes(StandardCharsets.UTF_8);
        };
    }

    @Test
    void anAnswerIsMadeOncePerGenerationAndRequest() {
        Answers answers = new Answers(1000);
        assertThat(answers.get(1, "/why?a", make("one"))).asString().isEqualTo("one");
        assertThat(answers.get(1, "/why?a", make("other"))).asString().isEqualTo("one");
        assertThat(answers.get(1, "/why?b", make("two"))).asString().isEqualTo("two");
        assertThat(made).hasValue(2);
    }

    @Test
    void aReloadForgetsEveryAnswer() {
        Answers answers = new Answers(1000);
        answers.get(1, "/why?a", make("old"));
        assertThat(answers.get(2, "/why?a", make("new"))).asString().isEqualTo("new");
        assertThat(answers.size()).isEqualTo(3);
        // a request that began before the reload gets its own answer, which is not kept
        assertThat(answers.get(1, "/why?a", make("late"))).asString().isEqualTo("late");
        assertThat(answers.get(2, "/why?a", make("again"))).asString().isEqualTo("new");
    }

    @Test
    void theLeastRecentlyAskedGoFirstAndLargeAnswersAreNotKept() {
        Answers answers = new Answers(80);
        answers.get(1, "a", make("x".repeat(10)));
        answers.get(1, "b", make("y".repeat(10)));
        answers.get(1, "a", make("unused"));   // a asked again: b is now the eldest
        for (int i = 0; i < 7; i++) {   // 90 bytes: b goes
            answers.get(1, "c" + i, make("z".repeat(10)));
        }
        assertThat(answers.size()).isLessThanOrEqualTo(80);
        int before = made.get();
        answers.get(1, "a", make("x".repeat(10)));
        assertThat(made).as("a kept").hasValue(before);
        answers.get(1, "b", make("y".repeat(10)));
        assertThat(made).as("b made again").hasValue(before + 1);

        answers.get(1, "big", make("w".repeat(11)));   // more than an eighth of the bound
        answers.get(1, "big", make("w".repeat(11)));
        assertThat(made).hasValue(before + 3);
    }
}
