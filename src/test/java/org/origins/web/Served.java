package org.origins.web;

import org.origins.TestKit;
import org.origins.cli.LiveServer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * {@code origins serve} for a test: the real server (the serve command's {@link LiveServer}: reload
 * machinery, folder watch, web server) on a copy of the project's rules/ and facts/ in a folder of the
 * test's own, on a free port of the loopback address; and a small HTTP client.
 */
final class Served implements AutoCloseable {
    final Path facts;
    final Path rules;
    final LiveServer server;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    private Served(Path facts, Path rules, LiveServer server) {
        this.facts = facts;
        this.rules = rules;
        this.server = server;
    }

    /** A server on a fresh copy of rules/ and facts/ (without facts/hypothetical/) in {@code dir}. */
    static Served on(Path dir, boolean allowEdit) {
        copy(dir);
        return start(dir, allowEdit);
    }

    /**
     * A fresh copy of rules/ and facts/ in {@code dir} (any earlier one deleted first): without
     * facts/hypothetical/, which holds the user's own models.
     */
    static void copy(Path dir) {
        delete(dir.resolve("rules"));
        delete(dir.resolve("facts"));
        TestKit.copyDir(TestKit.RULES, dir.resolve("rules"));
        delete(TestKit.copyDir(TestKit.FACTS, dir.resolve("facts")).resolve("hypothetical"));
    }

    /** A server on the copy in {@code dir}. */
    static Served start(Path dir, boolean allowEdit) {
        Path facts = dir.resolve("facts");
        Path rules = dir.resolve("rules");
        return new Served(facts, rules, LiveServer.start(LiveServer.settings(facts, rules, allowEdit)));
    }

    private static void delete(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    URI uri(String pathAndQuery) {
        return server.address().resolve(pathAndQuery);
    }

    /** What a request got: status, body, headers. */
    record Reply(int status, String body, java.net.http.HttpHeaders headers) {
        String header(String name) {
            return headers.firstValue(name).orElse(null);
        }
    }

    Reply get(String pathAndQuery) {
        return send(HttpRequest.newBuilder(uri(pathAndQuery)).GET().build());
    }

    /** A POST of a form body, with the headers given (name, value, ...). */
    Reply post(String path, String form, String... headers) {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri(path)).POST(HttpRequest.BodyPublishers.ofString(form))
                .header("Content-Type", "application/x-www-form-urlencoded");
        for (int i = 0; i < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        return send(b.build());
    }

    /** The Origin header of the explorer's own pages. */
    String origin() {
        String a = server.address().toString();
        return a.substring(0, a.length() - 1);
    }

    Reply send(HttpRequest request) {
        try {
            HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString());
            return new Reply(r.statusCode(), r.body(), r.headers());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The command-line arguments that point a command at the same folders. */
    List<String> folders() {
        return List.of("--facts", facts.toString(), "--rules", rules.toString());
    }

    @Override
    public void close() {
        server.close();
    }
}
