package org.origins.cli;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.origins.kb.Level;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The shell's reload: recompiles on change, keeps the last good rule base when files break, reports changes. */
class ShellTest {
    @TempDir
    Path tmp;
    Path rules;
    Path facts;

    @BeforeEach
    void copy() throws IOException {
        rules = tmp.resolve("rules");
        facts = tmp.resolve("facts");
        copyTree(Path.of("rules"), rules);
        copyTree(Path.of("facts"), facts);
    }

    static void copyTree(Path from, Path to) {
        org.origins.TestKit.copyDir(from, to);
    }

    void edit(Path file, String from, String to) throws IOException {
        String text = Files.readString(file);
        assertThat(text).contains(from);
        Files.writeString(file, text.replace(from, to));
    }

    @Test
    void anEditedRuleIsRecompiledAndTheChangedConclusionsReported() throws IOException {
        ShellState state = new ShellState(facts, rules, 100_000);
        assertThat(state.reload().changed()).isTrue();
        assertThat(state.reload().changed()).as("nothing changed on disk").isFalse();

        edit(rules.resolve("code.drl"), "insertLogical(Effect.gives($s, \"long-range-dependency\", \"present\"));",
                "insertLogical(Effect.gives($s, \"long-range-dependency\", \"strong\"));");
        ShellState.Reload r = state.reload();

        assertThat(r.problems()).isEmpty();
        assertThat(r.changes()).anySatisfy(c -> {
            assertThat(c.model()).isEqualTo("code-cushman-001");
            assertThat(c.ability()).isEqualTo("long-range-dependency");
            assertThat(c.before()).isEqualTo(Level.PRESENT);
            assertThat(c.after()).isEqualTo(Level.STRONG);
        });
        assertThat(state.reasoning().level("code-cushman-001", "long-range-dependency")).isEqualTo(Level.STRONG);
    }

    @Test
    void aBrokenRuleFileKeepsTheLastGoodRuleBase() throws IOException {
        ShellState state = new ShellState(facts, rules, 100_000);
        state.reload();
        var before = state.rules();

        edit(rules.resolve("code.drl"), "$s : Stage( kinds contains \"code-training\" )\nthen\n    insertLogical(Effect.gives($s, \"chain-of-thought\", \"weak\"));",
                "$s : Stage( kinds contains \"code-training\" \nthen\n    insertLogical(Effect.gives($s, \"chain-of-thought\", \"weak\"));");
        ShellState.Reload broken = state.reload();

        assertThat(broken.problems()).isNotEmpty();
        assertThat(broken.problems().get(0).file().getFileName().toString()).isEqualTo("code.drl");
        assertThat(state.rules()).isSameAs(before);
        assertThat(state.reasoning().level("code-davinci-002", "chain-of-thought")).isEqualTo(Level.STRONG);
    }

    @Test
    void aBrokenFactFileKeepsTheLastGoodKnowledgeBase() throws IOException {
        ShellState state = new ShellState(facts, rules, 100_000);
        state.reload();
        Files.writeString(facts.resolve("models/davinci.json"), "{ \"id\": \"davinci\", ");
        ShellState.Reload broken = state.reload();
        assertThat(broken.problems()).anySatisfy(p -> assertThat(p.toString()).contains("davinci.json"));
        assertThat(state.kb().model("davinci")).isPresent();
    }

    /**
     * A command run in the shell's context answers from the shell's folders and its loaded reasoning
     * (handed to the command's options by picocli's factory), and a command run outside it does not.
     */
    @Test
    void aCommandInTheShellUsesTheShellsStateAndNoOtherDoes() throws IOException {
        edit(rules.resolve("code.drl"), "insertLogical(Effect.gives($s, \"chain-of-thought\", \"weak\"));",
                "insertLogical(Effect.gives($s, \"chain-of-thought\", \"present\"));");
        ShellState state = new ShellState(facts, rules, 100_000);
        state.reload();

        java.io.StringWriter inShell = new java.io.StringWriter();
        // in the essay's view: the rule edited is the essay's, which a later rule supersedes in the default view
        int code = Main.run(new String[] {"why", "code-cushman-001", "chain-of-thought", "--view", "essay"},
                new java.io.PrintWriter(inShell), new java.io.PrintWriter(new java.io.StringWriter()), new RunContext(state, false));
        String outside = org.origins.Cli.run("why", "code-cushman-001", "chain-of-thought", "--view", "essay").out();

        assertThat(code).isZero();
        assertThat(inShell.toString()).startsWith("code-cushman-001 · chain-of-thought").contains("): present +");
        assertThat(outside).as("the project's own rules").contains("): weak −");
    }

    @Test
    void theShellAnswersCommandsReadFromItsInput() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), "org.origins.cli.Main", "shell",
                "--rules", rules.toString(), "--facts", facts.toString())
                .redirectErrorStream(true).start();
        p.getOutputStream().write("why davinci 思维链\nabilities chatgpt\nnot-a-command\nexit\n".getBytes(StandardCharsets.UTF_8));
        p.getOutputStream().close();
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(out).contains("origins shell").contains("davinci · chain-of-thought")
                .contains("refuses-out-of-knowledge").contains("unknown command \"not-a-command\"").doesNotContain("\tat org.");
        assertThat(p.exitValue()).isZero();
    }
}
