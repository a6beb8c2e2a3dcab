package org.origins.cli;

import org.origins.web.Live;
import org.origins.web.WebServer;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;

/**
 * The running parts of {@code origins serve}: the shell's reload machinery ({@link ShellState}: the last
 * good rule base, recompiled by content), the {@link FolderWatch} on rules/ and facts/, and the
 * {@link WebServer} answering from them. Public so that tests start one on a copy of the folders.
 */
public final class LiveServer implements AutoCloseable {
    private final WebServer server;
    private final Thread watcher;

    private LiveServer(WebServer server, Thread watcher) {
        this.server = server;
        this.watcher = watcher;
    }

    /** Loads the folders (bad input: an {@link org.origins.io.InputException}), starts watching them and listening. */
    public static LiveServer start(WebServer.Settings settings) {
        ShellState state = new ShellState(settings.factsDir(), settings.rulesDir(), settings.maxFirings());
        state.reload();
        Live live = new Live(state.reasoning());
        WebServer server = WebServer.start(settings, live);
        try {
            Thread watcher = FolderWatch.start(state,
                    r -> {
                        if (r.changed()) {
                            live.reloaded(state.reasoning(), r.problems(), r.changes(), r.recovered());
                        }
                    },
                    e -> LoggerFactory.getLogger(LiveServer.class).warn("could not reload ({}); still answering with the last "
                            + "good rule base (save again to retry)", e.toString()));
            return new LiveServer(server, watcher);
        } catch (IOException e) {
            server.close();
            throw new UncheckedIOException(e);
        }
    }

    public URI address() {
        return server.address();
    }

    @Override
    public void close() {
        watcher.interrupt();
        server.close();
    }

    /** For tests: the folders of a server on a free port of the loopback address. */
    public static WebServer.Settings settings(Path facts, Path rules, boolean allowEdit) {
        return new WebServer.Settings("127.0.0.1", 0, allowEdit, facts, rules, 100_000);
    }

    static List<String> describe(WebServer.Settings s) {
        return List.of(s.allowEdit() ? "saving models allowed (--allow-edit)" : "read-only", "watching " + s.rulesDir() + " and "
                + s.factsDir());
    }
}
