package org.origins.rules;

import org.drools.compiler.kie.builder.impl.DrlProject;
import org.kie.api.KieBase;
import org.kie.api.KieServices;
import org.kie.api.builder.KieBuilder;
import org.kie.api.builder.KieFileSystem;
import org.kie.api.builder.Message;
import org.kie.api.runtime.KieContainer;
import org.origins.io.InputException;
import org.origins.io.Problem;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Compiles every {@code .drl} file of a folder at run time into a KieBase (equality mode, so that
 * two rules justifying the same conclusion share it under truth maintenance). Compile errors come
 * back as problems with file, line and column.
 */
public final class RuleCompiler {
    private static final Pattern LINE_COL = Pattern.compile("\\[?(?:Line|line):?\\s*(\\d+)(?::(\\d+)|, Column:\\s*(\\d+))?");

    private RuleCompiler() {
    }

    /** The .drl files of a folder, sorted; a missing or empty folder is an input error. */
    public static List<Path> ruleFiles(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new InputException(List.of(Problem.error(dir, 0, 0, null,
                    "rules directory not found (expected .drl files); use --rules DIR")));
        }
        try (Stream<Path> s = Files.list(dir)) {
            List<Path> files = s.filter(p -> p.getFileName().toString().endsWith(".drl")).sorted().toList();
            files = insideOnly(dir, files);
            if (files.isEmpty()) {
                throw new InputException(List.of(Problem.error(dir, 0, 0, null, "no .drl rule files in this directory")));
            }
            return files;
        } catch (IOException e) {
            throw new InputException(List.of(Problem.error(dir, 0, 0, null, "cannot list rules: " + e.getMessage())));
        }
    }

    /**
     * Rule files are code: only regular files of the folder itself are read. A symbolic link that
     * leads outside the folder, or to no file at all (broken, a loop), is an error rather than
     * silently followed or skipped.
     */
    private static List<Path> insideOnly(Path dir, List<Path> files) throws IOException {
        Path real = dir.toRealPath();
        List<Path> out = new ArrayList<>();
        List<Problem> problems = new ArrayList<>();
        for (Path f : files) {
            // a hidden broken link is an editor's lock file (Emacs' .#code.drl), not a rule file: skipped as before
            if (Files.isSymbolicLink(f) && !(f.getFileName().toString().startsWith(".") && !Files.exists(f))) {
                Path target;
                try {
                    target = f.toRealPath();
                } catch (IOException e) {
                    problems.add(Problem.error(f, 0, 0, null, "cannot read: a symbolic link that leads to no file "
                            + "(broken, or a loop of links); expected a .drl rule file"));
                    continue;
                }
                if (!target.startsWith(real)) {
                    problems.add(Problem.error(f, 0, 0, null, "a symbolic link to " + target + ", outside the rules "
                            + "folder: rule files are code and are read only from the folder given; copy the file into it"));
                    continue;
                }
            }
            if (Files.isRegularFile(f)) {
                out.add(f);
            }
        }
        if (!problems.isEmpty()) {
            throw new InputException(problems);
        }
        return out;
    }

    /** A rule file that is not UTF-8, with the line and column of its first bad byte. */
    private static Problem notUtf8(Path f) {
        int line = 0;
        int col = 0;
        try {
            byte[] bytes = Files.readAllBytes(f);
            java.nio.ByteBuffer in = java.nio.ByteBuffer.wrap(bytes);
            StandardCharsets.UTF_8.newDecoder().decode(in, java.nio.CharBuffer.allocate(bytes.length + 1), true);
            int at = in.position(); // the decoder stops at the first malformed byte
            line = 1;
            int lineStart = 0;
            for (int i = 0; i < at; i++) {
                if (bytes[i] == '\n') {
                    line++;
                    lineStart = i + 1;
                }
            }
            col = new String(bytes, lineStart, at - lineStart, StandardCharsets.UTF_8).length() + 1;
        } catch (IOException ignored) {
            // the place is unknown; the message still says what is wrong
        }
        return Problem.error(f, line, col, null, "cannot read: not UTF-8 text (is the file in another encoding, "
                + "such as Latin-1?); expected a .drl rule file in UTF-8");
    }

    /**
     * The rules of a folder: the build's precompiled rules if the folder holds exactly the bundled
     * rule files, else the on-disk cache's compilation of these files, else a fresh compilation.
     */
    public static RuleBase compile(Path dir) {
        return compile(dir, true);
    }

    /** As {@link #compile(Path)}; without {@code precompiled}, the rule base is always compiled from DRL. */
    static RuleBase compile(Path dir, boolean precompiled) {
        List<Path> files = ruleFiles(dir);
        List<String> texts = read(files);
        Optional<RuleCache.Hit> built = precompiled ? Precompiled.load(files, texts) : Optional.empty();
        if (built.isPresent()) {
            return new RuleBase(dir, built.get().kieBase(), built.get().infos(), RuleBase.From.PRECOMPILED);
        }
        String key = RuleCache.key(files, texts);
        Optional<RuleCache.Hit> cached = RuleCache.load(key, files);
        if (cached.isPresent()) {
            return new RuleBase(dir, cached.get().kieBase(), cached.get().infos(), RuleBase.From.CACHE);
        }
        List<RuleInfo> infos = new ArrayList<>();
        for (int i = 0; i < files.size(); i++) {
            infos.addAll(RuleParser.parse(files.get(i), texts.get(i)));
        }
        KieBase kieBase = build(files, texts, infos);
        RuleCache.store(key, kieBase, infos);
        return new RuleBase(dir, kieBase, infos, RuleBase.From.DRL);
    }

    /** The rule files' texts; a file that cannot be read, or is not UTF-8, is an input error. */
    static List<String> read(List<Path> files) {
        List<String> texts = new ArrayList<>();
        List<Problem> problems = new ArrayList<>();
        for (Path f : files) {
            try {
                texts.add(Files.readString(f, StandardCharsets.UTF_8));
            } catch (java.nio.charset.CharacterCodingException e) {
                problems.add(notUtf8(f));
            } catch (IOException e) {
                problems.add(Problem.error(f, 0, 0, null, "cannot read: " + e.getMessage()));
            }
        }
        if (!problems.isEmpty()) {
            throw new InputException(problems);
        }
        return texts;
    }

    private static KieBase build(List<Path> files, List<String> texts, List<RuleInfo> infos) {
        KieBuilder builder = kieBuild(files, texts, infos, DrlProject.class);
        KieServices ks = KieServices.Factory.get();
        KieContainer container = ks.newKieContainer(builder.getKieModule().getReleaseId());
        return container.newKieBase(RuleCache.configuration());
    }

    /**
     * Builds the rule files as a KIE project of the given type (DRL compiled now, or the executable
     * model); the compile errors, if any, are thrown as problems with their files, lines and rules.
     */
    static KieBuilder kieBuild(List<Path> files, List<String> texts, List<RuleInfo> infos,
                               Class<? extends KieBuilder.ProjectType> type) {
        Map<String, Path> byResource = new LinkedHashMap<>();
        KieServices ks = KieServices.Factory.get();
        KieFileSystem kfs = ks.newKieFileSystem();
        for (int i = 0; i < files.size(); i++) {
            String resource = "src/main/resources/rules/" + files.get(i).getFileName();
            byResource.put(resource, files.get(i));
            kfs.write(resource, texts.get(i));
        }
        KieBuilder builder = ks.newKieBuilder(kfs).buildAll(type);
        List<Problem> problems = new ArrayList<>();
        for (Message m : builder.getResults().getMessages(Message.Level.ERROR)) {
            problems.add(toProblem(m, byResource, infos));
        }
        if (!problems.isEmpty()) {
            throw new InputException(withoutEcho(problems));
        }
        return builder;
    }

    /**
     * Less "Parser returned a null Package" where it only repeats that the file's syntax errors,
     * reported with their places, stopped the parser (alone, it keeps its hint).
     */
    static List<Problem> withoutEcho(List<Problem> problems) {
        List<Path> located = problems.stream().filter(p -> p.line() > 0).map(Problem::file).toList();
        List<Problem> out = new ArrayList<>(problems);
        out.removeIf(p -> p.line() == 0 && p.message().contains("Parser returned a null Package") && located.contains(p.file()));
        return out;
    }

    /** The rule of the file whose text starts at or before the line. */
    static String ruleAt(Path file, int line, List<RuleInfo> infos) {
        String best = null;
        int bestLine = -1;
        for (RuleInfo r : infos) {
            if (r.file().equals(file) && r.line() <= line && r.line() > bestLine) {
                best = r.name();
                bestLine = r.line();
            }
        }
        return best;
    }

    static Problem toProblem(Message m, Map<String, Path> byResource, List<RuleInfo> infos) {
        Path file = m.getPath() == null ? null : byResource.entrySet().stream()
                .filter(e -> e.getKey().equals(m.getPath()) || e.getKey().endsWith("/" + m.getPath()))
                .map(Map.Entry::getValue).findFirst().orElse(Path.of(m.getPath()));
        return problem(file, m.getLine(), m.getText(), infos);
    }

    /** A compile message as a problem: its place (the column from the text), the rule it is in, a hint. */
    static Problem problem(Path file, int reportedLine, String raw, List<RuleInfo> infos) {
        String text = raw == null ? "" : raw.strip();
        int line = Math.max(reportedLine, 0);
        int col = 0;
        Matcher lc = LINE_COL.matcher(text);
        if (lc.find()) {
            if (line == 0) {
                line = Integer.parseInt(lc.group(1));
            }
            String c = lc.group(2) != null ? lc.group(2) : lc.group(3);
            if (c != null && Integer.parseInt(lc.group(1)) == line) {
                col = Integer.parseInt(c) + 1;
            }
        }
        String message = text.replaceAll("\\s+", " ").replaceAll(" for the type Rule_\\S+", "")
                .replace("Rule Compilation error ", "");
        String hint = CompileHints.hint(text);
        String rule = ruleAt(file, line, infos);
        if (rule != null && !message.contains("\"" + rule + "\"")) {
            message = "rule \"" + rule + "\": " + message;
        }
        return Problem.error(file, line, col, null, hint.isEmpty() ? message : message + " — hint: " + hint);
    }
}
