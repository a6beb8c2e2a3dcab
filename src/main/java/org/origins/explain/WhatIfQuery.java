package org.origins.explain;

import org.origins.kb.KnowledgeBase;
import org.origins.kb.ModelRecord;
import org.origins.reasoning.LiveSession;
import org.origins.reasoning.Reasoning;
import org.origins.rules.RuleBase;

import java.util.ArrayList;
import java.util.List;

/**
 * A counterfactual: one live session holds the knowledge base, the changed facts replace the
 * old ones in it (truth maintenance retracts every conclusion that loses its support and derives
 * the new ones), and only what changed is reported — for the model and every model below it.
 */
public final class WhatIfQuery {
    private WhatIfQuery() {
    }

    public static WhatIf run(KnowledgeBase before, KnowledgeBase after, RuleBase rules, String model,
                             List<String> trainingChanges, long maxFirings) {
        Reasoning was;
        Reasoning now;
        try (LiveSession session = LiveSession.open(before, rules, maxFirings)) {
            was = session.snapshot();
            session.replace(after);
            now = session.snapshot();
        }
        List<String> affected = new ArrayList<>();
        for (ModelRecord m : after.models()) {
            if (after.chain(m.id()).stream().anyMatch(x -> x.id().equals(model))) {
                affected.add(m.id());
            }
        }
        return new WhatIf(WhatIf.SCHEMA, model, trainingChanges, Diff.levels(was, now, affected), Diff.others(was, now));
    }
}
