package org.origins.reasoning;

import org.origins.kb.KnowledgeBase;
import org.origins.rules.RuleBase;

/** One-shot reasoning: open a session on the knowledge base, fire, read back the conclusions. */
public final class Reasoner {
    private Reasoner() {
    }

    public static Reasoning run(KnowledgeBase kb, RuleBase rules) {
        return run(kb, rules, LiveSession.DEFAULT_MAX_FIRINGS);
    }

    public static Reasoning run(KnowledgeBase kb, RuleBase rules, long maxFirings) {
        return run(kb, rules, maxFirings, false);
    }

    /** With {@code experiments}, the rules that compare models with each other fire too. */
    public static Reasoning run(KnowledgeBase kb, RuleBase rules, long maxFirings, boolean experiments) {
        try (LiveSession s = LiveSession.open(kb, rules, maxFirings, experiments)) {
            return s.snapshot();
        }
    }
}
