package org.origins.rules;

import org.drools.drl.ast.descr.AndDescr;
import org.drools.drl.ast.descr.AnnotationDescr;
import org.drools.drl.ast.descr.BaseDescr;
import org.drools.drl.ast.descr.ConditionalElementDescr;
import org.drools.drl.ast.descr.ExistsDescr;
import org.drools.drl.ast.descr.ExprConstraintDescr;
import org.drools.drl.ast.descr.NotDescr;
import org.drools.drl.ast.descr.PackageDescr;
import org.drools.drl.ast.descr.PatternDescr;
import org.drools.drl.ast.descr.RuleDescr;
import org.drools.drl.parser.DrlParser;
import org.drools.drl.parser.DroolsParserException;
import org.origins.kb.Grade;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a DRL file's rules as written (metadata, conditions with line and column, the abilities a
 * consequence concludes) with Drools' own parser, for explanations, why-not and lint.
 */
final class RuleParser {
    /** The first quoted argument of Effect.xxx($s, "ability", ...). */
    private static final Pattern CONCLUDED = Pattern.compile(
            "Effect\\s*\\.\\s*(\\w+)\\s*\\(\\s*\\$?\\w+\\s*,\\s*\"([^\"]+)\"(?:\\s*,\\s*\"([^\"]+)\")?");

    private RuleParser() {
    }

    /** The rules of one file; parse errors are left to the compiler, which reports them with positions. */
    static List<RuleInfo> parse(Path file, String text) {
        PackageDescr pkg;
        try {
            DrlParser parser = new DrlParser();
            pkg = parser.parse(false, text);
            if (pkg == null || parser.hasErrors()) {
                return List.of();
            }
        } catch (DroolsParserException | RuntimeException e) {
            return List.of();
        }
        List<RuleInfo> out = new ArrayList<>();
        List<String> imports = pkg.getImports().stream().map(i -> i.getTarget()).toList();
        for (RuleDescr r : pkg.getRules()) {
            List<Condition> conditions = new ArrayList<>();
            collect(r.getLhs(), "", conditions);
            String consequence = r.getConsequence() == null ? "" : r.getConsequence().toString();
            Set<RuleInfo.Conclusion> conclusions = new LinkedHashSet<>();
            Matcher m = CONCLUDED.matcher(consequence);
            while (m.find()) {
                conclusions.add(new RuleInfo.Conclusion(m.group(1), m.group(2), m.group(3)));
            }
            String gradeText = meta(r, "grade");
            out.add(new RuleInfo(meta(r, "id"), r.getName(), meta(r, "claim"), Grade.parse(gradeText).orElse(null),
                    meta(r, "source"), meta(r, "cites"), file, r.getLine(), conditions, List.copyOf(conclusions),
                    consequence.strip(), imports));
        }
        return out;
    }

    static String meta(RuleDescr r, String name) {
        AnnotationDescr a = r.getAnnotation(name);
        if (a == null) {
            return null;
        }
        Object v = a.getSingleValueStripped();
        return v == null ? null : AnnotationDescr.unquote(v.toString()).replace("\\\"", "\"");
    }

    private static void collect(BaseDescr d, String scope, List<Condition> out) {
        if (d instanceof PatternDescr p) {
            List<Condition.Constraint> cs = new ArrayList<>();
            if (p.getConstraint() != null) {
                for (BaseDescr c : p.getConstraint().getDescrs()) {
                    if (c instanceof ExprConstraintDescr e) {
                        cs.add(new Condition.Constraint(e.getExpression().strip(), e.getLine(), e.getColumn() + 1));
                    }
                }
            }
            out.add(new Condition(p.getObjectType(), p.getIdentifier(), cs, scope, p.getLine(), p.getColumn() + 1));
        } else if (d instanceof NotDescr n) {
            n.getDescrs().forEach(x -> collect(x, "not", out));
        } else if (d instanceof ExistsDescr e) {
            for (Object x : e.getDescrs()) {
                collect((BaseDescr) x, "exists", out);
            }
        } else if (d instanceof AndDescr a) {
            a.getDescrs().forEach(x -> collect(x, scope, out));
        } else if (d instanceof ConditionalElementDescr ce) {
            for (Object x : ce.getDescrs()) {
                collect((BaseDescr) x, scope.isEmpty() ? "other" : scope, out);
            }
        }
    }
}
