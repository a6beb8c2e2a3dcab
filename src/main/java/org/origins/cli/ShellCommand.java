package org.origins.cli;

import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.UserInterruptException;
import org.jline.reader.impl.DefaultParser;
import org.jline.reader.impl.completer.StringsCompleter;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;
import org.origins.io.Problem;
import org.origins.kb.Ability;
import org.origins.kb.ModelRecord;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchService;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

@Command(name = "shell", mixinStandardHelpOptions = true,
        description = {"An interactive prompt for every query command (why, why-not, abilities, matrix, compare, ...), "
                + "with history and completion of commands, model ids and ability names (English and Chinese).",
                "It watches rules/ and facts/: on every save it recompiles; broken files are reported and the last good "
                        + "rule base keeps answering; otherwise it prints which conclusions changed. Type `exit` to leave."})
class ShellCommand implements Callable<Integer> {
    @Mixin
    Options options;
    @Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        ShellState state = new ShellState(options.factsDir(), options.rulesDir(), options.maxFirings);
        ShellState.Reload first = state.reload();
        try (Terminal terminal = TerminalBuilder.builder().name("origins").system(true).dumb(true).build()) {
            LineReader reader = LineReaderBuilder.builder().terminal(terminal).appName("origins")
                    .completer(new StringsCompleter(words(state)))
                    .parser(new DefaultParser())
                    .variable(LineReader.HISTORY_FILE, historyFile())
                    .build();
            PrintWriter out = terminal.writer();
            Thread watcher = watch(state, reader, out);   // watching before the prompt: no save is missed
            out.println("origins shell — " + state.kb().models().size() + " models, " + state.rules().rules().size()
                    + " rules (loaded in " + first.millis() + " ms). Commands: " + String.join(", ", commands())
                    + ". `help`, `exit`.");
            out.flush();
            try {
                loop(reader, out, new RunContext(state, false));
            } finally {
                watcher.interrupt();
            }
        }
        return Main.OK;
    }

    private void loop(LineReader reader, PrintWriter out, RunContext context) {
        while (true) {
            String line;
            try {
                line = reader.readLine("origins> ");
            } catch (UserInterruptException e) {
                continue;
            } catch (EndOfFileException e) {
                return;
            }
            List<String> words = reader.getParser().parse(line, line.length()).words().stream()
                    .filter(w -> !w.isBlank()).toList();
            if (words.isEmpty()) {
                continue;
            }
            if (words.get(0).equals("exit") || words.get(0).equals("quit")) {
                return;
            }
            if (words.get(0).equals("shell")) {
                out.println("already in the shell");
                continue;
            }
            int code = Main.run(words.toArray(String[]::new), out, out, context);
            if (code != Main.OK) {
                out.println("(exit " + code + ")");
            }
            out.flush();
        }
    }

    private static List<String> commands() {
        return Main.commandLine().getSubcommands().keySet().stream().filter(c -> !c.equals("shell")).toList();
    }

    private static List<String> words(ShellState state) {
        List<String> w = new ArrayList<>(commands());
        w.add("exit");
        state.kb().models().stream().map(ModelRecord::id).forEach(w::add);
        for (Ability a : state.kb().abilities()) {
            for (String n : a.names()) {
                if (!n.contains(" ")) {
                    w.add(n);
                }
            }
        }
        return w;
    }

    private static String historyFile() {
        return Path.of(System.getProperty("user.home"), ".origins_history").toString();
    }

    /**
     * Watches the rule and fact folders; after each burst of saves, reloads and reports. Nothing a
     * reload meets ends the watcher: any failure is reported, and the last good rule base answers on.
     */
    private static Thread watch(ShellState state, LineReader reader, PrintWriter out) throws IOException {
        WatchService ws = FileSystems.getDefault().newWatchService();
        register(ws, state);
        Thread t = new Thread(() -> {
            try (ws) {
                reloadAndReport(ws, state, reader);   // saved between the first load and the watch
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
                    reloadAndReport(ws, state, reader);
                }
            } catch (InterruptedException | ClosedWatchServiceException | IOException e) {
                Thread.currentThread().interrupt();
            }
        }, "origins-watch");
        t.setDaemon(true);
        t.start();
        return t;
    }

    /** Reloads and says what changed; whatever it meets, the watcher goes on. */
    private static void reloadAndReport(WatchService ws, ShellState state, LineReader reader) {
        try {
            report(state.reload(), reader);
            register(ws, state);   // folders made or replaced meanwhile (origins add renames one in)
        } catch (Throwable e) {   // NOPMD: the watcher outlives whatever a reload meets
            reader.printAbove("could not reload: " + e + "; still answering with the last good rule base (save again to retry)");
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

    static void report(ShellState.Reload r, LineReader reader) {
        if (!r.changed()) {
            return;
        }
        StringBuilder b = new StringBuilder();
        if (r.recovered() && r.problems().isEmpty()) {
            b.append("the files load again; ");
        }
        if (!r.problems().isEmpty()) {
            b.append("reload failed (").append(r.millis()).append(" ms); still answering with the last good rule base:\n");
            for (Problem p : r.problems()) {
                b.append("  ").append(p).append('\n');
            }
        } else {
            b.append("reloaded in ").append(r.millis()).append(" ms; ");
            b.append(r.changes().isEmpty() ? "no conclusion changed" : r.changes().size() + " conclusion(s) changed:").append('\n');
            for (var c : r.changes()) {
                b.append("  ").append(c.model()).append(' ').append(c.ability()).append(": ").append(c.before().id())
                        .append(" → ").append(c.after().id()).append('\n');
            }
        }
        reader.printAbove(b.toString().stripTrailing());
    }
}
