package org.origins;

import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every command the README, the tour it links to (docs/tour.md, where the README's transcripts and
 * command lists moved) and examples/README.md show runs as shown, in a fresh checkout: with a
 * copy of the bundled facts (so that {@code add} changes no other test's), --out files in a
 * temporary folder, the example files that ship in examples/. Interactive ones (the shell) and
 * placeholders ("…") are left out.
 */
class ReadmeExamplesTest {
    private static final Pattern INLINE = Pattern.compile("`(\\./origins[^`]*)`");

    @TempDir
    Path tmp;

    static Stream<Named<List<String>>> commands() throws IOException {
        Set<String> found = new LinkedHashSet<>();
        for (Path doc : List.of(Path.of("README.md"), Path.of("docs/tour.md"), Path.of("examples/README.md"))) {
            List<String> lines = Files.readAllLines(doc);
            boolean code = false;
            for (int i = 0; i < lines.size(); i++) {
                String line = lines.get(i);
                if (line.startsWith("```")) {
                    code = !code;
                    continue;
                }
                if (code) {
                    String l = line.startsWith("$ ") ? line.substring(2) : line;
                    if (l.startsWith("./origins")) {
                        StringBuilder cmd = new StringBuilder(l);
                        while (cmd.toString().strip().endsWith("\\") && i + 1 < lines.size()) {
                            cmd.setLength(cmd.toString().stripTrailing().length() - 1);
                            cmd.append(' ').append(lines.get(++i).strip());
                        }
                        found.add(cmd.toString().replaceAll("\\s+#.*$", "").strip());
                    }
                } else {
                    Matcher m = INLINE.matcher(line);
                    while (m.find()) {
                        found.add(m.group(1).strip());
                    }
                }
            }
        }
        return found.stream().filter(c -> !c.contains("…") && !c.contains("...") && !c.contains("COMMAND")
                        && !c.startsWith("./origins shell"))
                .map(c -> Named.of(c, words(c.substring("./origins".length()))));
    }

    /** Shell words: split at spaces, quotes kept together. */
    private static List<String> words(String s) {
        List<String> out = new ArrayList<>();
        Matcher m = Pattern.compile("\"([^\"]*)\"|'([^']*)'|(\\S+)").matcher(s);
        while (m.find()) {
            out.add(m.group(1) != null ? m.group(1) : m.group(2) != null ? m.group(2) : m.group(3));
        }
        return out;
    }

    @Test
    void theReadmeShowsTheExamples() throws IOException {
        List<String> all = commands().map(Named::getName).toList();
        assertThat(all).contains("./origins predict examples/recipes.yaml", "./origins add examples/recipes.yaml",
                "./origins abilities opt-code --with examples/recipes.yaml");
        assertThat(all).noneMatch(c -> c.contains("my-models.yaml"));
        for (String c : all) {
            for (String w : words(c)) {
                if (w.startsWith("examples/")) {
                    assertThat(Path.of(w)).as("%s ships", w).exists();
                }
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("commands")
    void runsAsShown(List<String> args) {
        Path facts = TestKit.copyDir(TestKit.FACTS, tmp.resolve("facts"));
        List<String> a = new ArrayList<>();
        Path out = null;
        for (int i = 0; i < args.size(); i++) {
            a.add(args.get(i));
            if (args.get(i).equals("--out") && i + 1 < args.size()) {
                out = tmp.resolve(args.get(++i));
                a.add(out.toString());
            }
        }
        if (!a.isEmpty()) {
            a.addAll(List.of("--facts", facts.toString()));
        }

        Cli.Result r = Cli.run(a.toArray(String[]::new));

        // check and test answer with exit 1 when they find something (a contradicted observation): still an answer
        assertThat(r.code()).as("exit code of %s; stderr:\n%s", a, r.err())
                .isIn(!a.isEmpty() && (a.get(0).equals("check") || a.get(0).equals("test")) ? List.of(0, 1) : List.of(0));
        if (out != null) {
            assertThat(out).as("the --out file").isNotEmptyFile();
        } else {
            assertThat(r.out()).as("the answer").isNotBlank();
        }
        r.noStackTrace();
    }
}
