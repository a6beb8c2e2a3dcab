package org.origins.web;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.origins.Cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;
import java.util.Optional;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

/**
 * The explorer's promises of safety (docs/web.md): loopback only by default and only for loopback
 * names, saving only with --allow-edit and only from its own pages, bodies capped, no request value
 * reaching the file system but a validated model id, errors as messages (400, 403, 404, 413), never a
 * stack trace.
 */
class WebSafetyTest {
    @TempDir
    static Path readOnlyDir;
    @TempDir
    static Path editDir;
    static Served readOnly;
    static Served editable;

    @BeforeAll
    static void serve() {
        readOnly = Served.on(readOnlyDir, false);
        editable = Served.on(editDir, true);
    }

    @AfterAll
    static void stop() {
        readOnly.close();
        editable.close();
    }

    @Test
    void itListensOnTheLoopbackAddressOnly() throws IOException {
        assertThat(readOnly.server.address().getHost()).isEqualTo("127.0.0.1");
        Optional<InetAddress> other = Collections.list(NetworkInterface.getNetworkInterfaces()).stream()
                .flatMap(i -> Collections.list(i.getInetAddresses()).stream())
                .filter(a -> a instanceof Inet4Address && !a.isLoopbackAddress()).findFirst();
        assumeThat(other).as("an address of this machine besides the loopback one").isPresent();
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress(other.get(), readOnly.server.address().getPort()), 2000);
            throw new AssertionError("the server answered on " + other.get());
        } catch (IOException expected) {
            assertThat(expected).isInstanceOf(java.net.ConnectException.class);
        }
    }

    @Test
    void anAddressTakenOrNotOfThisMachineIsBadInput() {
        String port = String.valueOf(readOnly.server.address().getPort());
        java.util.List<String> folders = readOnly.folders();
        Cli.Result taken = Cli.run(Stream.concat(Stream.of("serve", "--port", port), folders.stream()).toArray(String[]::new)).badInput();
        assertThat(taken.err()).contains("cannot listen on 127.0.0.1:" + port, "Address already in use", "--port 0")
                .doesNotContain("\tat ", "Exception");
        Cli.Result elsewhere = Cli.run(Stream.concat(Stream.of("serve", "--port", "0", "--host", "nowhere.invalid"), folders.stream())
                .toArray(String[]::new)).badInput();
        assertThat(elsewhere.err()).contains("cannot listen on nowhere.invalid:0", "--host takes").doesNotContain("\tat ", "Exception");
    }

    @Test
    void aRequestForAnotherHostNameIsRefused() throws IOException {
        // a page of another site reaching the server through DNS rebinding names its own host
        assertThat(raw(readOnly, "GET /api/models HTTP/1.1\r\nHost: attacker.example:" + readOnly.server.address().getPort()
                + "\r\nConnection: close\r\n\r\n")).startsWith("HTTP/1.1 403").contains("localhost only").doesNotContain("\tat ");
        assertThat(raw(readOnly, "GET /api/status HTTP/1.1\r\nHost: localhost:" + readOnly.server.address().getPort()
                + "\r\nConnection: close\r\n\r\n")).startsWith("HTTP/1.1 200");
    }

    @Test
    void everyAnswerForbidsFramingSniffingAndForeignContent() {
        Served.Reply r = readOnly.get("/matrix");
        assertThat(r.header("Content-Security-Policy")).contains("default-src 'self'", "frame-ancestors 'none'");
        assertThat(r.header("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(r.header("X-Frame-Options")).isEqualTo("DENY");
        assertThat(r.body()).doesNotContain("http://", "https://");   // nothing loaded from elsewhere
    }

    @Test
    void aReadOnlyServerSavesNothing() {
        Served.Reply r = readOnly.post("/api/add", "name=opt-code&parent=opt-175b&stage=code-training", "Origin", readOnly.origin());
        assertThat(r.status()).isEqualTo(403);
        assertThat(r.body()).contains("read-only", "--allow-edit");
        assertThat(readOnly.facts.resolve("hypothetical")).doesNotExist();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "http://attacker.example", "null", "http://127.0.0.1:1"})
    void aSaveFromAnotherSiteIsRefused(String origin) {
        Served.Reply r = origin.isEmpty() ? editable.post("/api/add", "name=opt-code&parent=opt-175b&stage=code-training")
                : editable.post("/api/add", "name=opt-code&parent=opt-175b&stage=code-training", "Origin", origin);
        assertThat(r.status()).isEqualTo(403);
        assertThat(r.body()).contains("cross-site request refused");
        assertThat(saved(editable)).isSubsetOf(SAVED_BY_THE_SAVE_TEST);
    }

    @Test
    void aSaveTheBrowserMarksCrossSiteIsRefusedEvenWithTheRightOrigin() {
        Served.Reply r = editable.post("/api/add", "name=opt-code&parent=opt-175b", "Origin", editable.origin(),
                "Sec-Fetch-Site", "cross-site");
        assertThat(r.status()).isEqualTo(403);
    }

    @Test
    void aRequestBodyIsCapped() {
        Served.Reply r = editable.post("/api/add", "name=x&parent=opt-175b&note=" + "a".repeat(WebServer.MAX_BODY + 10),
                "Origin", editable.origin());
        assertThat(r.status()).isEqualTo(413);
        assertThat(r.body()).contains("larger than").doesNotContain("\tat ", "Exception");
        assertThat(saved(editable)).isSubsetOf(SAVED_BY_THE_SAVE_TEST);
    }

    @ParameterizedTest
    @ValueSource(strings = {"../../../tmp/evil", "..", "../rules/lineage", "/etc/passwd", "a/b", "..%2F..%2Fx", "x\u0000y", "UPPER"})
    void aModelIdThatIsAPathIsRejectedAsAddRejectsIt(String id) throws IOException {
        String form = "name=" + java.net.URLEncoder.encode(id, StandardCharsets.UTF_8) + "&parent=opt-175b&stage=code-training";
        Served.Reply r = editable.post("/api/add", form, "Origin", editable.origin());
        assertThat(r.status()).isEqualTo(400);
        JsonNode body = Cli.JSON.readTree(r.body());
        assertThat(body.get("errors").get(0).asText()).contains("id");
        assertThat(saved(editable)).isSubsetOf(SAVED_BY_THE_SAVE_TEST);
        try (var files = Files.walk(editDir)) {
            assertThat(files.map(p -> p.getFileName().toString())).doesNotContain("evil", "passwd", "y");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"/static/../pom.xml", "/static/..%2F..%2Fpom.xml", "/model/../../etc/passwd", "/api/model?model=..%2F..%2Fpom",
            "/api/why?model=..%2Ffacts%2Fmodels%2Fdavinci.json&ability=dialogue"})
    void aPathInARequestReadsNoFile(String path) {
        Served.Reply r = readOnly.get(path);
        assertThat(r.status()).isIn(400, 404);
        assertThat(r.body()).doesNotContain("<project", "root:", "\"id\": \"davinci\"", "\tat ");
    }

    @Test
    void anUnknownPageIsA404PageAndAnUnknownApiA404Answer() throws IOException {
        Served.Reply page = readOnly.get("/no-such-page");
        assertThat(page.status()).isEqualTo(404);
        assertThat(page.header("Content-Type")).startsWith("text/html");
        assertThat(page.body()).contains("No such page", "/no-such-page", "href=\"/matrix\"");
        Served.Reply api = readOnly.get("/api/no-such-thing");
        assertThat(api.status()).isEqualTo(404);
        assertThat(Cli.JSON.readTree(api.body()).get("schema").asText()).isEqualTo("origins.error/1");
    }

    @Test
    void aBadQueryOnAPageIsA400PageWithTheCommandLinesMessage() {
        Served.Reply r = readOnly.get("/why?model=davinchi&ability=dialogue");
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.body()).contains("unknown model &quot;davinchi&quot;", "did you mean").doesNotContain("\tat ");
    }

    @Test
    void aSameOriginSaveWritesTheModelAsAddDoesAndThePagesSeeIt() throws Exception {
        Served.Reply r = editable.post("/api/add", "name=opt-code-web&parent=opt-175b&parameters=175B&stage=code-training:tokens%3D100B",
                "Origin", editable.origin(), "Sec-Fetch-Site", "same-origin");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(Cli.JSON.readTree(r.body()).get("saved").get(0).asText()).endsWith("hypothetical/opt-code-web.json");
        assertThat(editable.facts.resolve("hypothetical/opt-code-web.json")).exists();
        // the folder watch reloads; the model is then answered about
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        Served.Reply model;
        do {
            Thread.sleep(200);
            model = editable.get("/api/model?model=opt-code-web");
        } while (model.status() != 200 && System.nanoTime() < deadline);
        assertThat(model.status()).isEqualTo(200);
        assertThat(Cli.JSON.readTree(model.body()).get("hypothetical").asBoolean()).isTrue();
        // a second save of the same id is refused as add refuses it
        Served.Reply again = editable.post("/api/add", "name=opt-code-web&parent=opt-175b", "Origin", editable.origin());
        assertThat(again.status()).isEqualTo(400);
        assertThat(again.body()).contains("opt-code-web");
    }

    /** The one model a test of this class saves (the tests may run in any order). */
    private static final java.util.List<String> SAVED_BY_THE_SAVE_TEST = java.util.List.of("opt-code-web.json");

    /** The files saved under facts/hypothetical/ so far. */
    private static java.util.List<String> saved(Served s) {
        return Cli.names(s.facts.resolve("hypothetical"));
    }

    /** A request written by hand (the HTTP client will not forge a Host header); the response as text. */
    private static String raw(Served s, String request) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", s.server.address().getPort())) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = socket.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
