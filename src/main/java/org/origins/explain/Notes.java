package org.origins.explain;

import org.origins.facts.BaseDoubt;
import org.origins.facts.Mechanism;
import org.origins.reasoning.Derivation;
import org.origins.reasoning.Reasoning;

import java.util.ArrayList;
import java.util.List;

/** Side conclusions shown next to answers: how a gain came about, and doubts about a stated base. */
final class Notes {
    private Notes() {
    }

    static List<Note> mechanisms(Reasoning r, String model, String ability) {
        List<Note> out = new ArrayList<>();
        for (Mechanism m : r.mechanisms(model, ability)) {
            String how = m.how().equals("unlocked") ? "unlocked, not injected," : m.how();
            out.add(new Note(ability + " " + how + " by " + Describe.stage(m.stage()), ruleOf(r, m), r.grade(m)));
        }
        return out;
    }

    static List<Note> doubts(Reasoning r, String model) {
        List<Note> out = new ArrayList<>();
        for (BaseDoubt b : r.baseDoubts(model)) {
            out.add(new Note("the stated base " + b.base() + " is probably not the real base of " + b.model(),
                    ruleOf(r, b), r.grade(b)));
        }
        return out;
    }

    /** The rule of the fact's strongest justification. */
    static String ruleOf(Reasoning r, Object fact) {
        Derivation best = r.bestDerivation(List.of(fact));
        return best == null ? null : best.rule().id();
    }
}
