package org.origins.reasoning;

import org.drools.core.common.InternalFactHandle;
import org.drools.tms.LogicalDependency;
import org.drools.tms.SimpleMode;
import org.drools.tms.TruthMaintenanceSystemEqualityKey;
import org.kie.api.runtime.rule.FactHandle;
import org.kie.api.runtime.rule.Match;
import org.origins.facts.Effect;
import org.origins.rules.RuleBase;
import org.origins.rules.RuleInfo;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The lean reading of a session for batch prediction: instead of every derived fact's
 * justifications ({@link LiveSession#snapshot()}), only those of the derived {@link Effect}s and of
 * the derived facts their matches used, transitively — all that levels (folded from the effects)
 * and grades (the weakest link of an effect's best support) depend on. Mechanisms, base doubts and
 * the Lineage/Earlier facts no effect rests on are not read. Levels and grades computed from it
 * are those of the full snapshot (a test checks it); proofs and notes are not.
 */
final class LeanReading {
    private LeanReading() {
    }

    static Reasoning of(LiveSession s) {
        RuleBase rules = s.rules();
        Map<Object, InternalFactHandle> derived = new IdentityHashMap<>();
        ArrayDeque<Object> todo = new ArrayDeque<>();
        for (FactHandle h : s.kieSession().getFactHandles()) {
            InternalFactHandle ih = (InternalFactHandle) h;
            if (ih.getEqualityKey() instanceof TruthMaintenanceSystemEqualityKey key && key.getBeliefSet() != null) {
                Object o = ih.getObject();
                derived.put(o, ih);
                if (o instanceof Effect) {
                    todo.add(o);
                }
            }
        }
        List<Map.Entry<Object, List<Derivation>>> out = new ArrayList<>();
        Set<Object> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        Map<String, RuleInfo> infos = new java.util.HashMap<>();
        while (!todo.isEmpty()) {
            Object fact = todo.poll();
            if (!seen.add(fact)) {
                continue;
            }
            var key = (TruthMaintenanceSystemEqualityKey) derived.get(fact).getEqualityKey();
            List<Derivation> ds = new ArrayList<>(1);
            for (var mode = (SimpleMode) key.getBeliefSet().getFirst(); mode != null; mode = mode.getNext()) {
                LogicalDependency<?> dep = mode.getObject();
                Match justifier = dep.getJustifier();
                String name = justifier.getRule().getName();
                RuleInfo info = infos.computeIfAbsent(name, n -> rules.byName(n)
                        .orElseGet(() -> new RuleInfo(n, n, null, null, null, null, rules.directory(), 0, List.of(), List.of(),
                                "", List.of())));
                List<Object> premises = List.copyOf(justifier.getObjects());
                for (Object p : premises) {
                    if (derived.containsKey(p) && !seen.contains(p)) {
                        todo.add(p);
                    }
                }
                ds.add(new Derivation(fact, info, premises));
            }
            if (!ds.isEmpty()) {
                out.add(Map.entry(fact, ds));
            }
        }
        // an immutable map, so that Reasoning does not copy it (each key is a deep record: hashed once)
        @SuppressWarnings("unchecked")
        Map<Object, List<Derivation>> map = Map.ofEntries(out.toArray(new Map.Entry[0]));
        return new Reasoning(s.kb(), rules, s.stated(), map);
    }
}
