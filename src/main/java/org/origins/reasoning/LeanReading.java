package org.origins.reasoning;

import org.drools.core.common.InternalFactHandle;
import org.drools.tms.LogicalDependency;
import org.drools.tms.SimpleMode;
import org.drools.tms.TruthMaintenanceSystemEqualityKey;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.rule.FactHandle;
import org.kie.api.runtime.rule.Match;
import org.origins.facts.Effect;
import org.origins.kb.KnowledgeBase;
import org.origins.rules.RuleBase;
import org.origins.rules.RuleInfo;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * The lean reading of a session for batch prediction: instead of every derived fact's
 * justifications (what {@link LiveSession#snapshot()} reads), only those of the derived {@link Effect}s and of
 * the derived facts their matches used, transitively — all that levels (folded from the effects)
 * and grades (the weakest link of an effect's best support) depend on. Mechanisms, base doubts and
 * the Lineage/Earlier facts no effect rests on are not read. Levels and grades computed from it
 * are those of the full snapshot (a test checks it); proofs and notes are not.
 */
final class LeanReading {
    private LeanReading() {
    }

    /** Reads a fired session holding {@code stated}, the facts of {@code kb}. */
    static Reasoning of(KieSession session, KnowledgeBase kb, RuleBase rules, StatedFacts stated) {
        Map<Object, InternalFactHandle> derived = new IdentityHashMap<>((int) session.getFactCount()); // sized once
        ArrayDeque<Object> todo = new ArrayDeque<>();
        for (FactHandle h : session.getFactHandles()) {
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
        Map<String, RuleInfo> infos = new java.util.HashMap<>();
        while (!todo.isEmpty()) {
            Object fact = todo.poll();
            InternalFactHandle handle = derived.put(fact, null); // null: read already
            if (handle == null) {
                continue;
            }
            var key = (TruthMaintenanceSystemEqualityKey) handle.getEqualityKey();
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
                    if (derived.get(p) != null) {
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
        Map<Object, List<Derivation>> map;
        try {
            @SuppressWarnings("unchecked")
            Map<Object, List<Derivation>> immutable = Map.ofEntries(out.toArray(new Map.Entry[0]));
            map = immutable;
        } catch (IllegalArgumentException equalFacts) { // two equal derived facts: the last wins, as in snapshot()
            map = new java.util.LinkedHashMap<>();
            for (var e : out) {
                map.put(e.getKey(), e.getValue());
            }
        }
        return new Reasoning(kb, rules, stated, map);
    }
}
