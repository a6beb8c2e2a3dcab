package org.origins.reliability;

import org.origins.Cli;
import org.origins.TestKit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * Every --out (predict --batch's too) goes through one checked write path: never onto a file the
 * command reads (by any name: itself, a hard link, a symbolic link), an existing file only with
 * --force, and then: a symbolic link's target is written (the link stays), a FIFO or device is
 * written into (never replaced), a replaced file keeps its permissions; a write that fails changes
 * nothing; and a failed write to standard output is an error, not exit 0 with the answer lost.
 */
@EnabledOnOs({OS.LINUX, OS.MAC})
class OutputSafetyTest {
    private static final String MODELS = """
            {"id": "out-one", "hypothetical": true, "parent": "opt-175b", "stages": []}
            {"id": "out-two", "hypothetical": true, "parent": "davinci", "stages": []}
            """;

    @TempDir
    Path tmp;
    Path facts;
    Path input;

    @BeforeEach
    void setUp() throws IOException {
        facts = TestKit.copyDir(Run.FACTS, tmp.resolve("facts"));
        input = Files.writeString(tmp.resolve("in.jsonl"), MODELS);
    }

    private Cli.Result batch(String... more) {
        List<String> args = new ArrayList<>(List.of("predict", "--batch", input.toString(), "--facts", facts.toString()));
        args.addAll(List.of(more));
        return assertTimeoutPreemptively(Duration.ofSeconds(60), () -> Cli.run(args.toArray(String[]::new)));
    }

    @Test
    void theInputIsNeverTheOutputByAnyName() throws IOException {
        Path hard = Files.createLink(tmp.resolve("hard.jsonl"), input);
        Path soft = Files.createSymbolicLink(tmp.resolve("soft.jsonl"), input);
        for (Path out : List.of(input, hard, soft, tmp.resolve(".").resolve("in.jsonl"))) {
            for (boolean force : List.of(false, true)) {
                Cli.Result r = force ? batch("--out", out.toString(), "--force") : batch("--out", out.toString());
                r.rejected(2);
                assertThat(r.err()).contains("is the input file").contains("writing it would destroy what is being read");
                assertThat(Files.readString(input)).as("the input, after --out %s", out).isEqualTo(MODELS);
            }
        }
        assertThat(Files.isSymbolicLink(soft)).isTrue();
    }

    @Test
    void aFileOfTheKnowledgeBaseIsNeverTheOutput() throws IOException {
        Path davinci = facts.resolve("models/davinci.json");
        String before = Files.readString(davinci);
        Cli.Result r = Cli.run("report", "--out", davinci.toString(), "--force", "--facts", facts.toString());
        r.rejected(2);
        assertThat(r.err()).contains("which this command reads");
        assertThat(Files.readString(davinci)).isEqualTo(before);
    }

    @Test
    void anExistingFileIsReplacedOnlyWithForceAndKeepsItsPermissions() throws IOException {
        Path out = Files.writeString(tmp.resolve("out.jsonl"), "earlier\n");
        Files.setPosixFilePermissions(out, PosixFilePermissions.fromString("rw-------"));

        batch("--out", out.toString()).rejected(2);
        assertThat(Files.readString(out)).isEqualTo("earlier\n");

        Cli.Result r = batch("--out", out.toString(), "--force");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(Files.readAllLines(out)).hasSize(2).allMatch(l -> l.startsWith("{\"model\":\"out-"));
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(out))).isEqualTo("rw-------");
        assertThat(leftovers()).isEmpty();
    }

    @Test
    void aSymbolicLinkIsFollowedNotReplaced() throws IOException {
        Path target = Files.writeString(tmp.resolve("target.txt"), "earlier\n");
        Path link = Files.createSymbolicLink(tmp.resolve("link.txt"), target.getFileName());

        Cli.Result r = Cli.run("matrix", "--out", link.toString(), "--force", "--facts", facts.toString());

        assertThat(r.code()).as(r.err()).isZero();
        assertThat(Files.isSymbolicLink(link)).as("still a link").isTrue();
        assertThat(Files.readString(target)).contains("davinci");

        Path dangling = Files.createSymbolicLink(tmp.resolve("dangling.txt"), tmp.resolve("nowhere/x.txt"));
        Cli.Result d = Cli.run("matrix", "--out", dangling.toString(), "--force", "--facts", facts.toString());
        d.rejected(2);
        assertThat(d.err()).contains("a symbolic link that leads to no file");
        assertThat(Files.exists(tmp.resolve("nowhere"))).isFalse();
    }

    @Test
    void aFifoIsWrittenIntoNeverReplaced() throws Exception {
        Path fifo = tmp.resolve("pipe");
        assertThat(new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor()).isZero();
        CompletableFuture<String> reader = CompletableFuture.supplyAsync(() -> {
            try {
                return Files.readString(fifo);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });

        batch("--out", fifo.toString()).rejected(2);   // without --force: refused, like any existing file
        Cli.Result r = batch("--out", fifo.toString(), "--force");

        assertThat(r.code()).as(r.err()).isZero();
        assertThat(reader.get(30, TimeUnit.SECONDS)).contains("\"model\":\"out-one\"");
        assertThat(Files.isRegularFile(fifo, LinkOption.NOFOLLOW_LINKS)).as("still a FIFO").isFalse();
        assertThat(Files.exists(fifo, LinkOption.NOFOLLOW_LINKS)).isTrue();
    }

    @Test
    void aDeviceIsWrittenIntoNeverReplaced() throws IOException {
        Path devNull = Path.of("/dev/null");
        Cli.Result r = Cli.run("lineage", "--out", devNull.toString(), "--force", "--facts", facts.toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(Files.isRegularFile(devNull, LinkOption.NOFOLLOW_LINKS)).as("/dev/null is still a device").isFalse();
    }

    @Test
    void aFolderOrAMissingInputIsAClearError() throws IOException {
        Path dir = Files.createDirectory(tmp.resolve("dir"));
        Cli.Result folder = batch("--out", dir.toString());
        folder.rejected(2);
        assertThat(folder.err()).contains("is a folder; give a file name");

        Cli.Result in = Cli.run("predict", "--batch", dir.toString(), "--facts", facts.toString());
        in.rejected(2);
        assertThat(in.err()).contains("is a folder; give a JSON Lines file");
        Cli.Result missing = Cli.run("predict", "--batch", tmp.resolve("none.jsonl").toString(), "--facts", facts.toString());
        missing.rejected(2);
        assertThat(missing.err()).contains("none.jsonl: file not found");
    }

    @Test
    void aBatchWhoseRulesFailWritesNothing() throws IOException {
        Path rules = TestKit.copyDir(Run.RULES, tmp.resolve("rules"));
        Run.write(rules.resolve("spin-action.drl"), Run.corpus("rules/spin-action.drl"));
        Path out = tmp.resolve("predictions.jsonl");

        Cli.Result r = batch("--out", out.toString(), "--rules", rules.toString(), "--timeout", "1s");

        r.rejected(2);
        assertThat(r.err()).contains("bad.spin-action");
        assertThat(Files.exists(out)).as("no partial output").isFalse();
        assertThat(leftovers()).isEmpty();
    }

    /** Standard output is a full disk: the answer is lost, so the exit code says so. */
    @Test
    void aFailedWriteToStandardOutputIsAnError() throws Exception {
        Assumptions.assumeTrue(Files.exists(Path.of("/dev/full")), "no /dev/full on this system");
        for (List<String> command : List.of(List.of("matrix"), List.of("predict", "--batch", input.toString()))) {
            List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp", System.getProperty("java.class.path"), "org.origins.cli.Main"));
            cmd.addAll(command);
            cmd.addAll(List.of("--facts", facts.toString()));
            Process p = new ProcessBuilder(cmd).redirectOutput(new java.io.File("/dev/full")).redirectError(ProcessBuilder.Redirect.PIPE)
                    .start();
            String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
            assertThat(p.exitValue()).as("%s: %s", command, err).isEqualTo(2);
            assertThat(err).contains("standard output").doesNotContain("Exception");
        }
    }

    private List<String> leftovers() throws IOException {
        try (var s = Files.list(tmp)) {
            return s.map(p -> p.getFileName().toString()).filter(n -> n.contains(".tmp-")).toList();
        }
    }

    /** JUnit's, named here to keep AssertJ's assumeThat apart. */
    private static final class Assumptions {
        static void assumeTrue(boolean b, String why) {
            org.junit.jupiter.api.Assumptions.assumeTrue(b, why);
        }
    }
}
