package org.origins.render;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
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
        RenderCli.Result r = RenderCli.run("report", "--out", html.toString()).ok();
        assertThat(r.out()).contains("wrote ").contains("report.html");
        RenderCli.run("report", "--out", markdown.toString()).ok();
        Path with = RenderCli.write(tmp.resolve("hyp.yaml"), RenderCli.HYPOTHETICAL);
        hypotheticalMd = tmp.resolve("hypothetical.md");
        RenderCli.run("report", "--with", with.toString(), "--out", hypotheticalMd.toString()).ok();
    }

    @AfterEach
    void restoreGraphviz() {
        System.clearProperty("origins.dot");
    }

    private static String section(String page, String id) {
        int i = page.indexOf("<section id=\"" + id + "\">");
        assertThat(i).as("no section %s", id).isNotNegative();
        return page.substring(i, page.indexOf("</section>", i));
    }

    // ---- the HTML page ---------------------------------------------------------------------------------------

    @Test
    void theHtmlPageIsSelfContained() {
        String page = RenderCli.read(html);

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
            assertThat(before).as("a URL outside a citation").startsWith("<span class=\"url\">");
        }
    }

    @Test
    void theHtmlPageHasTheTreeTheMatrixAndTheProofs() {
        String page = RenderCli.read(html);

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
        assertThat(anchors).allSatisfy(a -> assertThat(page).contains("<article class=\"proof\" id=\"" + a + "\">"));
        assertThat(page).contains("<td class=\"cell lvl-strong\" title=\"chatgpt · dialogue: strong (hypothesis); observed: agree\">"
                + "<a href=\"#proof-chatgpt--dialogue\">++<span class=\"grade\">H</span> ✓</a></td>");
        assertThat(section(page, "proofs")).contains("rule <a href=\"#rule-dialogue-rlhf-gives-strong-dialogue\"><code>"
                + "dialogue.rlhf-gives-strong-dialogue</code></a>");
    }

    @Test
    void theHtmlPageListsObservationsRulesAndDisputes() {
        String page = RenderCli.read(html);

        assertThat(section(page, "observations")).contains(" agree, ").contains("<th>verdict</th>");
        assertThat(section(page, "rules")).contains("<tr id=\"rule-dialogue-rlhf-gives-strong-dialogue\"><td><code>"
                + "dialogue.rlhf-gives-strong-dialogue</code>").contains("RLHF on top of dialogue tuning makes dialogue modelling strong.")
                .contains("<td>hypothesis</td>");
        assertThat(section(page, "disputes")).contains("palm-540b").contains("--assume ");
        assertThat(section(page, "lineage")).contains("<span class=\"disputed\">disputed</span>; also stated: code-davinci-002 (ESSAY §2, inferred)");
    }

    @Test
    void theReportNeedsNoGraphviz() {
        System.setProperty("origins.dot", tmp.resolve("no-such-dot").toString());
        Path out = tmp.resolve("no-graphviz.html");

        RenderCli.Result r = RenderCli.run("report", "--out", out.toString()).ok();

        assertThat(r.err()).isEmpty();
        assertThat(RenderCli.read(out)).isEqualTo(RenderCli.read(html));
    }

    @Test
    void everyProofHasItsGraph() {
        String proofs = section(RenderCli.read(html), "proofs");

        int articles = proofs.split("<article class=\"proof\"", -1).length - 1;
        assertThat(articles).isGreaterThan(100);
        assertThat(proofs.split("<details class=\"drawing\"><summary>the proof as a graph</summary>", -1).length - 1)
                .isEqualTo(articles);
        assertThat(proofs).contains("<svg class=\"og\" id=\"pg-proof-chatgpt--dialogue\"")
                .contains("id=\"pg-proof-chatgpt--dialogue-goal\"");
        // ids stay unique across the page's drawings
        Matcher ids = Pattern.compile(" id=\"([^\"]+)\"").matcher(RenderCli.read(html));
        java.util.Set<String> seen = new java.util.HashSet<>();
        while (ids.find()) {
            assertThat(seen.add(ids.group(1))).as("id %s twice", ids.group(1)).isTrue();
        }
    }

    @Test
    void theSameInputGivesTheSameReport() {
        Path again = tmp.resolve("again.html");
        Path againMd = tmp.resolve("again.md");

        RenderCli.run("report", "--out", again.toString()).ok();
        RenderCli.run("report", "--out", againMd.toString()).ok();

        assertThat(RenderCli.read(again)).isEqualTo(RenderCli.read(html));
        assertThat(RenderCli.read(againMd)).isEqualTo(RenderCli.read(markdown));
    }

    // ---- the Markdown report -----------------------------------------------------------------------------

    @Test
    void theMarkdownReportHasTheSameContentWithMermaid() {
        String md = RenderCli.read(markdown);

        assertThat(md).startsWith("# Where the abilities come from: an origins report\n");
        assertThat(md).contains("<a id=\"lineage\"></a>\n\n## The evolution tree").contains("```mermaid\n%% The evolution tree\nflowchart LR\n");
        assertThat(md).contains("| model | GEN | KNOW |").contains("[🟩🟩 ++ <sub>H</sub> ✓](#proof-chatgpt--dialogue)");
        assertThat(md).contains("<a id=\"proof-chatgpt--dialogue\"></a>\n\n### chatgpt · dialogue\n");
        assertThat(md).contains("## Observations").contains("## Disputed facts").contains("## Rules").contains("## Sources");
        assertThat(md).contains("<a id=\"rule-dialogue-rlhf-gives-strong-dialogue\"></a>`dialogue.rlhf-gives-strong-dialogue`");
        assertThat(md).doesNotContain("<script").doesNotContain("](http");
    }

    @Test
    void hypotheticalModelsAreMarked() {
        String md = RenderCli.read(hypotheticalMd);

        assertThat(md).contains("Hypothetical models (predicted by the rules, not observed): opt-code, opt-code-inst.");
        assertThat(md).contains("    subgraph hypothetical[\"hypothetical models (predicted, not observed)\"]");
        assertThat(md).contains("| *opt-code* (hypothetical) |");
        assertThat(md).contains("*hypothetical model: predicted by the rules, not observed*");
    }

    @Test
    void badOutFilesAreRejectedBeforeAnyWork(@TempDir Path dir) {
        Path existing = RenderCli.write(dir.resolve("report.html"), "keep");

        assertThat(RenderCli.run("report", "--out", existing.toString()).badInput().err()).contains("already exists; use --force");
        assertThat(RenderCli.run("report", "--out", dir.resolve("report.pdf").toString()).badInput().err())
                .contains("HTML (.html), Markdown (.md) or JSON (.json)");
        assertThat(RenderCli.run("report", "--out", existing.resolve("r.md").toString()).badInput().err())
                .contains("is a file, not a folder");
        assertThat(RenderCli.read(existing)).isEqualTo("keep");
        assertThat(RenderCli.names(dir)).containsExactly("report.html");
    }
}
