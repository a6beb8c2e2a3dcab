package org.origins.web;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The server keeps the answers it made until the files change: after an edit on disk every page and API
 * answer comes from the new rule base, and after a broken edit every page shows the files' problems (the
 * last good rule base answering meanwhile), none of them an answer kept from before.
 */
class ReloadedAnswersTest {
    /** The banner of the files' problems, while there are none. */
    private static final String HIDDEN_PROBLEMS = "<section id=\"problems\" class=\"problems\" hidden>";
    @TempDir
    Path dir;

    @Test
    void anEditOnDiskIsSeenByAnswersMadeBefore() throws IOException {
        try (Served served = Served.on(dir, false)) {
            String proof = "/why?model=code-davinci-002&ability=chain-of-thought";
            assertThat(served.get("/api/rules").body()).contains("Code training of a model with a hundred billion parameters");
            assertThat(served.get(proof).body()).contains(HIDDEN_PROBLEMS, "hundred billion parameters");
            Path code = served.rules.resolve("code.drl");
            String before = Files.readString(code, StandardCharsets.UTF_8);

            Files.writeString(code, before.replace("Code training of a model with a hundred billion parameters or more",
                    "Code training of a very large model"), StandardCharsets.UTF_8);
            waitFor(served, "/api/rules", body -> body.contains("Code training of a very large model"));
            assertThat(served.get(proof).body()).contains("Code training of a very large model");

            Files.writeString(code, before + "\nrule \"broken\" when then nonsense(\n", StandardCharsets.UTF_8);
            waitFor(served, "/api/status", body -> body.contains("code.drl"));
            Served.Reply page = served.get(proof);
            assertThat(page.status()).isEqualTo(200);
            assertThat(page.body()).doesNotContain(HIDDEN_PROBLEMS).contains("do not load", "code.drl", "Code training of a very large model");
        }
    }

    private static void waitFor(Served served, String path, Predicate<String> seen) {
        Instant end = Instant.now().plus(Duration.ofSeconds(60));
        while (!seen.test(served.get(path).body())) {
            assertThat(Instant.now()).as("%s changes within a minute", path).isBefore(end);
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }
}
