package org.origins.golden;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import org.origins.cli.Commands;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

/**
 * The documentation cannot go stale: every {@code $ ./origins ...} shown in a code block of
 * README.md, docs/tour.md and docs/recipe.md is run on a copy of rules/ and facts/ and its output compared with the
 * lines shown under it; an output shown cut (its last line {@code ...}) is compared up to the cut.
 * Every {@code ./origins ...} line of an {@code sh} block must be a command line origins accepts.
 * With {@code -Dorigins.golden.update=true} (as for the golden files) the shown outputs are rewritten
 * from what origins prints, each cut kept at its number of lines: review them as a diff.
 */
class DocTest {
    static final List<Path> DOCS = List.of(Path.of("README.md"), Path.of("docs/tour.md"), Path.of("docs/recipe.md"));
    private static final String PROMPT = "$ ./origins ";
    private static final String CUT = "...";

    @TempDir
    static Path tmp;

    @TestFactory
    Stream<DynamicTest> everyShownOutputIsWhatOriginsPrints() {
        Fixture fixture = Fixture.in(tmp.resolve("project"));
        return DOCS.stream().map(doc -> DynamicTest.dynamicTest(doc.toString(), () -> {
            List<String> lines = new ArrayList<>(Arrays.asList(Fixture.read(doc).split("\n", -1)));
            List<String> wrong = new ArrayList<>();
            for (int i = 0; i < lines.size(); i++) {
                if (!lines.get(i).startsWith(PROMPT)) {
                    continue;
                }
                String command = lines.get(i);
                int end = i + 1;
                while (end < lines.size() && !lines.get(end).startsWith("```") && !lines.get(end).startsWith(PROMPT)) {
                    end++;
                }
                List<String> shown = new ArrayList<>(lines.subList(i + 1, end));
                boolean cut = !shown.isEmpty() && shown.get(shown.size() - 1).equals(CUT);
                Fixture.Output o = fixture.run(words(command.substring(PROMPT.length())));
                assertThat(o.code()).as("%s: %s exits 0; stderr:%n%s", doc, command, o.err()).isZero();
                List<String> actual = Arrays.asList(o.out().stripTrailing().split("\n"));
                List<String> expected = cut ? actual.subList(0, Math.min(actual.size(), shown.size() - 1)) : actual;
                if (Fixture.UPDATE) {
                    List<String> now = new ArrayList<>(shown.size() == 1 && cut ? actual : expected);
                    if (cut && shown.size() > 1 && actual.size() > shown.size() - 1) {
                        now.add(CUT);
                    }
                    lines.subList(i + 1, end).clear();
                    lines.addAll(i + 1, now);
                    end = i + 1 + now.size();
                } else if (shown.size() == 1 && cut) {
                    wrong.add(command + ": no output shown");
                } else if (!(cut ? shown.subList(0, shown.size() - 1) : shown).equals(expected)) {
                    wrong.add(command + ": shown\n" + String.join("\n", shown) + "\nbut origins prints\n" + String.join("\n", expected));
                }
                i = end - 1;
            }
            if (Fixture.UPDATE) {
                Fixture.write(doc, String.join("\n", lines));
            }
            assertThat(wrong).as("outputs in %s that are not what origins prints (regenerate: -Dorigins.golden.update=true)", doc)
                    .isEmpty();
        }));
    }

    @TestFactory
    Stream<DynamicTest> everyCommandShownParses() {
        return DOCS.stream().map(doc -> DynamicTest.dynamicTest(doc.toString(), () -> {
            String text = Fixture.read(doc).replace("\\\n", " ");
            Matcher blocks = Pattern.compile("```sh\n(.*?)```", Pattern.DOTALL).matcher(text);
            int commands = 0;
            while (blocks.find()) {
                for (String line : blocks.group(1).split("\n")) {
                    if (line.startsWith("./origins")) {
                        List<String> args = words(line.substring("./origins".length()).replaceAll("\\s+#.*$", ""));
                        assertThatCode(() -> Commands.parse(args.toArray(String[]::new))).as("%s: %s", doc, line)
                                .doesNotThrowAnyException();
                        commands++;
                    }
                }
            }
            assertThat(commands).as("commands shown in sh blocks of %s", doc).isPositive();
        }));
    }

    /** The README is read in five minutes: at most 10 KB (transcripts belong in docs/tour.md). */
    @org.junit.jupiter.api.Test
    void theReadmeIsShort() throws java.io.IOException {
        assertThat(java.nio.file.Files.size(Path.of("README.md"))).isLessThanOrEqualTo(10 * 1024);
    }

    /** The words of a command line as a shell splits them (single and double quotes, no variables). */
    static List<String> words(String line) {
        List<String> out = new ArrayList<>();
        Matcher m = Pattern.compile("'([^']*)'|\"([^\"]*)\"|(\\S+)").matcher(line);
        while (m.find()) {
            out.add(m.group(1) != null ? m.group(1) : m.group(2) != null ? m.group(2) : m.group(3));
        }
        return out;
    }
}
