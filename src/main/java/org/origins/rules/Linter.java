package org.origins.rules;

import org.origins.kb.Ability;
import org.origins.kb.KnowledgeBase;
import org.origins.kb.Level;
import org.origins.kb.ModelRecord;
import org.origins.io.Problem;
import org.origins.io.Suggest;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks what the compiler does not: every rule's metadata (unique ids: {@link RuleBase}), known grades and sources,
 * no model named in a rule, and every ability, stage kind and level a rule writes as a string
 * exists in the vocabularies (with a did-you-mean).
 */
public final class Linter {
    private static final Pattern STRING = Pattern.compile("\"([^\"\\\\]*)\"");
    private static final Pattern EFFECT_CALL = Pattern.compile("Effect\\s*\\.\\s*(\\w+)\\s*\\(");
    private static final Set<String> FACTORIES = Set.of("gives", "tradesAway", "strengthens", "weakens", "restores");

    private Linter() {
    }

    public static List<Problem> lint(RuleBase rules, KnowledgeBase kb) {
        List<Problem> out = new ArrayList<>();
        for (RuleInfo r : rules.rules()) {
            for (String meta : List.of("id", "claim", "grade", "source")) {
                String value = switch (meta) {
                    case "id" -> r.id();
                    case "claim" -> r.claim();
                    case "grade" -> r.grade() == null ? null : r.grade().id();
                    default -> r.source();
                };
                if (value == null || value.isBlank()) {
                    out.add(error(r.file(), r.line(), "rule \"" + r.name() + "\" has no valid @" + meta
                            + (meta.equals("grade") ? " (one of conclusion, strong-hypothesis, hypothesis, educated-guess)" : "")));
                }
            }
            if (r.source() != null) {
                for (String part : r.source().split(";")) {
                    String id = part.strip().split("[\\s,§]+")[0];
                    if (!id.isEmpty() && !kb.sources().containsKey(id)) {
                        out.add(error(r.file(), r.line(), "rule \"" + r.name() + "\": @source names unknown source \"" + id
                                + "\"" + Suggest.hint(id, kb.sources().keySet())));
                    }
                }
            }
        }
        out.addAll(ViewLint.lint(rules));
        Set<Path> files = new java.util.LinkedHashSet<>();
        rules.rules().forEach(r -> files.add(r.file()));
        for (Path f : files) {
            for (Problem p : lintStrings(f, kb)) {
                String rule = RuleCompiler.ruleAt(f, p.line(), rules.rules());
                out.add(rule == null ? p : Problem.error(p.file(), p.line(), p.column(), null, "rule \"" + rule + "\": " + p.message()));
            }
        }
        return out;
    }

    /** Problems in the string literals of one file. */
    static List<Problem> lintStrings(Path file, KnowledgeBase kb) {
        List<Problem> out = new ArrayList<>();
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return List.of(error(file, 0, "cannot read: " + e.getMessage()));
        }
        Set<String> models = new java.util.HashSet<>(kb.models().stream().map(ModelRecord::id).toList());
        List<String> abilities = kb.abilities().stream().map(Ability::id).toList();
        Set<String> kinds = kb.stageKinds().keySet();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            String code = line.replaceAll("//.*$", "");
            if (code.strip().startsWith("@") || code.strip().startsWith("import") || code.strip().startsWith("package")) {
                continue;
            }
            Matcher m = STRING.matcher(code);
            int argIndex = -1;
            Matcher call = EFFECT_CALL.matcher(code);
            int callStart = call.find() && FACTORIES.contains(call.group(1)) ? call.end() : -1;
            while (m.find()) {
                String s = m.group(1);
                int col = m.start() + 1;
                String before = code.substring(0, m.start());
                if (models.contains(s)) {
                    out.add(error(file, i + 1, col, "names the model \"" + s + "\": rules must reason from training facts only"));
                    continue;
                }
                if (callStart >= 0 && m.start() > callStart) {
                    argIndex++;
                    if (argIndex == 0 && !abilities.contains(s)) {
                        out.add(error(file, i + 1, col, "unknown ability \"" + s + "\"" + Suggest.hint(s, abilities)));
                    } else if (argIndex == 1 && Level.parse(s).isEmpty()) {
                        out.add(error(file, i + 1, col, "unknown level \"" + s + "\"; expected none, weak, present or strong"));
                    }
                    continue;
                }
                if (before.matches("(?s).*\\bkinds?\\s*(==|!=|contains|not contains)\\s*$") && !kinds.contains(s)) {
                    out.add(error(file, i + 1, col, "unknown stage kind \"" + s + "\"" + Suggest.hint(s, kinds)));
                } else if (before.matches("(?s).*\\bability\\s*(==|!=)\\s*$") && !abilities.contains(s)) {
                    out.add(error(file, i + 1, col, "unknown ability \"" + s + "\"" + Suggest.hint(s, abilities)));
                }
            }
        }
        return out;
    }

    /**
     * Where {@code literal} (a quoted name) first appears in the rule's text: {line, column}, as
     * {@code check} reports it; the rule's own line when it is not found.
     */
    public static int[] place(RuleInfo rule, String literal) {
        try {
            List<String> lines = Files.readAllLines(rule.file(), StandardCharsets.UTF_8);
            for (int i = Math.max(0, rule.line() - 1); i < lines.size(); i++) {
                int col = lines.get(i).replaceAll("//.*$", "").indexOf(literal);
                if (col >= 0) {
                    return new int[] {i + 1, col + 1};
                }
            }
        } catch (IOException | RuntimeException e) {
            // the rule's line is place enough
        }
        return new int[] {rule.line(), 0};
    }

    private static Problem error(Path file, int line, String message) {
        return Problem.error(file, line, 0, null, message);
    }

    private static Problem error(Path file, int line, int col, String message) {
        return Problem.error(file, line, col, null, message);
    }

    /**
     * A note for each rule that concluded nothing on the knowledge base. A note, not a warning:
     * whether a rule fires depends on which models the knowledge base holds, not on the rule (a
     * contrast rule needs two models that differ by one ingredient); {@code --strict} fails on
     * defects in the files, and a scenario or a test with hypothetical models shows such a rule at work.
     */
    public static List<Problem> neverFired(RuleBase rules, Set<String> firedRuleNames) {
        List<Problem> out = new ArrayList<>();
        for (RuleInfo r : rules.rules()) {
            if (!firedRuleNames.contains(r.name())) {
                out.add(new Problem(r.file(), r.line(), 0, null, "rule \"" + r.name()
                        + "\" never fires on the current knowledge base", Problem.Severity.INFO));
            }
        }
        return out;
    }
}
