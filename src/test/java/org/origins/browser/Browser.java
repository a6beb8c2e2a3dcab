package org.origins.browser;

import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.logging.Level;
import java.util.stream.Stream;

/**
 * A real browser for tests: Debian's headless Chromium driven through its chromedriver by
 * Selenium, with a fresh profile each time and no network of its own (no sync, updates, QUIC or
 * background traffic). {@link #open(int, int)} skips the test, saying what to install, when Chromium or
 * chromedriver is missing. Selenium never downloads a driver here: both binaries are named.
 *
 * <pre>try (Browser b = Browser.open(1400, 1000)) {
 *     b.load(page.toUri());
 *     assertThat(b.consoleErrors()).isEmpty();
 * }</pre>
 */
public final class Browser implements AutoCloseable {
    /** The flags every session runs with (headless, sandbox off for root and containers, quiet). */
    public static final List<String> FLAGS = List.of("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
            "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync");
    private static final String INSTALL = "apt-get install chromium chromium-driver";
    /**
     * Selenium warns when it has no DevTools bindings for this Chromium's version; these tests use
     * WebDriver only (kept referenced: java.util.logging holds its loggers weakly).
     */
    private static final java.util.logging.Logger CDP_VERSION = quiet("org.openqa.selenium.devtools.CdpVersionFinder");

    private final ChromeDriver driver;
    private final ChromeDriverService service;
    private final Path profile;

    private Browser(ChromeDriver driver, ChromeDriverService service, Path profile) {
        this.driver = driver;
        this.service = service;
        this.profile = profile;
    }

    private static java.util.logging.Logger quiet(String name) {
        java.util.logging.Logger l = java.util.logging.Logger.getLogger(name);
        l.setLevel(Level.SEVERE);
        return l;
    }

    /** The Chromium binary: {@code ORIGINS_CHROMIUM}, else chromium (or chromium-browser) on the PATH or in /usr/bin. */
    static Path chromium() {
        return find("ORIGINS_CHROMIUM", "chromium", "chromium-browser");
    }

    /** The driver: {@code ORIGINS_CHROMEDRIVER}, else chromedriver on the PATH or in /usr/bin. */
    static Path chromedriver() {
        return find("ORIGINS_CHROMEDRIVER", "chromedriver");
    }

    private static Path find(String variable, String... names) {
        String set = System.getenv(variable);
        if (set != null && !set.isBlank()) {
            Path p = Path.of(set);
            return Files.isExecutable(p) ? p : null;
        }
        List<String> dirs = new ArrayList<>(List.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)));
        dirs.add("/usr/bin");
        for (String dir : dirs) {
            for (String name : names) {
                if (dir.isEmpty()) {
                    continue;
                }
                Path p = Path.of(dir, name);
                if (Files.isExecutable(p)) {
                    return p;
                }
            }
        }
        return null;
    }

    /** Why no browser can be started here, or null when one can. */
    public static String unavailable() {
        if (chromium() == null) {
            return "Chromium is not installed (" + INSTALL + ", or set ORIGINS_CHROMIUM)";
        }
        if (chromedriver() == null) {
            return "chromedriver is not installed (" + INSTALL + ", or set ORIGINS_CHROMEDRIVER)";
        }
        return null;
    }

    /** A new headless session of {@code width} × {@code height} pixels; the calling test is skipped when there is no browser. */
    public static Browser open(int width, int height) {
        String missing = unavailable();
        Assumptions.assumeTrue(missing == null, missing);
        Path profile;
        try {
            profile = Files.createTempDirectory("origins-chromium-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(chromium().toFile());
        options.addArguments(FLAGS);
        options.addArguments("--user-data-dir=" + profile, "--window-size=" + width + "," + height);
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        Path log = Path.of("target", "chromedriver.log").toAbsolutePath();
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(chromedriver().toFile())
                .usingAnyFreePort()
                .withLogFile(log.toFile())
                .build();
        try {
            ChromeDriver driver = new ChromeDriver(service, options);
            driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60)).scriptTimeout(Duration.ofSeconds(30));
            return new Browser(driver, service, profile);
        } catch (RuntimeException e) {
            service.stop();
            delete(profile);
            throw e;
        }
    }

    public ChromeDriver driver() {
        return driver;
    }

    /** Opens the page and waits until it has loaded. */
    public void load(java.net.URI page) {
        driver.get(page.toString());
        new WebDriverWait(driver, Duration.ofSeconds(30))
                .until(d -> "complete".equals(((JavascriptExecutor) d).executeScript("return document.readyState")));
    }

    public List<WebElement> all(String css) {
        return driver.findElements(By.cssSelector(css));
    }

    public WebElement one(String css) {
        return driver.findElement(By.cssSelector(css));
    }

    /** Runs JavaScript in the page. */
    public Object script(String js, Object... args) {
        return driver.executeScript(js, args);
    }

    /** The page's console messages at error level (uncaught exceptions, failed loads, CSP refusals) since the last call. */
    public List<String> consoleErrors() {
        List<String> errors = new ArrayList<>();
        for (LogEntry e : driver.manage().logs().get(LogType.BROWSER)) {
            if (e.getLevel().intValue() >= Level.SEVERE.intValue()) {
                errors.add(e.getMessage());
            }
        }
        return errors;
    }

    /** A PNG of the window, written to each of {@code files}; returns its bytes. */
    public byte[] screenshot(Path... files) {
        byte[] png = driver.getScreenshotAs(OutputType.BYTES);
        try {
            for (Path f : files) {
                Path dir = f.toAbsolutePath().getParent();
                if (dir != null) {
                    Files.createDirectories(dir);
                }
                Files.write(f, png);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return png;
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            service.stop();
            delete(profile);
        }
    }

    private static void delete(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException ignored) {
            // Chromium may still be writing into its profile as it quits; the temporary folder is cleaned later
        }
    }
}
