package org.origins.render;

import org.origins.Cli;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;

/** --out, --render svg (origins' own drawing) and png (through Graphviz), and the bad inputs around them: exit 2, never a partial file. */
class RenderToFileTest {

    @AfterEach
    void restoreGraphviz() {
        System.clearProperty("origins.dot");
    }

    private static void assumeGraphviz() {
        Assumptions.assumeTrue(DotLayout.available(), "Graphviz's dot is not installed (apt-get install graphviz)");
    }

    @Test
    void rendersTheLineageAProofAndTheMatrixAsSvgWithoutGraphviz(@TempDir Path tmp) {
        System.setProperty("origins.dot", tmp.resolve("no-such-dot").toString());
        Path lineage = tmp.resolve("lineage.svg");
        Path proof = tmp.resolve("why.svg");
        Path matrix = tmp.resolve("matrix.svg");

        Cli.Result r = Cli.run("lineage", "--render", "svg", "--out", lineage.toString()).ok();
        Cli.run("why", "chatgpt", "dialogue", "--render", "svg", "--out", proof.toString()).ok();
        Cli.run("matrix", "--render", "svg", "--out", matrix.toString()).ok();

        assertThat(r.out()).contains("wrote ").contains("lineage.svg");
        String svg = Cli.read(lineage);
        assertThat(svg).startsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<svg xmlns=\"http://www.w3.org/2000/svg\"")
                .contains("<style>svg.og{").contains("data-label=\"text-davinci-003\"").contains("also stated: ESSAY §2, inferred")
                .contains("class=\"og-edge og-dashed og-disputed\"").endsWith("</svg>\n");
        assertThat(Cli.read(proof)).contains("<text x=").contains("rule dialogue.rlhf-gives-strong-dialogue").contains("hypothesis")
                .contains("class=\"og-node og-k-goal og-l-strong\"");
        assertThat(Cli.read(matrix)).contains("data-model=\"chatgpt\" data-ability=\"dialogue\" data-level=\"strong\"");
        assertThat(Cli.names(tmp)).containsExactly("lineage.svg", "matrix.svg", "why.svg");
    }

    @Test
    void svgIsTheSameForTheSameInput(@TempDir Path tmp) {
        Path a = tmp.resolve("a.svg");
        Path b = tmp.resolve("b.svg");

        Cli.run("lineage", "--render", "svg", "--out", a.toString()).ok();
        Cli.run("lineage", "--render", "svg", "--out", b.toString()).ok();

        assertThat(Cli.read(b)).isEqualTo(Cli.read(a));
    }

    @Test
    void rendersTheMatrixAsPng(@TempDir Path tmp) throws IOException {
        assumeGraphviz();
        Path png = tmp.resolve("matrix.png");

        Cli.run("matrix", "--render", "png", "--out", png.toString()).ok();

        byte[] bytes = Files.readAllBytes(png);
        assertThat(Arrays.copyOf(bytes, 8)).containsExactly(0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n');
    }

    @Test
    void anyFormatCanGoToAFile(@TempDir Path tmp) {
        Path out = tmp.resolve("lineage.mmd");

        Cli.Result r = Cli.run("lineage", "--format", "mermaid", "--out", out.toString()).ok();

        assertThat(r.out()).startsWith("wrote ");
        assertThat(Cli.read(out)).startsWith("%% The evolution tree\nflowchart LR\n")
                .isEqualTo(Cli.run("lineage", "--format", "mermaid").ok().out());
    }

    // ---- bad input ------------------------------------------------------------------------------------------

    @Test
    void withoutGraphvizPngSaysHowToInstallItAndWritesNothing(@TempDir Path tmp) {
        System.setProperty("origins.dot", tmp.resolve("no-such-dot").toString());
        Path out = tmp.resolve("lineage.png");

        Cli.Result r = Cli.run("lineage", "--render", "png", "--out", out.toString()).badInput();

        assertThat(r.err()).contains("Graphviz").contains("apt-get install graphviz");
        assertThat(Cli.names(tmp)).isEmpty();
    }

    @Test
    void aFailedRenderLeavesTheOldFileAsItWas(@TempDir Path tmp) {
        System.setProperty("origins.dot", tmp.resolve("no-such-dot").toString());
        Path out = Cli.write(tmp.resolve("why.png"), "old");

        Cli.run("why", "chatgpt", "dialogue", "--render", "png", "--out", out.toString(), "--force").badInput();

        assertThat(Cli.read(out)).isEqualTo("old");
        assertThat(Cli.names(tmp)).containsExactly("why.png");
    }

    @Test
    void aGraphvizThatFailsLeavesNoFile(@TempDir Path tmp) throws IOException {
        Path fake = tmp.resolve("fake-dot");
        Files.writeString(fake, "#!/bin/sh\necho 'Error: syntax error in line 1' >&2\nexit 1\n", StandardCharsets.UTF_8);
        Assumptions.assumeTrue(fake.toFile().setExecutable(true));
        System.setProperty("origins.dot", fake.toString());
        Path dir = Files.createDirectory(tmp.resolve("out"));

        Cli.Result r = Cli.run("lineage", "--render", "png", "--out", dir.resolve("l.png").toString()).badInput();

        assertThat(r.err()).contains("Graphviz failed to draw the png (exit 1): Error: syntax error in line 1; nothing was written");
        assertThat(Cli.names(dir)).isEmpty();
    }

    @Test
    void anUnknownFormatIsRejected(@TempDir Path tmp) {
        Path out = tmp.resolve("x.out");

        Cli.Result r = Cli.run("lineage", "--format", "svg", "--out", out.toString()).badInput();
        assertThat(r.err()).contains("--format svg: expected one of text, json, mermaid, dot, markdown")
                .doesNotContain("Usage:");
        Cli.run("lineage", "--render", "gif", "--out", out.toString()).badInput();

        assertThat(Cli.names(tmp)).isEmpty();
    }

    @Test
    void anExistingOutNeedsForce(@TempDir Path tmp) {
        Path out = Cli.write(tmp.resolve("lineage.dot"), "keep me");

        Cli.Result r = Cli.run("lineage", "--format", "dot", "--out", out.toString()).badInput();

        assertThat(r.err()).contains("lineage.dot already exists; use --force to replace it");
        assertThat(Cli.read(out)).isEqualTo("keep me");
        assertThat(Cli.names(tmp)).containsExactly("lineage.dot");

        Cli.run("lineage", "--format", "dot", "--out", out.toString(), "--force").ok();
        assertThat(Cli.read(out)).startsWith("digraph");
        assertThat(Cli.names(tmp)).containsExactly("lineage.dot");
    }

    @Test
    void anOutInsideAFileIsRejected(@TempDir Path tmp) {
        Path file = Cli.write(tmp.resolve("not-a-folder"), "x");

        Cli.Result r = Cli.run("lineage", "--format", "dot", "--out", file.resolve("lineage.dot").toString()).badInput();

        assertThat(r.err()).contains("cannot write there").contains("not-a-folder is a file, not a folder");
        assertThat(Cli.names(tmp)).containsExactly("not-a-folder");
    }

    @Test
    void anUnwritableFolderIsRejected(@TempDir Path tmp) throws IOException {
        Path dir = Files.createDirectory(tmp.resolve("locked"));
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("r-xr-xr-x"));
        try {
            Assumptions.assumeFalse(Files.isWritable(dir), "running as root: every folder is writable");
            Cli.Result r = Cli.run("lineage", "--format", "dot", "--out", dir.resolve("lineage.dot").toString()).badInput();

            assertThat(r.err()).contains("not writable");
            assertThat(Cli.names(dir)).isEmpty();
        } finally {
            Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
    }

    @Test
    void aFolderThatCannotBeCreatedIsRejected() {
        Path proc = Path.of("/proc/self");
        Assumptions.assumeTrue(Files.isDirectory(proc), "needs Linux's /proc, where no one can create folders");
        Path out = Path.of("/proc/origins-render-test/lineage.dot");

        Cli.Result r = Cli.run("lineage", "--format", "dot", "--out", out.toString()).badInput();

        assertThat(r.err()).contains("lineage.dot").contains("cannot write");
        assertThat(Files.exists(out.getParent())).isFalse();
    }

    @Test
    void renderNeedsOutAndTheDotForm(@TempDir Path tmp) {
        assertThat(Cli.run("lineage", "--render", "svg").badInput().err()).contains("--render svg needs --out FILE");
        assertThat(Cli.run("why", "chatgpt", "dialogue", "--render", "svg", "--format", "json", "--out",
                tmp.resolve("x.svg").toString()).badInput().err()).contains("cannot be combined with --format json");
        assertThat(Cli.names(tmp)).isEmpty();
    }
}
