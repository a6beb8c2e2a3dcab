package org.origins.explain;

import org.origins.kb.Ability;
import org.origins.reasoning.LevelTrace;
import org.origins.reasoning.Reasoning;
import org.origins.reasoning.Step;
import org.origins.rules.RuleBase;
import org.origins.rules.RuleInfo;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The essay conclusions that later evidence changes: for each model the essay discusses and each
 * ability, the level of the essay view against that of the default view, with the rules that make
 * the difference (the later rules deciding it now; the essay rules deciding it before that a later
 * rule supersedes).
 */
public final class RevisionsQuery {
    private RevisionsQuery() {
    }

    public static List<Revision> of(Reasoning essay, Reasoning now, List<String> models) {
        List<Revision> out = new ArrayList<>();
        RuleBase rules = now.rules();
        for (String m : models) {
            if (now.kb().model(m).isEmpty()) {
                continue;
            }
            for (Ability a : now.kb().abilities()) {
                LevelTrace before = essay.trace(m, a.id());
                LevelTrace after = now.trace(m, a.id());
                if (before.level() == after.level()) {
                    continue;
                }
                Map<String, Revision.RuleRef> by = new LinkedHashMap<>();
                for (Step s : after.decisive()) {
                    for (String id : now.rulesOf(s)) {
                        RuleInfo info = now.rule(id);
                        if (info != null && rules.isLater(info)) {
                            by.putIfAbsent(id, new Revision.RuleRef(id, info.source()));
                        }
                    }
                }
                Map<String, Revision.RuleRef> superseded = new LinkedHashMap<>();
                for (Step s : before.decisive()) {
                    for (String id : essay.rulesOf(s)) {
                        for (RuleInfo later : rules.supersededBy(id)) {
                            superseded.putIfAbsent(id, new Revision.RuleRef(id, "superseded by " + later.id() + " (" + later.source() + ")"));
                        }
                    }
                }
                out.add(new Revision(m, a.id(), before.level(), after.level(), List.copyOf(by.values()),
                        List.copyOf(superseded.values())));
            }
        }
        return out;
    }
}
