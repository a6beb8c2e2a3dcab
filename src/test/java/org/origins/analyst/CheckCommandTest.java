package org.origins.analyst;

import org.origins.Cli;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** `origins check` on broken copies of the real rules: one line per problem, file:line:col, a hint, the right exit code. */
class CheckCommandTest {
    @TempDir
    Path tmp;

    Path rulesCopy() throws IOException {
        Path dir = tmp.resolve("rules");
        Files.createDirectories(dir);
        try (Stream<Path> s = Files.list(Path.of("rules"))) {
            for (Path p : s.filter(p -> p.toString().endsWith(".drl")).toList()) {
                Files.copy(p, dir.resolve(p.getFileName()));
            }
        }
        return dir;
    }

    void replace(Path file, String from, String to) throws IOException {
        String text = Files.readString(file);
        assertThat(text).contains(from);
        Files.writeString(file, text.replace(from, to));
    }

    @Test
    void theRealRulesAndFactsAreClean() {
        Cli.Result r = Cli.run("check");
        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("check: 0 error(s)");
    }

    @Test
    void anUnknownFieldIsAnErrorAtItsLineWithTheFieldsThatExist() throws IOException {
        Path rules = rulesCopy();
        replace(rules.resolve("code.drl"), "$s : Stage( kinds contains \"code-training\" )\nthen\n    insertLogical(Effect.gives($s, \"chain-of-thought\", \"weak\"));",
                "$s : Stage( kindz contains \"code-training\" )\nthen\n    insertLogical(Effect.gives($s, \"chain-of-thought\", \"weak\"));");
        Cli.Result r = Cli.run("check", "--rules", rules.toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.out()).containsPattern("code\\.drl:\\d+(:\\d+)?: .*kindz");
        assertThat(r.out()).contains("Stage has the fields").contains("did you mean \"kind\" or \"kinds\"");
        assertThat(r.out() + r.err()).doesNotContain("\tat org.");
    }

    @Test
    void anUnknownTypeNamesTheFactTypes() throws IOException {
        Path rules = rulesCopy();
        Files.writeString(rules.resolve("extra.drl"), """
                package org.origins.rules;
                import org.origins.facts.Stage;
                rule "extra.bad-type"
                    @id("extra.bad-type") @claim("x") @grade("hypothesis") @source("ESSAY")
                when
                    $s : Stag( )
                then
                end
                """);
        Cli.Result r = Cli.run("check", "--rules", rules.toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.out()).contains("extra.drl").contains("Stag").contains("the fact types are");
    }

    @Test
    void aMissingEndIsReportedWithItsFile() throws IOException {
        Path rules = rulesCopy();
        Files.writeString(rules.resolve("extra.drl"), """
                package org.origins.rules;
                import org.origins.facts.Stage;
                rule "extra.no-end"
                    @id("extra.no-end") @claim("x") @grade("hypothesis") @source("ESSAY")
                when
                    $s : Stage( )
                then

                rule "extra.next"
                    @id("extra.next") @claim("x") @grade("hypothesis") @source("ESSAY")
                when
                    $s : Stage( )
                then
                end
                """);
        Cli.Result r = Cli.run("check", "--rules", rules.toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.out()).containsPattern("extra\\.drl:\\d+");
    }

    @Test
    void lintFindsMissingMetadataUnknownSourcesModelNamesAndVocabulary() throws IOException {
        Path rules = rulesCopy();
        Files.writeString(rules.resolve("extra.drl"), """
                package org.origins.rules;
                import org.origins.facts.Stage;
                import org.origins.facts.Effect;
                rule "extra.lint"
                    @id("extra.lint")
                    @grade("very sure")
                    @source("ESAY §3")
                when
                    $s : Stage( model == "davinci", kinds contains "code-trainig" )
                then
                    insertLogical(Effect.gives($s, "chain-of-thougt", "strongest"));
                end
                """);
        Cli.Result r = Cli.run("check", "--rules", rules.toString());
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.out())
                .contains("has no valid @claim")
                .contains("has no valid @grade")
                .contains("unknown source \"ESAY\"").contains("did you mean \"ESSAY\"")
                .contains("names the model \"davinci\"")
                .contains("unknown stage kind \"code-trainig\"").contains("did you mean \"code-training\"")
                .contains("unknown ability \"chain-of-thougt\"")
                .contains("unknown level \"strongest\"");
        assertThat(r.out()).containsPattern("extra\\.drl:9:\\d+: rule \"extra.lint\": names the model");
    }

    @Test
    void aDuplicateIdIsRefusedWithBothPlaces() throws IOException {
        Path rules = rulesCopy();
        replace(rules.resolve("rlhf.drl"), "@id(\"rlhf.gives-impartial-responses\")", "@id(\"rlhf.gives-informative-responses\")");
        Cli.Result r = Cli.run("check", "--rules", rules.toString());
        // not a lint finding: every command refuses such a rule base (exit 2), check among them
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.out()).containsPattern("rlhf\\.drl:\\d+: duplicate rule id \"rlhf.gives-informative-responses\" \\(also at [^)]*rlhf\\.drl:\\d+\\)");
    }

    @Test
    void aRuleThatNeverFiresIsANoteThatStrictAccepts() throws IOException {
        Path rules = rulesCopy();
        Files.writeString(rules.resolve("extra.drl"), """
                package org.origins.rules;
                import org.origins.facts.Stage;
                import org.origins.facts.Effect;
                rule "extra.never"
                    @id("extra.never") @claim("A stage of a billion tasks gives dialogue.") @grade("hypothesis") @source("ESSAY §4")
                when
                    $s : Stage( tasks > 1000000000 )
                then
                    insertLogical(Effect.gives($s, "dialogue", "weak"));
                end
                """);
        Cli.Result plain = Cli.run("check", "--rules", rules.toString());
        assertThat(plain.out()).contains("note: rule \"extra.never\" never fires").contains("check: 0 error(s), 0 warning(s)");
        // whether a rule fires depends on the models the knowledge base holds, not on the rule: not a defect
        Cli.Result strict = Cli.run("check", "--rules", rules.toString(), "--strict");
        assertThat(strict.code()).as(strict.out()).isZero();
    }

    @Test
    void brokenFactsAreAllReportedAtOnceWithExitTwo() throws IOException {
        Path facts = tmp.resolve("facts");
        copyTree(Path.of("facts"), facts);
        replace(facts.resolve("models/davinci.json"), "\"parameters\"", "\"parametrs\"");
        replace(facts.resolve("models/opt-175b.json"), "\"kind\": \"pretraining\"", "\"kind\": \"pretrainng\"");
        Cli.Result r = Cli.run("check", "--facts", facts.toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.out()).contains("davinci.json").contains("parametrs").contains("opt-175b.json").contains("pretrainng");
    }

    static void copyTree(Path from, Path to) {
        org.origins.TestKit.copyDir(from, to);
    }
}
