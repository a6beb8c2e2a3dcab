package org.origins.reasoning;

import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What one run of the rules holds true: every derived fact with the derivations (rule and matched
 * premises) that justify it, read from truth maintenance, and the provenance of every stated fact.
 * Facts are records with value equality; the session's own instances are also found by identity,
 * which saves hashing deep records on every lookup.
 */
public final class DerivationGraph {
    private final StatedFacts stated;
    private final Map<Object, List<Derivation>> derivations;
    private final Map<Object, List<Derivation>> derivationsByIdentity;
    private final Map<Object, FactOrigin> originsByIdentity = new IdentityHashMap<>();
    private final Set<Class<?>> statedTypes = new HashSet<>();

    DerivationGraph(StatedFacts stated, Map<Object, List<Derivation>> derivations) {
        this.stated = stated;
        this.derivations = Map.copyOf(derivations);
        this.derivationsByIdentity = new IdentityHashMap<>(this.derivations);
        for (var e : stated.origins().entrySet()) {
            originsByIdentity.put(e.getKey(), e.getValue());
            statedTypes.add(e.getKey().getClass());
        }
    }

    public StatedFacts stated() {
        return stated;
    }

    /** The provenance of a stated fact; null for a derived one. */
    public FactOrigin origin(Object fact) {
        FactOrigin o = originsByIdentity.get(fact);
        if (o != null || fact == null || !statedTypes.contains(fact.getClass())) {
            return o; // facts are records: one of another type never equals a stated one
        }
        return stated.origins().get(fact);
    }

    public boolean isDerived(Object fact) {
        return derivations.containsKey(fact);
    }

    /** The justifications of a derived fact (none for a stated one). */
    public List<Derivation> derivations(Object fact) {
        List<Derivation> ds = derivationsByIdentity.get(fact);
        return ds != null ? ds : derivations.getOrDefault(fact, List.of());
    }

    /** Every derived fact of a type. */
    public <T> List<T> derived(Class<T> type) {
        return derivations.keySet().stream().filter(type::isInstance).map(type::cast).toList();
    }
}
