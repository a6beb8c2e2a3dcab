package org.origins.rules;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.origins.TestKit;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The build's precompilation of the rules: what it writes, what it cleans up, and broken rules. */
class ModelPrecompilerTest {
    @TempDir
    Path tmp;

    private String run(Path rules, Path classes) throws IOException {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = ModelPrecompiler.run(new String[] {rules.toString(), classes.toString()},
                new PrintStream(err, true, StandardCharsets.UTF_8));
        assertThat(code).as("a build step that never fails the build").isZero();
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void writesTheModelAndRemovesTheClassesOfItsPreviousRun() throws IOException {
        Path classes = tmp.resolve("classes");
        Path stale = classes.resolve("org/origins/rules/P00/LambdaPredicateFromAnEarlierRun.class");
        Files.createDirectories(stale.getParent());
        Files.writeString(stale, "stale");
        Files.writeString(classes.resolve(ModelPrecompiler.CLASS_LIST), "org/origins/rules/P00/LambdaPredicateFromAnEarlierRun.class\n");

        assertThat(run(TestKit.RULES, classes)).isEmpty();

        assertThat(classes.resolve(Precompiled.RESOURCE)).isRegularFile();
        assertThat(stale).doesNotExist();
        assertThat(Files.readAllLines(classes.resolve(ModelPrecompiler.CLASS_LIST)))
                .isNotEmpty().allMatch(name -> Files.isRegularFile(classes.resolve(name)));
    }

    @Test
    void brokenRulesAreReportedWithTheirPlaceAndNotPrecompiled() throws IOException {
        Path rules = tmp.resolve("rules");
        TestKit.copyDir(TestKit.RULES, rules);
        Path code = rules.resolve("code.drl");
        Files.writeString(code, Files.readString(code).replace("insertLogical(Effect.gives($s, \"code-generation\", \"present\"));",
                "insertLogical(Effect.gives($s, \"code-generation\", \"present\"))"));
        Path classes = tmp.resolve("classes");
        Files.createDirectories(classes.resolve(Precompiled.RESOURCE).getParent());
        Files.writeString(classes.resolve(Precompiled.RESOURCE), "from an earlier build");

        String err = run(rules, classes);

        assertThat(err).contains("were not precompiled").contains(code.toString() + ":");
        assertThat(classes.resolve(Precompiled.RESOURCE)).doesNotExist();
    }
}
