package org.origins.cli;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.origins.TestKit;
import org.origins.kb.Level;
import org.origins.io.Problem;
import org.origins.reasoning.Watchdog;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Whatever a reload meets (a rule that overflows the stack, one that never ends, a file the parser
 * gives up on), the shell says it could not reload and answers on from the last good rule base;
 * and when the files are good again (even back to what they were), it says so.
 */
class ShellRecoveryTest {
    private static final Path BAD = Path.of("src/test/resources/bad/rules").toAbsolutePath();

    @TempDir
    Path tmp;
    Path rules;
    Path facts;
    private Duration limit;

    @BeforeEach
    void copy() {
        rules = TestKit.copyDir(TestKit.RULES, tmp.resolve("rules"));
        facts = TestKit.copyDir(TestKit.FACTS, tmp.resolve("facts"));
        limit = Watchdog.limit();
    }

    @AfterEach
    void restoreLimit() {
        Watchdog.limit(limit);
    }

    private void addBad(String name) throws IOException {
        Files.copy(BAD.resolve(name), rules.resolve(name));
    }

    @Test
    void aRuleThatOverflowsTheStackOrNeverEndsLeavesTheLastGoodState() throws IOException {
        ShellState state = new ShellState(facts, rules, 100_000);
        state.reload();
        Watchdog.limit(Duration.ofSeconds(2));

        for (String bad : new String[] {"recurse.drl", "spin-action.drl", "heap.drl"}) {
            addBad(bad);
            ShellState.Reload r = state.reload();
            assertThat(r.changed()).isTrue();
            assertThat(r.problems()).as(bad).isNotEmpty();
            assertThat(r.problems().get(0).message()).containsAnyOf("stack overflowed", "did not finish within 2 s", "out of memory");
            assertThat(state.reasoning().level("code-davinci-002", "chain-of-thought")).isEqualTo(Level.STRONG);
            Files.delete(rules.resolve(bad));
            ShellState.Reload back = state.reload();
            assertThat(back.recovered()).as("after %s: the files load again", bad).isTrue();
            assertThat(back.problems()).isEmpty();
        }
    }

    @Test
    void aFileTheParserGivesUpOnGetsAHintAndFixingItIsReported() throws IOException {
        ShellState state = new ShellState(facts, rules, 100_000);
        state.reload();
        Path code = rules.resolve("code.drl");
        String good = Files.readString(code);

        for (String broken : new String[] {good.replaceFirst("\\bend\\b", ""), good.replaceFirst("\"weak\"", "\"weak"),
                "garbage before the package\n" + good, good.replaceFirst("\\bthen\\b", "")}) {
            Files.writeString(code, broken);
            ShellState.Reload r = state.reload();
            assertThat(r.problems()).isNotEmpty();
            for (Problem p : r.problems()) {
                assertThat(p.message()).as(p.toString()).contains("hint:");
            }
            assertThat(state.reload().changed()).as("the same broken files: said once").isFalse();
        }

        Files.writeString(code, good);   // put back exactly as it was
        ShellState.Reload fixed = state.reload();
        assertThat(fixed.changed()).isTrue();
        assertThat(fixed.recovered()).isTrue();
        assertThat(fixed.problems()).isEmpty();
    }

    /** The shell itself: its watcher survives a stack overflow and reports the recovery. */
    @Test
    void theWatcherOutlivesAStackOverflow() throws Exception {
        Path log = tmp.resolve("shell.log");
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-XX:TieredStopAtLevel=1",
                "-cp", System.getProperty("java.class.path"), "org.origins.cli.Main", "shell", "--rules", rules.toString(),
                "--facts", facts.toString())
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        try (OutputStream in = p.getOutputStream()) {
            awaitLog(log, "origins shell");
            addBad("recurse.drl");
            awaitLog(log, "stack overflowed");
            Files.delete(rules.resolve("recurse.drl"));
            awaitLog(log, "the files load again");
            in.write("abilities davinci\nexit\n".getBytes(StandardCharsets.UTF_8));
            in.flush();
            assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        } finally {
            p.destroyForcibly();
        }
        assertThat(Files.readString(log)).contains("language-generation").doesNotContain("Exception in thread");
    }

    private static void awaitLog(Path log, String text) throws Exception {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        while (System.nanoTime() < end) {
            if (Files.exists(log) && Files.readString(log).contains(text)) {
                return;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("the shell did not print \"" + text + "\" in 90 s:\n" + Files.readString(log));
    }
}
