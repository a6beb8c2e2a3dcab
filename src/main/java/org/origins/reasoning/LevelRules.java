package org.origins.reasoning;

import org.kie.api.runtime.rule.AgendaFilter;
import org.origins.rules.RuleBase;
import org.origins.rules.RuleInfo;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The rules levels and grades depend on, for batch prediction, whose output is levels and grades
 * only: a rule whose conclusions are of types that no rule reads and that are not effects (the
 * mechanisms, the doubts about a stated base) changes no level and no grade, so the batch's lean
 * path does not fire it. Found from the rules themselves: the types their conditions read and the
 * types their consequences insert. Made once per batch ({@link #of}); {@link LiveSession#openLean} fires with it.
 */
public record LevelRules(RuleBase rules, AgendaFilter filter) {
    private static final Pattern INSERTS = Pattern.compile("insertLogical\\s*\\(\\s*(?:new\\s+)?(\\w+)\\s*[.(]");

    /** The rules of {@code rules}' view that levels and grades depend on. */
    public static LevelRules of(RuleBase rules) {
        Set<String> read = new HashSet<>();
        for (RuleInfo r : rules.rules()) {
            r.conditions().forEach(c -> read.add(c.type()));
        }
        Set<String> skip = new HashSet<>();
        for (RuleInfo r : rules.rules()) {
            List<String> inserted = inserted(r.consequence());
            if (!inserted.isEmpty() && inserted.stream().noneMatch(t -> t.equals("Effect") || read.contains(t))) {
                skip.add(r.name());
            }
        }
        AgendaFilter view = rules.agendaFilter();
        return new LevelRules(rules, match -> !skip.contains(match.getRule().getName()) && (view == null || view.accept(match)));
    }

    /** The fact types a consequence inserts ({@code Mechanism.unlocked($e)}, {@code new BaseDoubt(...)}). */
    static List<String> inserted(String consequence) {
        List<String> out = new java.util.ArrayList<>();
        Matcher m = INSERTS.matcher(consequence);
        while (m.find()) {
            out.add(m.group(1));
        }
        return out;
    }
}
