package org.origins.cli;

import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchService;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * Watches the rule and fact folders of a {@link ShellState} (the shell's, the web explorer's): after
 * each burst of saves it reloads once and hands on what the reload did. Nothing a reload meets ends
 * the watcher: a failure is handed on too, and the last good rule base answers on.
 */
final class FolderWatch {
    private FolderWatch() {
    }

    /**
     * Starts watching on a daemon thread (interrupt it to stop). It reloads once at once, for saves made
     * between the first load and the watch.
     */
    static Thread start(ShellState state, Consumer<ShellState.Reload> report, Consumer<Throwable> failed) throws IOException {
        WatchService ws = FileSystems.getDefault().newWatchService();
        register(ws, state);
        Thread t = new Thread(() -> {
            try (ws) {
                reload(ws, state, report, failed);
                while (!Thread.currentThread().isInterrupted()) {
                    var key = ws.take();
                    key.pollEvents();
                    key.reset();
                    // let a burst of saves settle, then reload once
                    var more = ws.poll(150, TimeUnit.MILLISECONDS);
                    while (more != null) {
                        more.pollEvents();
                        more.reset();
                        more = ws.poll(150, TimeUnit.MILLISECONDS);
                    }
                    reload(ws, state, report, failed);
                }
            } catch (InterruptedException | ClosedWatchServiceException | IOException e) {
                Thread.currentThread().interrupt();
            }
        }, "origins-watch");
        t.setDaemon(true);
        t.start();
        return t;
    }

    private static void reload(WatchService ws, ShellState state, Consumer<ShellState.Reload> report, Consumer<Throwable> failed) {
        try {
            report.accept(state.reload());
            register(ws, state);   // folders made or replaced meanwhile (origins add renames one in)
        } catch (Throwable e) {   // NOPMD: the watcher outlives whatever a reload meets
            failed.accept(e);
        }
    }

    /** Every folder down to two levels below the rule and fact folders (registering one again is harmless). */
    private static void register(WatchService ws, ShellState state) throws IOException {
        for (Path root : List.of(state.rulesDir, state.factsDir)) {
            try (Stream<Path> dirs = Files.walk(root, 2)) {
                for (Path d : dirs.filter(Files::isDirectory).toList()) {
                    d.register(ws, StandardWatchEventKinds.ENTRY_CREATE, StandardWatchEventKinds.ENTRY_MODIFY,
                            StandardWatchEventKinds.ENTRY_DELETE);
                }
            }
        }
    }
}
