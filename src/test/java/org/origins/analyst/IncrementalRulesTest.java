package org.origins.analyst;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.origins.TestKit;
import org.origins.io.InputException;
import org.origins.kb.Level;
import org.origins.reasoning.Reasoner;
import org.origins.rules.IncrementalRules;
import org.origins.rules.RuleBase;
import org.origins.rules.RuleCompiler;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The shell's incremental rule base gives the same conclusions as a full compile of the same files. */
class IncrementalRulesTest {
    @TempDir
    Path tmp;

    Path rules() throws IOException {
        Path dir = tmp.resolve("rules");
        CheckCommandTest.copyTree(Path.of("rules"), dir);
        return dir;
    }

    static Level level(RuleBase rules, String model, String ability) {
        return Reasoner.run(TestKit.kb(), rules, 100_000).level(model, ability);
    }

    @Test
    void anEditedFileGivesWhatAFullCompileGives() throws IOException {
        Path dir = rules();
        IncrementalRules inc = IncrementalRules.start(dir);
        Path code = dir.resolve("code.drl");
        Files.writeString(code, Files.readString(code).replace(
                "insertLogical(Effect.gives($s, \"long-range-dependency\", \"present\"));",
                "insertLogical(Effect.gives($s, \"long-range-dependency\", \"strong\"));"));

        RuleBase updated = inc.update();

        assertThat(level(updated, "code-cushman-001", "long-range-dependency")).isEqualTo(Level.STRONG);
        assertThat(level(updated, "code-cushman-001", "long-range-dependency"))
                .isEqualTo(level(RuleCompiler.compile(dir), "code-cushman-001", "long-range-dependency"));
        assertThat(updated.rules()).hasSameSizeAs(TestKit.rules().rules());
    }

    @Test
    void aRemovedFileTakesItsRulesAlong() throws IOException {
        Path dir = rules();
        IncrementalRules inc = IncrementalRules.start(dir);
        Files.delete(dir.resolve("dialogue.drl"));

        RuleBase updated = inc.update();

        assertThat(updated.rules()).noneMatch(r -> r.id().startsWith("dialogue."));
        assertThat(level(updated, "chatgpt", "dialogue")).isEqualTo(Level.NONE);
    }

    @Test
    void aBrokenFileChangesNothing() throws IOException {
        Path dir = rules();
        IncrementalRules inc = IncrementalRules.start(dir);
        Path code = dir.resolve("code.drl");
        Files.writeString(code, Files.readString(code).replace("$s : Stage( kinds contains \"code-training\" )\nthen",
                "$s : Stage( kinds contains \"code-training\" \nthen"));

        assertThatThrownBy(inc::update).isInstanceOf(InputException.class)
                .satisfies(e -> assertThat(((InputException) e).problems().get(0).file().getFileName().toString())
                        .isEqualTo("code.drl"));
        assertThat(level(inc.current(), "code-davinci-002", "chain-of-thought")).isEqualTo(Level.STRONG);
        assertThat(inc.current().rules()).hasSameSizeAs(TestKit.rules().rules());
    }
}
