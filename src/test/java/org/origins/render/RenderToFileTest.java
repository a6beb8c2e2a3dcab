package org.origins.render;

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

        RenderCli.Result r = RenderCli.run("lineage", "--render", "svg", "--out", lineage.toString()).ok();
        RenderCli.run("why", "chatgpt", "dialogue", "--render", "svg", "--out", proof.toString()).ok();
        RenderCli.run("matrix", "--render", "svg", "--out", matrix.toString()).ok();

        assertThat(r.out()).contains("wrote ").contains("lineage.svg");
        String svg = RenderCli.read(lineage);
        assertThat(svg).startsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<svg xmlns=\"http://www.w3.org/2000/svg\"")
                .contains("<style>svg.og{").contains("data-label=\"text-davinci-003\"").contains("also stated: ESSAY §2, inferred")
                .contains("class=\"og-edge og-dashed og-disputed\"").endsWith("</svg>\n");
        assertThat(RenderCli.read(proof)).contains("<text x=").contains("rule dialogue.rlhf-gives-strong-dialogue").contains("hypothesis")
                .contains("class=\"og-node og-k-goal og-l-strong\"");
        assertThat(RenderCli.read(matrix)).contains("data-model=\"chatgpt\" data-ability=\"dialogue\" data-level=\"strong\"");
        assertThat(RenderCli.names(tmp)).containsExactly("lineage.svg", "matrix.svg", "why.svg");
    }

    @Test
    void svgIsTheSameForTheSameInput(@TempDir Path tmp) {
        Path a = tmp.resolve("a.svg");
        Path b = tmp.resolve("b.svg");

        RenderCli.run("lineage", "--render", "svg", "--out", a.toString()).ok();
        RenderCli.run("lineage", "--render", "svg", "--out", b.toString()).ok();

        assertThat(RenderCli.read(b)).isEqualTo(RenderCli.read(a));
    }

    @Test
    void rendersTheMatrixAsPng(@TempDir Path tmp) throws IOException {
        assumeGraphviz();
        Path png = tmp.resolve("matrix.png");

        RenderCli.run("matrix", "--render", "png", "--out", png.toString()).ok();

        byte[] bytes = Files.readAllBytes(png);
        assertThat(Arrays.copyOf(bytes, 8)).containsExactly(0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n');
    }

    @Test
    void anyFormatCanGoToAFile(@TempDir Path tmp) {
        Path out = tmp.resolve("lineage.mmd");

        RenderCli.Result r = RenderCli.run("lineage", "--format", "mermaid", "--out", out.toString()).ok();

        assertThat(r.out()).startsWith("wrote ");
        assertThat(RenderCli.read(out)).startsWith("%% The evolution tree\nflowchart LR\n")
                .isEqualTo(RenderCli.run("lineage", "--format", "mermaid").ok().out());
    }

    // ---- bad input ------------------------------------------------------------------------------------------

    @Test
    void withoutGraphvizPngSaysHowToInstallItAndWritesNothing(@TempDir Path tmp) {
        System.setProperty("origins.dot", tmp.resolve("no-such-dot").toString());
        Path out = tmp.resolve("lineage.png");

        RenderCli.Result r = RenderCli.run("lineage", "--render", "png", "--out", out.toString()).badInput();

        assertThat(r.err()).contains("Graphviz").contains("apt-get install graphviz");
        assertThat(RenderCli.names(tmp)).isEmpty();
    }

    @Test
    void aFailedRenderLeavesTheOldFileAsItWas(@TempDir Path tmp) {
        System.setProperty("origins.dot", tmp.resolve("no-such-dot").toString());
        Path out = RenderCli.write(tmp.resolve("why.png"), "old");

        RenderCli.run("why", "chatgpt", "dialogue", "--render", "png", "--out", out.toString(), "--force").badInput();

        assertThat(RenderCli.read(out)).isEqualTo("old");
        assertThat(RenderCli.names(tmp)).containsExactly("why.png");
    }

    @Test
    void aGraphvizThatFailsLeavesNoFile(@TempDir Path tmp) throws IOException {
        Path fake = tmp.resolve("fake-dot");
        Files.writeString(fake, "#!/bin/sh\necho 'Error: syntax error in line 1' >&2\nexit 1\n", StandardCharsets.UTF_8);
        Assumptions.assumeTrue(fake.toFile().setExecutable(true));
        System.setProperty("origins.dot", fake.toString());
        Path dir = Files.createDirectory(tmp.resolve("out"));

        RenderCli.Result r = RenderCli.run("lineage", "--render", "png", "--out", dir.resolve("l.png").toString()).badInput();

        assertThat(r.err()).contains("Graphviz failed to draw the png (exit 1): Error: syntax error in line 1; nothing was written");
        assertThat(RenderCli.names(dir)).isEmpty();
    }

    @Test
    void anUnknownFormatIsRejected(@TempDir Path tmp) {
        Path out = tmp.resolve("x.out");

        RenderCli.Result r = RenderCli.run("lineage", "--format", "svg", "--out", out.toString()).badInput();
        assertThat(r.err()).contains("--format svg: expected one of text, json, mermaid, dot, markdown")
                .doesNotContain("Usage:");
        RenderCli.run("lineage", "--render", "gif", "--out", out.toString()).badInput();

        assertThat(RenderCli.names(tmp)).isEmpty();
    }

    @Test
    void anExistingOutNeedsForce(@TempDir Path tmp) {
        Path out = RenderCli.write(tmp.resolve("lineage.dot"), "keep me");

        RenderCli.Result r = RenderCli.run("lineage", "--format", "dot", "--out", out.toString()).badInput();

        assertThat(r.err()).contains("lineage.dot already exists; use --force to replace it");
        assertThat(RenderCli.read(out)).isEqualTo("keep me");
        assertThat(RenderCli.names(tmp)).containsExactly("lineage.dot");

        RenderCli.run("lineage", "--format", "dot", "--out", out.toString(), "--force").ok();
        assertThat(RenderCli.read(out)).startsWith("digraph");
        assertThat(RenderCli.names(tmp)).containsExactly("lineage.dot");
    }

    @Test
    void anOutInsideAFileIsRejected(@TempDir Path tmp) {
        Path file = RenderCli.write(tmp.resolve("not-a-folder"), "x");

        RenderCli.Result r = RenderCli.run("lineage", "--format", "dot", "--out", file.resolve("lineage.dot").toString()).badInput();

        assertThat(r.err()).contains("cannot write there").contains("not-a-folder is a file, not a folder");
        assertThat(RenderCli.names(tmp)).containsExactly("not-a-folder");
    }

    @Test
    void anUnwritableFolderIsRejected(@TempDir Path tmp) throws IOException {
        Path dir = Files.createDirectory(tmp.resolve("locked"));
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("r-xr-xr-x"));
        try {
            Assumptions.assumeFalse(Files.isWritable(dir), "running as root: every folder is writable");
            RenderCli.Result r = RenderCli.run("lineage", "--format", "dot", "--out", dir.resolve("lineage.dot").toString()).badInput();

            assertThat(r.err()).contains("not writable");
            assertThat(RenderCli.names(dir)).isEmpty();
        } finally {
            Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
    }

    @Test
    void aFolderThatCannotBeCreatedIsRejected() {
        Path proc = Path.of("/proc/self");
        Assumptions.assumeTrue(Files.isDirectory(proc), "needs Linux's /proc, where no one can create folders");
        Path out = Path.of("/proc/origins-render-test/lineage.dot");

        RenderCli.Result r = RenderCli.run("lineage", "--format", "dot", "--out", out.toString()).badInput();

        assertThat(r.err()).contains("lineage.dot").contains("cannot write");
        assertThat(Files.exists(out.getParent())).isFalse();
    }

    @Test
    void renderNeedsOutAndTheDotForm(@TempDir Path tmp) {
        assertThat(RenderCli.run("lineage", "--render", "svg").badInput().err()).contains("--render svg needs --out FILE");
        assertThat(RenderCli.run("why", "chatgpt", "dialogue", "--render", "svg", "--format", "json", "--out",
                tmp.resolve("x.svg").toString()).badInput().err()).contains("cannot be combined with --format json");
        assertThat(RenderCli.names(tmp)).isEmpty();
    }
}
