package org.origins.web;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.origins.browser.Browser;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An open page follows the files: a rule edited on disk refreshes it in place (server-sent events, no
 * reload of the page); a broken edit shows its errors in the page while the last good rule base keeps
 * answering; fixing it clears them.
 */
class LiveBrowserTest {
    @TempDir
    Path dir;

    @Test
    void anEditOnDiskRefreshesTheOpenPage() throws IOException {
        try (Browser b = Browser.open(1400, 900); Served served = Served.on(dir, false)) {
            b.load(served.uri("/why?model=code-davinci-002&ability=chain-of-thought"));
            b.script("window.sameDocument = true;");
            WebDriverWait wait = new WebDriverWait(b.driver(), Duration.ofSeconds(60));
            Path code = served.rules.resolve("code.drl");
            String before = Files.readString(code, StandardCharsets.UTF_8);

            // an analyst rewords a claim: the page shows the new one
            Files.writeString(code, before.replace("Code training of a model with a hundred billion parameters or more",
                    "Code training of a very large model"), StandardCharsets.UTF_8);
            wait.until(d -> text(b).contains("Code training of a very large model"));
            assertThat(b.script("return window.sameDocument === true")).isEqualTo(true);
            assertThat(b.one("#live").getText()).contains("reloaded");

            // a broken edit: its errors in the page, the last good rule base still answering
            Files.writeString(code, before + "\nrule \"broken\" when then nonsense(\n", StandardCharsets.UTF_8);
            WebElement problems = b.one("#problems");
            wait.until(d -> problems.isDisplayed());
            assertThat(problems.getText()).contains("code.drl", "do not load");
            assertThat(text(b)).contains("Code training of a very large model");
            assertThat(served.get("/api/why?model=code-davinci-002&ability=chain-of-thought").status()).isEqualTo(200);

            // fixed: the errors go
            Files.writeString(code, before, StandardCharsets.UTF_8);
            wait.until(d -> !problems.isDisplayed() && text(b).contains("Code training of a model with a hundred billion parameters"));
            assertThat(b.consoleErrors()).isEmpty();
        }
    }

    /** The main part's text, folded parts too. */
    private static String text(Browser b) {
        return (String) b.script("return document.getElementById('main').textContent");
    }
}
