package org.origins.rules;

import org.kie.api.KieBase;
import org.kie.api.KieBaseConfiguration;
import org.kie.api.KieServices;
import org.kie.api.builder.KieBuilder;
import org.kie.api.builder.KieFileSystem;
import org.kie.api.builder.Message;
import org.kie.api.conf.EqualityBehaviorOption;
import org.kie.api.runtime.KieContainer;
import org.origins.kb.InputException;
import org.origins.kb.Problem;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
    private static final Pattern RULE_NAME = Pattern.compile("[Rr]ule(?: name)?[ =:]*'?\"?([\\w.\\-]+)\"?'?");

    private RuleCompiler() {
    }

    /** The .drl files of a folder, sorted; a missing or empty folder is an input error. */
    public static List<Path> ruleFiles(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new InputException(List.of(Problem.error(dir, 0, 0, null,
                    "rules directory not found (expected .drl files); use --rules DIR")));
        }
        try (Stream<Path> s = Files.list(dir)) {
            List<Path> files = s.filter(p -> p.getFileName().toString().endsWith(".drl")).filter(Files::isRegularFile)
                    .sorted().toList();
            if (files.isEmpty()) {
                throw new InputException(List.of(Problem.error(dir, 0, 0, null, "no .drl rule files in this directory")));
            }
            return files;
        } catch (IOException e) {
            throw new InputException(List.of(Problem.error(dir, 0, 0, null, "cannot list rules: " + e.getMessage())));
        }
    }

    public static RuleBase compile(Path dir) {
        List<Path> files = ruleFiles(dir);
        Map<String, Path> byResource = new LinkedHashMap<>();
        List<RuleInfo> infos = new ArrayList<>();
        KieServices ks = KieServices.Factory.get();
        KieFileSystem kfs = ks.newKieFileSystem();
        List<Problem> problems = new ArrayList<>();
        for (Path f : files) {
            String text;
            try {
                text = Files.readString(f, StandardCharsets.UTF_8);
            } catch (IOException e) {
                problems.add(Problem.error(f, 0, 0, null, "cannot read: " + e.getMessage()));
                continue;
            }
            String resource = "src/main/resources/rules/" + f.getFileName();
            byResource.put(resource, f);
            kfs.write(resource, text);
            infos.addAll(RuleParser.parse(f, text));
        }
        if (!problems.isEmpty()) {
            throw new InputException(problems);
        }
        KieBuilder builder = ks.newKieBuilder(kfs).buildAll();
        for (Message m : builder.getResults().getMessages(Message.Level.ERROR)) {
            problems.add(toProblem(m, byResource));
        }
        if (!problems.isEmpty()) {
            throw new InputException(problems);
        }
        KieContainer container = ks.newKieContainer(builder.getKieModule().getReleaseId());
        KieBaseConfiguration conf = ks.newKieBaseConfiguration();
        conf.setOption(EqualityBehaviorOption.EQUALITY);
        KieBase kieBase = container.newKieBase(conf);
        return new RuleBase(dir, kieBase, infos);
    }

    static Problem toProblem(Message m, Map<String, Path> byResource) {
        Path file = m.getPath() == null ? null : byResource.getOrDefault(m.getPath(), Path.of(m.getPath()));
        String text = m.getText() == null ? "" : m.getText().strip();
        int line = Math.max(m.getLine(), 0);
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
        String message = text.replaceAll("\\s+", " ");
        Matcher rn = RULE_NAME.matcher(text);
        String hint = CompileHints.hint(text);
        if (rn.find() && !message.contains("rule \"" + rn.group(1) + "\"")) {
            message = "rule \"" + rn.group(1) + "\": " + message;
        }
        return Problem.error(file, line, col, null, hint.isEmpty() ? message : message + " — hint: " + hint);
    }
}
