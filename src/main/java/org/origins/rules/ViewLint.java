package org.origins.rules;

import org.origins.io.Problem;
import org.origins.io.Suggest;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Lints what the views and the scale facts add to a rule: {@code @view} is {@code "later"} or absent;
 * only a later rule supersedes, and only essay rules that exist; a later rule's {@code @source}
 * names a place in each source (table, section, figure); a threshold a rule reads by name is one a
 * rule defines.
 */
final class ViewLint {
    private static final Pattern DEFINES = Pattern.compile("Threshold\\s*\\.\\s*\\w+\\s*\\(\\s*\\$\\w+\\s*,\\s*\"([^\"]+)\"");
    private static final Pattern READS = Pattern.compile("\\bname\\s*==\\s*\"([^\"]+)\"");

    private ViewLint() {
    }

    static List<Problem> lint(RuleBase rules) {
        List<Problem> out = new ArrayList<>();
        Set<String> thresholds = new LinkedHashSet<>();
        for (RuleInfo r : rules.rules()) {
            Matcher m = DEFINES.matcher(r.consequence());
            while (m.find()) {
                thresholds.add(m.group(1));
            }
        }
        for (RuleInfo r : rules.rules()) {
            String view = rules.viewOf(r);
            if (view != null && !view.equals(View.LATER)) {
                out.add(error(r, "@view(\"" + view + "\") is not a view; a rule of the later papers says @view(\"later\"), "
                        + "an essay rule says nothing"));
            }
            List<String> sup = rules.supersedes(r);
            if (!sup.isEmpty() && !rules.isLater(r)) {
                out.add(error(r, "only a rule of the later view (@view(\"later\")) can supersede an essay rule"));
            }
            for (String id : sup) {
                RuleInfo target = rules.byId(id).orElse(null);
                if (target == null) {
                    out.add(error(r, "@supersedes names no rule \"" + id + "\"" + Suggest.hint(id,
                            rules.rules().stream().map(x -> x.id() == null ? x.name() : x.id()).toList())));
                } else if (rules.isLater(target)) {
                    out.add(error(r, "@supersedes names \"" + id + "\", a later rule: a later rule revises only the essay's rules"));
                }
            }
            if (rules.isLater(r) && r.source() != null) {
                for (String part : r.source().split(";")) {
                    String p = part.strip();
                    if (!p.isEmpty() && p.split("\\s+", 2).length < 2) {
                        out.add(error(r, "@source of a later rule names the place in each source (a table, section or "
                                + "figure): \"" + p + "\" has none"));
                    }
                }
            }
            for (Condition c : r.conditions()) {
                if (!c.type().equals("Threshold")) {
                    continue;
                }
                for (Condition.Constraint k : c.constraints()) {
                    Matcher m = READS.matcher(k.text());
                    if (m.find() && !thresholds.contains(m.group(1))) {
                        out.add(Problem.error(r.file(), k.line(), k.column(), null, "rule \"" + r.name() + "\": no rule defines the "
                                + "threshold \"" + m.group(1) + "\"" + Suggest.hint(m.group(1), thresholds)
                                + (thresholds.isEmpty() ? "" : "; defined: " + String.join(", ", thresholds))));
                    }
                }
            }
        }
        return out;
    }

    private static Problem error(RuleInfo r, String message) {
        return Problem.error(r.file(), r.line(), 0, null, "rule \"" + r.name() + "\": " + message);
    }
}
