package org.origins.render;

import org.origins.TestKit;
import org.origins.Cli;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code origins report}: one self-contained HTML page, its pictures drawn by origins itself (the
 * page in a real browser: {@link ReportBrowserTest}), and the same content as Markdown.
 */
class ReportTest {
    @TempDir
    static Path tmp;
    private static Path html;
    private static Path markdown;
    private static Path hypotheticalMd;

    @BeforeAll
    static void writeReports() {
        html = tmp.resolve("report.html");
        markdown = tmp.resolve("report.md");
        Cli.Result r = Cli.run("report", "--out", html.toString()).ok();
        assertThat(r.out()).contains("wrote ").contains("report.html");
        Cli.run("report", "--out", markdown.toString()).ok();
        Path with = Cli.write(tmp.resolve("hyp.yaml"), org.origins.TestKit.TWO_HYPOTHETICAL_MODELS);
        hypotheticalMd = tmp.resolve("hypothetical.md");
        Cli.run("report", "--with", with.toString(), "--out", hypotheticalMd.toString()).ok();
    }

    @AfterEach
    void restoreGraphviz() {
        System.clearProperty("origins.dot");
    }

    /** The part of the page from the heading with this id to the next heading of its level. */
    private static String section(String page, String id) {
        int i = page.indexOf("<h2 id=\"" + id + "\">");
        assertThat(i).as("no section %s", id).isNotNegative();
        int end = page.indexOf("<h2", i + 1);
        return page.substring(i, end < 0 ? page.length() : end);
    }

    // ---- the HTML page ---------------------------------------------------------------------------------------

    @Test
    void theHtmlPageIsSelfContained() {
        String page = Cli.read(html);

        assertThat(page).startsWith("<!DOCTYPE html>").contains("<style>").endsWith("</html>\n");
        assertThat(page).doesNotContainIgnoringCase("<script").doesNotContainIgnoringCase("<link")
                .doesNotContainIgnoringCase("<img").doesNotContainIgnoringCase("<iframe").doesNotContain("@import");
        assertThat(page).doesNotContainPattern("(?i)(src|href)\\s*=\\s*[\"']?\\s*(https?:)?//")
                .doesNotContainPattern("(?i)url\\(\\s*[\"']?(https?:)?//")
                .doesNotContainPattern("(?i)xlink:href\\s*=\\s*\"https?:");
        // the only http(s) text left is citations shown as text
        Matcher m = Pattern.compile("https?://").matcher(page);
        while (m.find()) {
            String before = page.substring(page.lastIndexOf('<', m.start()), m.start());
            assertThat(before).as("a URL outside a citation").startsWith("<code>");
        }
    }

    @Test
    void theHtmlPageHasTheTreeTheMatrixAndTheProofs() {
        String page = Cli.read(html);

        String lineage = section(page, "lineage");
        assertThat(lineage).contains("<svg class=\"og\" id=\"tree\"").contains("</svg>").contains("data-label=\"text-davinci-003\"")
                .contains("<g class=\"og-edge og-dashed og-disputed\"").contains("<a href=\"#model-davinci\"")
                .doesNotContain("<?xml").doesNotContain("<!DOCTYPE svg").doesNotContain("<style");
        assertThat(page).contains("svg.og .og-dashed path{stroke-dasharray:5,3}");
        assertThat(page).contains("<table id=\"matrix\">");
        // every linked cell has its proof in the page
        Matcher links = Pattern.compile("href=\"#(proof-[a-z0-9-]+)\"").matcher(section(page, "abilities"));
        List<String> anchors = new ArrayList<>();
        while (links.find()) {
            anchors.add(links.group(1));
        }
        assertThat(anchors).hasSizeGreaterThan(100).contains("proof-chatgpt--dialogue");
        assertThat(anchors).allSatisfy(a -> assertThat(page).contains("<h3 id=\"" + a + "\">"));
        assertThat(page).contains("<td class=\"c lvl-strong\" title=\"chatgpt · dialogue: strong (hypothesis); observed: agree\">"
                + "<a href=\"#proof-chatgpt--dialogue\">++<span class=\"detail\">H</span>✓</a></td>");
        assertThat(section(page, "proofs")).contains("rule <a href=\"#rule-dialogue-rlhf-gives-strong-dialogue\"><code>"
                + "dialogue.rlhf-gives-strong-dialogue</code></a>");
    }

    @Test
    void theHtmlPageListsObservationsRulesAndDisputes() {
        String page = Cli.read(html);

        assertThat(section(page, "observations")).contains(" agree, ").contains("<th>verdict</th>");
        assertThat(section(page, "rules")).contains("<tr id=\"rule-dialogue-rlhf-gives-strong-dialogue\"><td><code>"
                + "dialogue.rlhf-gives-strong-dialogue</code>").contains("RLHF on top of dialogue tuning makes dialogue modelling strong.")
                .contains("<td>hypothesis</td>");
        assertThat(section(page, "disputes")).contains("palm-540b").contains("--assume ");
        assertThat(section(page, "lineage")).contains("<span class=\"warn\">DISPUTED</span>; also stated: code-davinci-002 (ESSAY §2, inferred)");
    }

    @Test
    void theReportNeedsNoGraphviz() {
        System.setProperty("origins.dot", tmp.resolve("no-such-dot").toString());
        Path out = tmp.resolve("no-graphviz.html");

        Cli.Result r = Cli.run("report", "--out", out.toString()).ok();

        assertThat(r.err()).isEmpty();
        assertThat(Cli.read(out)).isEqualTo(Cli.read(html));
    }

    /** The one-line swap to Graphviz ({@code new HtmlWriter(SvgDrawer.graphviz())}): without it, a page says so and shows the DOT source. */
    @Test
    void theGraphvizDrawerWithoutGraphvizShowsTheDotSourceAndSaysHowToInstallIt() {
        System.setProperty("origins.dot", tmp.resolve("no-such-dot").toString());
        Graph g = new Graph("a graph", "LR");
        g.node("a", Graph.Kind.MODEL, List.of("davinci"));
        HtmlWriter writer = new HtmlWriter(SvgDrawer.graphviz());

        String page = writer.page("t", Document.builder().add(new Block.Diagram(g)).build());

        assertThat(writer.notes()).singleElement().asString().contains("Graphviz is not installed").contains("apt-get install graphviz");
        assertThat(page).doesNotContain("<svg").contains("<p class=\"note\">Graphviz is not installed")
                .contains("<pre>digraph &quot;origins&quot; {");
    }

    @Test
    void everyProofHasItsGraph() {
        String proofs = section(Cli.read(html), "proofs");

        int count = proofs.split("<h3 id=\"proof-", -1).length - 1;
        assertThat(count).isGreaterThan(100);
        assertThat(proofs.split("<details class=\"drawing\"><summary>the proof as a graph</summary>", -1).length - 1)
                .isEqualTo(count);
        assertThat(proofs).contains("<svg class=\"og\" id=\"pg-proof-chatgpt--dialogue\"")
                .contains("id=\"pg-proof-chatgpt--dialogue-goal\"");
        // ids stay unique across the page's drawings
        Matcher ids = Pattern.compile(" id=\"([^\"]+)\"").matcher(Cli.read(html));
        java.util.Set<String> seen = new java.util.HashSet<>();
        while (ids.find()) {
            assertThat(seen.add(ids.group(1))).as("id %s twice", ids.group(1)).isTrue();
        }
    }

    @Test
    void theSameInputGivesTheSameReport() {
        Path again = tmp.resolve("again.html");
        Path againMd = tmp.resolve("again.md");

        Cli.run("report", "--out", again.toString()).ok();
        Cli.run("report", "--out", againMd.toString()).ok();

        assertThat(Cli.read(again)).isEqualTo(Cli.read(html));
        assertThat(Cli.read(againMd)).isEqualTo(Cli.read(markdown));
    }

    // ---- the Markdown report -----------------------------------------------------------------------------

    @Test
    void theMarkdownReportHasTheSameContentWithMermaid() {
        String md = Cli.read(markdown);

        assertThat(md).startsWith("# Where the abilities come from: an origins report\n");
        assertThat(md).contains("<a id=\"lineage\"></a>\n\n## The evolution tree").contains("```mermaid\n%% The evolution tree\nflowchart LR\n");
        assertThat(md).contains("|  | GEN | KNOW |").contains("[🟩🟩 ++<sub>H</sub>✓](#proof-chatgpt--dialogue)");
        assertThat(md).contains("<a id=\"proof-chatgpt--dialogue\"></a>\n\n### chatgpt · dialogue (");
        assertThat(md).contains("## Observations").contains("## Disputed facts").contains("## Rules").contains("## Sources");
        assertThat(md).contains("<a id=\"rule-dialogue-rlhf-gives-strong-dialogue\"></a>`dialogue.rlhf-gives-strong-dialogue`");
        assertThat(md).doesNotContain("<script").doesNotContain("](http");
    }

    @Test
    void hypotheticalModelsAreMarked() {
        String md = Cli.read(hypotheticalMd);

        assertThat(md).contains("Hypothetical models (predicted by the rules, not observed): opt-code, opt-code-inst.");
        assertThat(md).contains("    subgraph hypothetical[\"hypothetical models (predicted, not observed)\"]");
        assertThat(md).contains("| [opt-code](#model-opt-code) **(hypothetical)** |");
        assertThat(md).contains("**hypothetical model: this is what the rules predict, not an observation**");
    }

    @Test
    void badOutFilesAreRejectedBeforeAnyWork(@TempDir Path dir) {
        Path existing = Cli.write(dir.resolve("report.html"), "keep");

        assertThat(Cli.run("report", "--out", existing.toString()).badInput().err()).contains("already exists; use --force");
        assertThat(Cli.run("report", "--out", dir.resolve("report.pdf").toString()).badInput().err())
                .contains("HTML (.html), Markdown (.md) or JSON (.json)");
        assertThat(Cli.run("report", "--out", existing.resolve("r.md").toString()).badInput().err())
                .contains("is a file, not a folder");
        assertThat(Cli.read(existing)).isEqualTo("keep");
        assertThat(Cli.names(dir)).containsExactly("report.html");
    }

    // ---- in a real browser ----------------------------------------------------------------------------------

    private static String chromium() {
        for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin").split(File.pathSeparator)) {
            for (String name : List.of("chromium", "chromium-browser")) {
                Path p = Path.of(dir, name);
                if (Files.isExecutable(p)) {
                    return p.toString();
                }
            }
        }
        return null;
    }

    private record Run(int code, String out, String err) {
    }

    private static Run chromium(String binary, Path profile, String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(binary, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
                "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--user-data-dir=" + profile, "--enable-logging=stderr", "--v=0"));
        cmd.addAll(List.of(args));
        Path out = Files.createTempFile(tmp, "chromium", ".out");
        Path err = Files.createTempFile(tmp, "chromium", ".err");
        Process p = new ProcessBuilder(cmd).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        if (!p.waitFor(180, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("chromium did not finish in 180 s: " + cmd);
        }
        return new Run(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
    }

    @Test
    void theReportLoadsInAHeadlessBrowserWithoutErrors() throws Exception {
        String chromium = chromium();
        Assumptions.assumeTrue(chromium != null, "Chromium is not installed (apt-get install chromium)");
        String url = html.toUri().toString();
        Path screenshot = Path.of("target", "report-screenshot.png").toAbsolutePath();
        Files.createDirectories(screenshot.getParent());
        Files.deleteIfExists(screenshot);

        Run shot = chromium(chromium, Files.createDirectories(tmp.resolve("profile-shot")),
                "--screenshot=" + screenshot, "--window-size=1400,2000", url);
        Run dom = chromium(chromium, Files.createDirectories(tmp.resolve("profile-dom")), "--dump-dom", url);

        assertThat(shot.code()).as(shot.err()).isZero();
        assertThat(Files.size(screenshot)).as("screenshot %s", screenshot).isGreaterThan(10_000);
        byte[] head = Files.readAllBytes(screenshot);
        assertThat(new String(head, 1, 3, StandardCharsets.US_ASCII)).isEqualTo("PNG");

        assertThat(dom.code()).as(dom.err()).isZero();
        String page = dom.out();
        assertThat(page).contains("<table id=\"matrix\">");
        int lineage = page.indexOf("id=\"lineage\"");
        assertThat(lineage).isNotNegative();
        String lineageSection = page.substring(lineage, page.indexOf("<h2", lineage));
        assertThat(lineageSection).contains("<svg").contains("text-davinci-003");

        for (Run r : List.of(shot, dom)) {
            assertThat(r.err()).doesNotContain("Uncaught").doesNotContain(":CONSOLE").doesNotContain("ERR_FILE_NOT_FOUND")
                    .doesNotContain("net::ERR");
        }
    }
}
