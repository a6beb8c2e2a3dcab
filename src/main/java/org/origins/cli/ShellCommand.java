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
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

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
            // watching before the prompt: no save is missed
            Thread watcher = FolderWatch.start(state, r -> report(r, reader), e -> reader.printAbove("could not reload: " + e
                    + "; still answering with the last good rule base (save again to retry)"));
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
