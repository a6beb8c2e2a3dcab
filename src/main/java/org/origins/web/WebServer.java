package org.origins.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.javalin.http.HttpResponseException;
import io.javalin.http.sse.SseClient;
import io.javalin.util.JavalinBindException;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.origins.explain.Answer;
import org.origins.io.InputException;
import org.origins.io.Problem;
import org.origins.reasoning.Reasoning;
import org.origins.reasoning.ReasoningCrash;
import org.origins.render.HtmlWriter;
import org.origins.render.JsonWriter;
import org.origins.render.SvgDrawer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BiFunction;

/**
 * {@code origins serve}: the local web explorer, Javalin on Jetty. Pages ({@link Pages}) and a JSON API
 * (what {@code --format json} prints for the same query, {@link Queries}) answer from the {@link Live}
 * state; open pages hear of every reload through server-sent events ({@code /events}).
 *
 * <p>Safe by default ({@link Guard}): it listens on the loopback address unless told otherwise, answers
 * only requests addressed to the name it listens on, saves nothing unless started with
 * {@code --allow-edit} and then only same-origin requests of at most {@value #MAX_BODY} bytes; a request's
 * values reach the file system only as the id of a model to save, validated as {@code origins add}
 * validates it. Bad input gets a 400 with the command line's message, an unknown page a 404, never a stack
 * trace.
 */
public final class WebServer implements AutoCloseable {
    /** The largest request body read (a recipe is a few hundred bytes). */
    public static final int MAX_BODY = 64 * 1024;
    /** The most bytes of answers kept for the rule base now loaded ({@link Answers}). */
    static final long KEPT = 32L << 20;
    /**
     * The most threads answering at once: enough for the machine's cores to be busy while some threads
     * write answers out, few enough that a burst of requests waits in line instead of thrashing.
     */
    static final int THREADS = 16;
    private static final String STARTED = "origins.started";
    private static final Logger LOG = LoggerFactory.getLogger(WebServer.class);
    private static final ObjectMapper COMPACT = JsonMapper.builder().disable(SerializationFeature.INDENT_OUTPUT)
            .enable(SerializationFeature.WRITE_ENUMS_USING_TO_STRING).build();

    /** Where to listen, whether saving is allowed, and the folders and limits of the reasoning. */
    public record Settings(String host, int port, boolean allowEdit, Path factsDir, Path rulesDir, long maxFirings) {
    }

    private final Javalin app;
    private final Settings settings;
    private final List<SseClient> clients = new CopyOnWriteArrayList<>();
    private final Answers answers = new Answers(KEPT);

    private WebServer(Settings settings, Live live) {
        this.settings = settings;
        Queries queries = new Queries(settings.rulesDir(), settings.maxFirings());
        Pages pages = new Pages(queries, live, settings.allowEdit());
        Saving saving = new Saving(settings.factsDir());
        Guard guard = new Guard(settings);
        String css = new HtmlWriter(SvgDrawer.layered()).css() + resource("web.css");
        String js = resource("origins.js");
        this.app = Javalin.create(c -> {
            c.startup.showJavalinBanner = false;
            c.startup.showOldJavalinVersionWarning = false;
            c.jetty.host = settings.host();
            c.jetty.port = settings.port();
            QueuedThreadPool threads = new QueuedThreadPool(THREADS, 4);
            threads.setName("origins-web");
            c.jetty.threadPool = threads;
            c.http.maxRequestSize = MAX_BODY;
            c.http.generateEtags = false;
            var routes = c.routes;
            routes.before(ctx -> ctx.attribute(STARTED, System.nanoTime()));
            routes.before(guard::check);
            // how long the answer took to make, for the browser's developer tools and bench/serve.sh
            routes.after(ctx -> {
                Long t0 = ctx.attribute(STARTED);
                if (t0 != null) {
                    ctx.header("Server-Timing", String.format(java.util.Locale.ROOT, "app;dur=%.2f", (System.nanoTime() - t0) / 1e6));
                }
            });
            routes.get("/", ctx -> ctx.redirect("/matrix"));
            routes.get("/static/page.css", ctx -> ctx.contentType("text/css; charset=utf-8").result(css));
            routes.get("/static/origins.js", ctx -> ctx.contentType("text/javascript; charset=utf-8").result(js));
            routes.get("/favicon.ico", ctx -> ctx.status(204));
            // pages
            routes.get("/matrix", page(live, pages::matrix));
            routes.get("/why", page(live, pages::why));
            routes.get("/why-not", page(live, pages::whyNot));
            routes.get("/model", page(live, pages::model));
            routes.get("/lineage", page(live, pages::lineage));
            routes.get("/compare", page(live, pages::compare));
            routes.get("/what-if", page(live, pages::whatIf));
            routes.get("/recipe", page(live, pages::recipe));
            routes.get("/rules", page(live, (r, p) -> pages.rules(r)));
            routes.get("/what-it-takes", page(live, pages::whatItTakes));
            routes.get("/fragment/why-not", page(live, pages::whyNotFragment));
            routes.get("/fragment/what-if", page(live, pages::whatIfFragment));
            routes.get("/fragment/predict", page(live, pages::predictFragment));
            // the JSON API: what `origins COMMAND --format json` prints
            routes.get("/api/matrix", api(live, queries::matrix));
            routes.get("/api/why", api(live, queries::why));
            routes.get("/api/why-not", api(live, queries::whyNot));
            routes.get("/api/model", api(live, queries::model));
            routes.get("/api/abilities", api(live, queries::abilities));
            routes.get("/api/models", api(live, (r, p) -> queries.models(r)));
            routes.get("/api/lineage", api(live, queries::lineage));
            routes.get("/api/compare", api(live, queries::compare));
            routes.get("/api/what-if", api(live, queries::whatIf));
            routes.get("/api/recipe", api(live, queries::whatItTakes));
            routes.get("/api/predict", api(live, queries::predict));
            routes.get("/api/rules", api(live, (r, p) -> queries.rules(r)));
            routes.get("/api/test", api(live, (r, p) -> queries.test(r)));
            routes.get("/api/disputes", api(live, (r, p) -> queries.disputes(r)));
            routes.get("/api/status", ctx -> ctx.contentType("application/json; charset=utf-8")
                    .result(COMPACT.writeValueAsString(status(live)) + "\n"));
            routes.post("/api/add", ctx -> {
                guard.checkWrite(ctx);
                Params p = new Params(ctx.formParamMap());
                Reasoning r = live.reasoning();
                queries.recipe(r, p);   // the same checks as predict's, with their messages, before anything is written
                List<String> saved = saving.save(queries.recipeFile(r, p));
                ctx.contentType("application/json; charset=utf-8").result(COMPACT.writeValueAsString(new Saved("origins.saved/1", saved)) + "\n");
            });
            routes.sse("/events", client -> {
                client.keepAlive();
                client.onClose(() -> clients.remove(client));
                clients.add(client);
                client.sendComment("origins: reloads of rules/ and facts/ are sent here");
            });
            routes.exception(InputException.class, (e, ctx) -> fail(ctx, 400, pages, e.problems().stream().map(Problem::shown).toList()));
            routes.exception(Guard.Refused.class, (e, ctx) -> fail(ctx, e.status(), pages, List.of("origins: " + e.getMessage())));
            routes.exception(HttpResponseException.class, (e, ctx) -> fail(ctx, e.getStatus(), pages, List.of("origins: " + e.getMessage())));
            routes.exception(ReasoningCrash.class, (e, ctx) -> fail(ctx, 500, pages, List.of("origins: " + e.getMessage())));
            routes.exception(Exception.class, (e, ctx) -> {
                LOG.warn("internal error answering {}", ctx.path(), e);
                fail(ctx, 500, pages, List.of("origins: internal error: " + e.getClass().getName()
                        + " (a bug: please report it with the server's log)"));
            });
            routes.error(404, ctx -> {
                if (ctx.result() == null || ctx.result().isEmpty()) {
                    fail(ctx, 404, pages, List.of("origins: no such page or API: " + ctx.path()));
                }
            });
            routes.error(413, ctx -> fail(ctx, 413, pages, List.of("origins: the request is larger than " + MAX_BODY + " bytes")));
        });
        live.listen(this::broadcast);
    }

    /** Starts listening; an address taken or not of this machine is an input error. */
    public static WebServer start(Settings settings, Live live) {
        WebServer s = new WebServer(settings, live);
        try {
            s.app.start();
        } catch (JavalinBindException e) {
            Throwable root = e;
            while (root.getCause() != null) {
                root = root.getCause();
            }
            boolean taken = root instanceof java.net.BindException && String.valueOf(root.getMessage()).contains("in use");
            throw new InputException("cannot listen on " + settings.host() + ":" + settings.port() + ": " + root.getMessage()
                    + (taken ? " (another server is there; --port 0 takes any free port)"
                    : " (--host takes a name or address of this machine, such as 127.0.0.1)"));
        }
        return s;
    }

    /** Where it listens: http://HOST:PORT/ (a port of 0 was chosen when started). */
    public URI address() {
        String host = settings.host().contains(":") ? "[" + settings.host() + "]" : settings.host();
        return URI.create("http://" + host + ":" + app.port() + "/");
    }

    public int port() {
        return app.port();
    }

    @Override
    public void close() {
        clients.forEach(SseClient::close);
        app.stop();
    }

    /** A page (or a part of one) made from the rule base now loaded, once per request until the next reload. */
    private Handler page(Live live, BiFunction<Reasoning, Params, String> make) {
        return answered(live, "text/html; charset=utf-8", make);
    }

    /** An API answer: what {@code --format json} prints. */
    private Handler api(Live live, BiFunction<Reasoning, Params, Answer> query) {
        return answered(live, "application/json; charset=utf-8", (r, p) -> JsonWriter.write(query.apply(r, p)));
    }

    private Handler answered(Live live, String contentType, BiFunction<Reasoning, Params, String> make) {
        return ctx -> {
            Live.State now = live.now();
            String request = ctx.path() + "?" + Objects.toString(ctx.queryString(), "");
            byte[] body = answers.get(now.generation(), request,
                    () -> make.apply(now.reasoning(), new Params(ctx.queryParamMap())).getBytes(StandardCharsets.UTF_8));
            ctx.contentType(contentType).result(body);
        };
    }

    /** An error as a page (for a browser) or as JSON (for the API): the messages the command line gives. */
    private static void fail(Context ctx, int status, Pages pages, List<String> messages) {
        ctx.status(status);
        if (ctx.path().startsWith("/api/") || ctx.path().startsWith("/fragment/")) {
            try {
                ctx.contentType("application/json; charset=utf-8").result(COMPACT.writeValueAsString(
                        new Failure("origins.error/1", status, messages)) + "\n");
            } catch (JsonProcessingException e) {
                ctx.result(String.join("\n", messages));
            }
        } else {
            ctx.html(status == 404 ? pages.notFound(ctx.path()) : pages.badInput(messages));
        }
    }

    /** What the API says of a request it cannot answer: the messages the command line would print. */
    record Failure(String schema, int status, List<String> errors) {
    }

    /** {@code POST /api/add}: the files a save wrote. */
    record Saved(String schema, List<String> saved) {
    }

    /** {@code /api/status}: the reload generation, and the problems of the files as saved. */
    record Status(String schema, long generation, List<String> problems) {
    }

    private static Status status(Live live) {
        return new Status("origins.status/1", live.generation(), live.problems().stream().map(Problem::shown).toList());
    }

    /** Tells every open page of a reload (they refresh, or show the files' problems). */
    private void broadcast(Live.Reload reload) {
        String data;
        try {
            data = COMPACT.writeValueAsString(reload);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        for (SseClient c : clients) {
            if (c.terminated()) {
                clients.remove(c);
            } else {
                c.sendEvent("reload", data);
            }
        }
    }

    private static String resource(String name) {
        try (InputStream in = WebServer.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
