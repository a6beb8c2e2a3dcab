package org.origins.recipe;

import org.origins.io.FilePaths;
import org.origins.rules.RuleBase;
import org.origins.rules.RuleInfo;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The named thresholds the rule base defines: a rule whose right-hand side records a fact with a
 * name and a number ({@code insertLogical(Threshold.compute($c, "large-scale", 1e23))}) defines
 * the threshold once, and other rules read it by name ({@code Threshold( name == "large-scale",
 * reached )}). Read from the rules' text, so that a number an analyst edits is the number recipes
 * report.
 */
final class Thresholds {
    /** A string literal followed by a number, as the last two arguments of the fact a rule records. */
    private static final Pattern DEFINES = Pattern.compile(
            "insertLogical\\s*\\([^;]*?\"([^\"]+)\"\\s*,\\s*(-?\\d+(?:\\.\\d*)?(?:[eE][-+]?\\d+)?)\\s*\\)\\s*\\)");

    /** One threshold: its name, its value, the rule that defines it and where. */
    record Definition(String name, double value, String rule, String place) {
        /** "large-scale = 1e23 (scale.large-scale, rules/scale.drl:28)". */
        String describe() {
            return name + " = " + Values.number(value) + " (" + rule + ", " + place + ")";
        }
    }

    private final Map<String, Definition> byName;

    private Thresholds(Map<String, Definition> byName) {
        this.byName = byName;
    }

    static Thresholds of(RuleBase rules) {
        Map<String, Definition> out = new LinkedHashMap<>();
        for (RuleInfo r : RuleNeeds.answering(rules)) {
            Matcher m = DEFINES.matcher(r.consequence());
            while (m.find()) {
                out.putIfAbsent(m.group(1), new Definition(m.group(1), Double.parseDouble(m.group(2)),
                        r.id() == null ? r.name() : r.id(), FilePaths.display(r.file()) + ":" + r.line()));
            }
        }
        return new Thresholds(out);
    }

    /** The threshold an atom names ({@code name == "large-scale"}), if a rule defines one by that name. */
    Optional<Definition> named(Atom a) {
        return a.op() == Atom.Op.EQ && a.value() instanceof String s ? Optional.ofNullable(byName.get(s)) : Optional.empty();
    }
}
