package org.origins.reasoning;

import org.kie.api.runtime.KieSession;
import org.origins.io.Problem;
import org.origins.rules.RuleBase;
import org.origins.rules.RuleInfo;

import java.util.List;

/**
 * A rule that calls {@code drools.halt()} ends the firing before the rules have settled: the
 * conclusions are then incomplete (every ability "none", at worst), not an answer. After a firing
 * returns, one more firing of at most one rule tells: a run that had settled has nothing to fire.
 */
final class Halt {
    private Halt() {
    }

    /** Throws a {@link RuleFailure} naming {@code lastFired} (the rule that halted) when the session had not settled. */
    static void check(KieSession session, RuleBase rules, String lastFired) {
        if (session.fireAllRules(1) == 0) {
            return;
        }
        RuleInfo info = lastFired == null ? null : rules.byName(lastFired).orElse(null);
        String who = info == null ? (lastFired == null ? "a rule" : "rule \"" + lastFired + "\"")
                : "rule " + (info.id() == null ? "\"" + info.name() + "\"" : info.id());
        throw new RuleFailure(List.of(Problem.error(info == null ? rules.directory() : info.file(), info == null ? 0 : info.line(),
                0, null, who + " halted the engine (drools.halt()) before the rules had settled: the answer would be "
                        + "incomplete, so none is given; rules must not halt the engine")));
    }
}
