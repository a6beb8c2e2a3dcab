package org.origins.web;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.origins.TestKit;
import org.origins.browser.Browser;
import org.origins.kb.HypotheticalStore;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code origins serve} in a real browser (headless Chromium through Selenium), on a copy of rules/ and
 * facts/: every interaction the issue lists — open the matrix and a cell's proof, expand a step, why-not
 * for a missing ability, compose a recipe and see its prediction, toggle a stage in what-if and see what
 * changes; the lineage, a model, a comparison and the rules. No page logs an error (a refused script or
 * style would). Takes the screenshots of docs/web.md (docs/web-*.png).
 */
class ExplorerBrowserTest {
    /**
     * The copy of rules/ and facts/ served: a folder under target/, so that the pages (and the screenshots)
     * show files as a user sees them, relative to the working folder.
     */
    static final Path DIR = Path.of("target", "explorer");
    /** A hypothetical model of the copy's facts/hypothetical/, in the GPT-3.5 series. */
    static final String HYPOTHETICAL = """
            id: chatgpt-more-code
            hypothetical: true
            series: GPT-3.5
            parent: chatgpt
            stages:
              - kind: code-training
                tokens: 50B
                codeShare: 80%
            """;
    static Served served;
    static Browser browser;

    @BeforeAll
    static void serveAndOpen() throws IOException {
        String missing = Browser.unavailable();
        org.junit.jupiter.api.Assumptions.assumeTrue(missing == null, missing);
        Served.copy(DIR);
        Path recipe = Files.writeString(DIR.resolve("recipe.yaml"), HYPOTHETICAL, StandardCharsets.UTF_8);
        HypotheticalStore.add(DIR.resolve("facts"), List.of(recipe), false);
        served = Served.start(DIR, true);
        browser = Browser.open(1400, 900);
    }

    @AfterAll
    static void close() {
        if (browser != null) {
            browser.close();
        }
        if (served != null) {
            served.close();
        }
    }

    private void open(String path) {
        browser.load(served.uri(path));
    }

    private <T> T waitFor(Function<org.openqa.selenium.WebDriver, T> condition) {
        return new WebDriverWait(browser.driver(), Duration.ofSeconds(30)).until(condition);
    }

    private static void shot(String name) {
        browser.screenshot(Path.of("target", "web-" + name + ".png"), Path.of("docs", "web-" + name + ".png"));
    }

    @Test
    void theMatrixOpensACellsProofWhoseStepsUnfold() {
        open("/matrix");
        List<WebElement> rows = browser.all("table#matrix tr[id^=model-]");
        assertThat(rows).hasSize(TestKit.realModelCount() + 1);
        // readable without colour: a sign in every cell, the grade as small print, the observations marked
        assertThat(browser.one("tr#model-code-davinci-002").getText()).contains("++", "✓");
        shot("matrix");

        // a grade filter fades the cells of weaker grades
        new Select(browser.one("#f-grade")).selectByValue("C");
        assertThat(browser.all("table#matrix td.faded")).isNotEmpty();
        assertThat(browser.one("tr#model-davinci td.c:not(.faded)").getText()).contains("C");
        new Select(browser.one("#f-grade")).selectByValue("");
        assertThat(browser.all("table#matrix td.faded")).isEmpty();

        // the hypothetical models only, then the real ones only
        new Select(browser.one("#f-hypothetical")).selectByValue("yes");
        browser.one("form.filters button").click();
        waitFor(d -> d.getCurrentUrl().contains("hypothetical=yes"));
        assertThat(browser.all("table#matrix tr[id^=model-]")).extracting(r -> r.getAttribute("id")).containsExactly("model-chatgpt-more-code");
        new Select(browser.one("#f-hypothetical")).selectByValue("no");
        new Select(browser.one("#f-organisation")).selectByValue("OpenAI");
        browser.one("form.filters button").click();
        waitFor(d -> d.getCurrentUrl().contains("hypothetical=no"));
        assertThat(browser.all("table#matrix tr[id^=model-]")).hasSizeBetween(5, TestKit.realModelCount() / 2)
                .extracting(r -> r.getAttribute("id")).contains("model-code-davinci-002").doesNotContain("model-chatgpt-more-code", "model-opt-175b");

        browser.one("tr#model-code-davinci-002 a[href='/why?model=code-davinci-002&ability=chain-of-thought']").click();
        waitFor(d -> d.getCurrentUrl().contains("/why?"));
        assertThat(browser.one("main h2").getText()).contains("code-davinci-002 · chain-of-thought", "strong");
        assertThat(browser.one(".proof svg")).isNotNull();

        // the steps start folded: the rule shows once its step is expanded
        WebElement step = browser.one(".proof ul.tree > li");
        WebElement rule = step.findElement(By.xpath(".//li[contains(., 'code.training-at-scale-gives-strong-chain-of-thought')]"));
        assertThat(rule.isDisplayed()).isFalse();
        step.findElement(By.cssSelector(":scope > button.tog")).click();
        assertThat(rule.isDisplayed()).isTrue();
        assertThat(step.getText()).contains("Code training of a model with a hundred billion parameters", "rules/code.drl:73",
                "facts/models/code-davinci-002.json");
        // the rule links to its entry on the rules page
        assertThat(rule.findElement(By.cssSelector("a")).getAttribute("href")).endsWith("/rules#rule-code-training-at-scale-gives-strong-chain-of-thought");
        shot("proof");
        assertThat(browser.consoleErrors()).isEmpty();
    }

    @Test
    void aFactShownAboveLinksToWhereItWasShown() {
        open("/why?model=chatgpt&ability=chain-of-thought");
        WebElement again = browser.one(".proof ul.tree a.see-above");
        WebElement first = browser.one(".proof ul.tree li#" + again.getAttribute("href").replaceAll(".*#", ""));
        assertThat(first.getText()).startsWith(again.getText());   // "[3] stage text-davinci-002#1 feedme"
        assertThat(again.isDisplayed()).isFalse();   // in a folded step
        browser.one("button[data-tree=open]").click();
        again.click();
        assertThat(first.isDisplayed()).isTrue();
        assertThat(first.getAttribute("class")).contains("flash");
        assertThat(browser.consoleErrors()).isEmpty();
    }

    @Test
    void whyNotOpensOnTheProofPageOfAMissingOrLowerLevel() {
        open("/why?model=davinci&ability=dialogue");
        WebElement whyNot = browser.one("details#why-not");
        assertThat(whyNot.getAttribute("open")).isNotNull();   // lacking: open at once
        waitFor(d -> whyNot.getText().contains("rule(s) could conclude it"));
        assertThat(whyNot.getText()).contains("✗", "no match", "needs:");
        shot("why-not");

        open("/why?model=text-davinci-002&ability=chain-of-thought");   // present, not strong: on request
        WebElement higher = browser.one("details#why-not");
        assertThat(higher.getAttribute("open")).isNull();
        higher.findElement(By.tagName("summary")).click();
        waitFor(d -> higher.getText().contains("rule(s) could raise it"));
        assertThat(browser.consoleErrors()).isEmpty();
    }

    @Test
    void aRecipePredictsAsOneTypesAndIsSaved() throws IOException {
        open("/recipe");
        WebElement result = browser.one("#result");
        waitFor(d -> result.getText().contains("my-model"));
        WebElement name = browser.one("#f-name");
        name.clear();
        name.sendKeys("opt-code-web");
        WebElement tokens = browser.one(".stage-row input[data-attr=tokens]");
        tokens.clear();
        tokens.sendKeys("2T");
        new Select(browser.one("#f-explain")).selectByValue("chain-of-thought");
        waitFor(d -> result.getText().contains("opt-code-web") && result.getText().contains("code-davinci") == false
                && result.getText().contains("chain-of-thought ("));
        assertThat(result.getText()).contains("parent: opt-175b", "code-understanding", "--stage code-training:tokens=2T,codeShare=30%");
        shot("recipe");

        // a size in a unit it does not know: the command line's message, in place of the prediction
        WebElement size = browser.one("#f-parameters");
        size.sendKeys("70 gigaparams");
        waitFor(d -> result.getText().contains("expected a size"));
        size.clear();
        size.sendKeys("70B");
        waitFor(d -> result.getText().contains("--parameters 70B"));
        // the one error logged is the refused size's 400
        assertThat(browser.consoleErrors()).allMatch(e -> e.contains("parameters=70+gigaparams") && e.contains("400"));

        // saved as `origins add` saves it (this server was started with --allow-edit): the matrix then has it
        browser.one("#save").click();
        waitFor(d -> browser.one("#saved").getText().contains("saved"));
        assertThat(browser.one("#saved").getText()).contains("opt-code-web");
        Path saved = served.facts.resolve("hypothetical").resolve("opt-code-web.json");
        assertThat(saved).exists();
        waitFor(d -> served.get("/api/models").body().contains("\"opt-code-web\""));
        browser.one("#save").click();   // again: its id is taken now, as `origins add` says
        waitFor(d -> browser.one("#saved").getText().contains("already"));
        assertThat(browser.consoleErrors()).singleElement().asString().contains("/api/add", "400");

        // the other tests see the knowledge base as it was
        Files.delete(saved);
        waitFor(d -> !served.get("/api/models").body().contains("\"opt-code-web\""));
    }

    @Test
    void whatIfShowsOnlyWhatAStageChanges() {
        open("/what-if?model=text-davinci-003");
        WebElement result = browser.one("#result");
        assertThat(result.getText()).contains("Untick a stage");
        WebElement rlhf = browser.driver().findElement(By.xpath("//label[contains(., 'rlhf-ppo-with-lm-mix')]/input"));
        rlhf.click();
        waitFor(d -> result.getText().contains("what if text-davinci-003"));
        assertThat(result.getText()).contains("without text-davinci-003#2 rlhf-ppo-with-lm-mix", "→",
                "./origins what-if text-davinci-003 --without-stage 2");
        shot("what-if");
        rlhf.click();
        waitFor(d -> result.getText().contains("Untick a stage"));

        // the other side of a dispute: text-davinci-003 trained from code-davinci-002, as ESSAY §2 states
        WebElement otherParent = browser.driver().findElement(By.xpath("//div[@class='dispute']//input[@data-set='parent=code-davinci-002']"));
        otherParent.click();
        waitFor(d -> result.getText().contains("parent=code-davinci-002"));
        assertThat(result.getText()).contains("./origins what-if text-davinci-003 --set parent=code-davinci-002");
        assertThat(browser.consoleErrors()).isEmpty();
    }

    @Test
    void whatIfShowsTheChangesOfTheModelsTrainedFromIt() {
        open("/what-if?model=code-davinci-002");
        WebElement codeTraining = browser.driver().findElement(By.xpath("//label[contains(., 'code-davinci-002#1 code-training')]/input"));
        codeTraining.click();
        waitFor(d -> result().getText().contains("what if code-davinci-002"));
        assertThat(result().getText()).contains("code-davinci-002", "text-davinci-002", "chatgpt", "chain-of-thought");
        assertThat(browser.consoleErrors()).isEmpty();
    }

    private static WebElement result() {
        return browser.one("#result");
    }

    @Test
    void theLineageFiltersAndLeadsToAModel() {
        open("/lineage");
        assertThat(browser.all(".lineage svg g.og-node.og-k-model")).hasSize(TestKit.realModelCount() + 1);
        new Select(browser.one("#f-series")).selectByValue("GPT-3.5");
        browser.one("form.filters button").click();
        waitFor(d -> d.getCurrentUrl().contains("series=GPT-3.5"));
        List<WebElement> nodes = browser.all(".lineage svg g.og-node.og-k-model");
        assertThat(nodes.size()).isBetween(4, TestKit.realModelCount() / 2);
        assertThat(browser.all(".lineage svg g.og-edge.og-disputed")).isNotEmpty();   // text-davinci-003's disputed parent
        // the hypothetical model drawn apart, in a box of its own
        assertThat(browser.all(".lineage svg g.og-cluster[id$='-cluster-hypothetical']")).hasSize(1);
        assertThat(browser.one(".lineage svg g.og-node[data-label='chatgpt-more-code']").getAttribute("class")).contains("og-hyp");
        shot("lineage");
        browser.one(".lineage svg g.og-node[data-label='code-davinci-002'] a").click();
        waitFor(d -> d.getCurrentUrl().contains("/model?model=code-davinci-002"));
        assertThat(browser.one("main").getText()).contains("lineage: code-davinci-002 ← davinci", "Its own training stages",
                "code-davinci-002#1 code-training", "MODEL_INDEX", "trained from it:");
        shot("model");
        assertThat(browser.consoleErrors()).isEmpty();
    }

    @Test
    void comparePicksTwoModels() {
        open("/compare");
        new Select(browser.one("#f-a")).selectByValue("davinci");
        new Select(browser.one("#f-b")).selectByValue("text-davinci-002");
        browser.one("form.filters button").click();
        waitFor(d -> d.getCurrentUrl().contains("b=text-davinci-002"));
        assertThat(browser.one("main").getText()).contains("davinci", "text-davinci-002", "instruction-following");
        shot("compare");
        assertThat(browser.consoleErrors()).isEmpty();
    }

    @Test
    void theRulesPageListsEveryRuleAndTheScenarios() {
        open("/rules");
        assertThat(browser.one("main").getText()).contains("code.training-at-scale-gives-strong-chain-of-thought",
                "rules/code.drl:73", "fired on", "passed", "Scenarios");
        assertThat(browser.one("h3#rule-code-training-at-scale-gives-strong-chain-of-thought").getText()).contains("[hypothesis]");
        shot("rules");
        assertThat(browser.consoleErrors()).isEmpty();
    }
}
