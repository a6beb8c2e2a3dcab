package org.origins.reasoning;

import org.origins.rules.RuleInfo;

import java.util.List;

/**
 * One justification of a derived fact: the rule that concluded it and the facts its match used,
 * in the order of the rule's patterns. A value; showing it is render's business.
 */
public record Derivation(Object conclusion, RuleInfo rule, List<Object> premises) {

    public Derivation {
        premises = List.copyOf(premises);
    }
}
