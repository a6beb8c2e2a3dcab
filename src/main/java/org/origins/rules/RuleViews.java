package org.origins.rules;

import org.kie.api.KieBase;
import org.kie.api.definition.rule.Rule;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The view metadata of every compiled rule, read from the engine's own rule metadata (the same for
 * rules compiled from DRL, read from the cache or precompiled): {@code @view("later")} marks a rule
 * supported by papers after the essay, {@code @supersedes("id, id")} names the essay rules it revises.
 */
final class RuleViews {
    /** One rule's view metadata: the raw {@code @view} value (null for an essay rule) and the ids it supersedes. */
    record Meta(String view, List<String> supersedes) {
        boolean later() {
            return View.LATER.equals(view);
        }
    }

    private final Map<String, Meta> byName = new LinkedHashMap<>();

    RuleViews(KieBase kieBase) {
        for (var pkg : kieBase.getKiePackages()) {
            for (Rule r : pkg.getRules()) {
                Map<String, Object> md = r.getMetaData();
                String view = text(md.get("view"));
                List<String> sup = new ArrayList<>();
                String s = text(md.get("supersedes"));
                if (s != null) {
                    for (String part : s.split(",")) {
                        if (!part.isBlank()) {
                            sup.add(part.strip());
                        }
                    }
                }
                byName.put(r.getName(), new Meta(view, List.copyOf(sup)));
            }
        }
    }

    private static String text(Object v) {
        if (v == null) {
            return null;
        }
        String s = v.toString().strip();
        return s.length() >= 2 && s.startsWith("\"") && s.endsWith("\"") ? s.substring(1, s.length() - 1) : s;
    }

    Meta of(String ruleName) {
        return byName.getOrDefault(ruleName, new Meta(null, List.of()));
    }
}
