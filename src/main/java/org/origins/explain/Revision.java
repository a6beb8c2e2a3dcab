package org.origins.explain;

import org.origins.kb.Level;

import java.util.List;

/**
 * An essay conclusion that later evidence changes: the level the essay's rules give a model's
 * ability ({@code --view essay}) and the level of the default view, with the later rules that
 * decide it now and the essay rules that no longer apply (superseded), each with its source.
 */
public record Revision(String model, String ability, Level essay, Level now, List<RuleRef> by, List<RuleRef> superseded) {

    public Revision {
        by = List.copyOf(by);
        superseded = List.copyOf(superseded);
    }

    /** A rule with its source. */
    public record RuleRef(String rule, String source) {
    }
}
