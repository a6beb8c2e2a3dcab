package org.origins.render;

import org.origins.TestKit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.WebElement;
import org.origins.browser.Browser;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code origins report --out report.html} in a real browser (headless Chromium through Selenium):
 * the tree and the proof graphs are drawn — made without Graphviz — their labels fit their shapes
 * in the browser's own font, a model links to its row, nothing goes wrong in the console. Takes the
 * screenshot shown in the docs (docs/report.png, and target/report-screenshot.png).
 */
class ReportBrowserTest {
    @TempDir
    static Path tmp;
    private static Path page;

    @BeforeAll
    static void writeTheReportWithoutGraphviz() {
        System.setProperty("origins.dot", tmp.resolve("no-such-dot").toString());
        page = tmp.resolve("report.html");
        RenderCli.run("report", "--out", page.toString()).ok();
    }

    @AfterAll
    static void restoreGraphviz() {
        System.clearProperty("origins.dot");
    }

    @Test
    void theReportDrawsItsPicturesInABrowser() {
        try (Browser b = Browser.open(1400, 1100)) {
            b.load(page.toUri());

            // the evolution tree: every model a node, shown; the disputed parents dashed and red
            List<WebElement> models = b.all("#tree g.og-node.og-k-model");
            assertThat(models).hasSize(TestKit.realModelCount()).allSatisfy(m -> assertThat(m.isDisplayed()).isTrue());
            assertThat(b.all("#tree g.og-node").stream().map(n -> n.getAttribute("data-label")))
                    .contains("davinci", "chatgpt", "text-davinci-003");
            List<WebElement> disputed = b.all("#tree g.og-edge.og-disputed path");
            assertThat(disputed).hasSizeGreaterThanOrEqualTo(2);
            for (WebElement path : disputed) {
                assertThat(path.getCssValue("stroke-dasharray")).isNotEqualTo("none");
                assertThat(path.getCssValue("stroke")).isEqualTo("rgb(198, 40, 40)");
            }
            assertThat(b.one("#tree g.og-edge:not(.og-disputed):not(.og-dashed) path").getCssValue("stroke-dasharray"))
                    .isEqualTo("none");
            assertThat(labelsThatOverflow(b, "#tree")).isEmpty();
            b.screenshot(Path.of("target", "report-screenshot.png"), Path.of("docs", "report.png"));

            // a proof's graph opens, drawn, its labels inside their shapes
            WebElement proof = b.one("#proof-chatgpt--dialogue");
            WebElement summary = proof.findElement(org.openqa.selenium.By.cssSelector("details.drawing summary"));
            b.script("arguments[0].scrollIntoView()", summary);
            summary.click();
            WebElement goal = b.one("#pg-proof-chatgpt--dialogue-goal");
            assertThat(goal.isDisplayed()).isTrue();
            assertThat(goal.getAttribute("data-level")).isEqualTo("strong");
            assertThat(b.all("#pg-proof-chatgpt--dialogue g.og-node.og-k-rule")).isNotEmpty();
            assertThat(labelsThatOverflow(b, "#pg-proof-chatgpt--dialogue")).isEmpty();

            // a model of the tree is a link to its row of abilities
            WebElement davinci = b.one("#tree-m_davinci a");
            b.script("arguments[0].scrollIntoView({block: 'center'})", davinci);
            davinci.click();
            assertThat(b.driver().getCurrentUrl()).endsWith("#model-davinci");

            assertThat(b.consoleErrors()).isEmpty();
        }
    }

    /** Nodes whose label the browser draws wider than their shape (measured with the font it really uses). */
    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> labelsThatOverflow(Browser b, String svg) {
        return (List<Map<String, Object>>) b.script("""
                const out = [];
                for (const g of document.querySelectorAll(arguments[0] + ' g.og-node')) {
                  const shape = g.querySelector('.og-shape').getBBox();
                  for (const t of g.querySelectorAll('text')) {
                    const box = t.getBBox();
                    if (box.x < shape.x - 0.5 || box.x + box.width > shape.x + shape.width + 0.5) {
                      out.push({node: g.id, text: t.textContent, width: box.width, room: shape.width});
                    }
                  }
                }
                return out;""", svg);
    }
}
