package org.origins.reliability;

import org.origins.TestKit;
import org.origins.Cli;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.origins.io.InputException;
import org.origins.rules.RuleCompiler;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Rule files are code: origins reads .drl files only from the folder given (--rules DIR), never
 * from its subfolders, and never through a symbolic link that leads outside it. A rule that would
 * be loaded from elsewhere is the corpus's throwing rule, so that loading it would show at once.
 */
class RuleFolderSecurityTest {
    @TempDir
    Path tmp;

    private Path rules() {
        return TestKit.copyDir(Run.RULES, tmp.resolve("rules"));
    }

    private static List<String> names(List<Path> files) {
        return files.stream().map(p -> p.getFileName().toString()).toList();
    }

    @Test
    void onlyTheFolderItselfIsRead() throws IOException {
        Path rules = rules();
        List<String> real = names(RuleCompiler.ruleFiles(Run.RULES));
        Run.write(rules.resolve("sub/rhs-throws.drl"), Run.corpus("rules/rhs-throws.drl"));
        Run.write(rules.resolve("tests/rhs-throws.drl"), Run.corpus("rules/rhs-throws.drl"));
        Files.writeString(rules.resolve("notes.drl.txt"), "not a rule file");

        assertThat(names(RuleCompiler.ruleFiles(rules))).containsExactlyElementsOf(real);
        Cli.Result r = Cli.run("abilities", "code-davinci-002", "--rules", rules.toString());
        assertThat(r.code()).as(r.err()).isZero();
    }

    @Test
    void aLinkToARuleFileOutsideTheFolderIsRefused() throws IOException {
        Path rules = rules();
        Path outside = Run.write(tmp.resolve("downloads/helpful.drl"), Run.corpus("rules/rhs-throws.drl"));
        Files.createSymbolicLink(rules.resolve("helpful.drl"), outside);

        InputException e = catchThrowableOfType(InputException.class, () -> RuleCompiler.ruleFiles(rules));
        assertThat(e).isNotNull();
        assertThat(e.problems()).singleElement().satisfies(p -> {
            assertThat(p.file().getFileName().toString()).isEqualTo("helpful.drl");
            assertThat(p.message()).contains("outside the rules folder").contains("rule files are code");
        });
        Cli.Result r = Cli.run("abilities", "code-davinci-002", "--rules", rules.toString());
        r.rejected(2);
        assertThat(r.err()).contains("helpful.drl: a symbolic link to ").doesNotContain("bad.rhs-throws");
    }

    @Test
    void aLinkToAFolderOutsideIsNotFollowed() throws IOException {
        Path rules = rules();
        Run.write(tmp.resolve("elsewhere/rhs-throws.drl"), Run.corpus("rules/rhs-throws.drl"));
        Files.createSymbolicLink(rules.resolve("more"), tmp.resolve("elsewhere"));

        assertThat(names(RuleCompiler.ruleFiles(rules))).containsExactlyElementsOf(names(RuleCompiler.ruleFiles(Run.RULES)));
    }

    @Test
    void linksThatStayInsideTheFolderAreRead() throws IOException {
        Path rules = rules();
        Run.write(rules.resolve("lib/extra.drl"), Run.corpus("rules/never-stops.drl"));
        Files.createSymbolicLink(rules.resolve("extra.drl"), Path.of("lib/extra.drl"));
        Path linkedFolder = Files.createSymbolicLink(tmp.resolve("rules-link"), rules);

        assertThat(names(RuleCompiler.ruleFiles(rules))).contains("extra.drl");
        assertThat(names(RuleCompiler.ruleFiles(linkedFolder))).contains("extra.drl", "code.drl");
    }

    /** An editor's lock file (Emacs writes .#code.drl as a link to nowhere) is not a rule file. */
    @Test
    void aHiddenBrokenLinkIsAnEditorsLockFileAndIgnored() throws IOException {
        Path rules = rules();
        Files.createSymbolicLink(rules.resolve(".#code.drl"), Path.of("analyst@host.1234:1700000000"));

        assertThat(names(RuleCompiler.ruleFiles(rules))).doesNotContain(".#code.drl").contains("code.drl");
    }

    /** Model ids become file names (add writes facts/hypothetical/ID.json): an id cannot leave the folder. */
    @Test
    void aModelIdCannotNameAPathOutsideTheFactsFolder() {
        Path facts = TestKit.copyDir(Run.FACTS, tmp.resolve("facts"));
        Map<String, String> before = Run.hashes(tmp);

        for (String file : List.of("predict/id-path.yaml", "predict/id-shell.yaml")) {
            Cli.Result r = Cli.run("add", Run.BAD.resolve(file).toString(), "--facts", facts.toString());
            r.rejected(2);
            assertThat(r.err()).contains("must be lower-case letters, digits");
        }
        assertThat(Run.hashes(tmp)).isEqualTo(before);
    }
}
