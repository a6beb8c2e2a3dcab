package org.origins.web;

import io.javalin.http.Context;

import java.net.URI;
import java.util.Locale;
import java.util.Set;

/**
 * The explorer's defences. Every answer carries headers that keep it from being framed, sniffed or made to
 * load anything from elsewhere. While it listens on the loopback address, a request must be addressed to
 * a loopback name (another Host header is a page of another site reaching it through DNS rebinding). A
 * request that saves must come from the explorer's own pages (its Origin header, and Sec-Fetch-Site where
 * the browser sends it), and is refused outright unless the server was started with {@code --allow-edit}.
 */
final class Guard {
    /** A request refused, with its status (403) and why. */
    static final class Refused extends RuntimeException {
        private final int status;

        Refused(int status, String message) {
            super(message);
            this.status = status;
        }

        int status() {
            return status;
        }
    }

    static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; "
            + "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";
    private static final Set<String> LOOPBACK = Set.of("127.0.0.1", "localhost", "[::1]", "::1");

    private final WebServer.Settings settings;

    Guard(WebServer.Settings settings) {
        this.settings = settings;
    }

    static boolean loopback(String host) {
        String h = host.toLowerCase(Locale.ROOT);
        return LOOPBACK.contains(h) || h.startsWith("127.");
    }

    /** Before every request: the headers, and the Host check. */
    void check(Context ctx) {
        ctx.header("Content-Security-Policy", CSP);
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.header("X-Frame-Options", "DENY");
        ctx.header("Referrer-Policy", "no-referrer");
        ctx.header("Cache-Control", "no-store");
        if (loopback(settings.host())) {
            String host = hostName(ctx.header("Host"));
            if (host == null || !(loopback(host) || host.equalsIgnoreCase(settings.host()))) {
                throw new Refused(403, "this server answers requests for localhost only (Host: " + ctx.header("Host") + ")");
            }
        }
    }

    /** Before a request that writes: allowed at all, and from the explorer's own pages. */
    void checkWrite(Context ctx) {
        if (!settings.allowEdit()) {
            throw new Refused(403, "read-only: this explorer saves nothing; start it with `origins serve --allow-edit` to save models");
        }
        String origin = ctx.header("Origin");
        String site = ctx.header("Sec-Fetch-Site");
        String own = "http://" + ctx.header("Host");
        if (origin == null || !origin.equalsIgnoreCase(own) || site != null && !site.equals("same-origin")) {
            throw new Refused(403, "cross-site request refused: a save must come from the explorer's own pages (Origin: "
                    + origin + ", expected " + own + ")");
        }
    }

    /** The name of a Host header (without its port), or null when there is none. */
    private static String hostName(String header) {
        if (header == null || header.isBlank()) {
            return null;
        }
        try {
            String h = URI.create("http://" + header.strip() + "/").getHost();
            return h == null ? null : h;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
