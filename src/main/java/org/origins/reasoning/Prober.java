package org.origins.reasoning;

import org.kie.api.KieBase;
import org.kie.api.KieServices;
import org.kie.api.builder.KieBuilder;
import org.kie.api.builder.KieFileSystem;
import org.kie.api.builder.Message;
import org.kie.api.builder.ReleaseId;
import org.kie.api.event.rule.AfterMatchFiredEvent;
import org.kie.api.event.rule.DefaultAgendaEventListener;
import org.kie.api.runtime.KieSession;
import org.origins.rules.Condition;
import org.origins.rules.RuleInfo;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Finds, for rules that did not fire, the first condition with no match: it compiles probe rules
 * made of each rule's growing prefixes (patterns 1..k, the k-th with its first j constraints) and
 * runs them on the facts of one model's lineage, stated and derived. The engine itself judges
 * every condition, exactly as written.
 */
public final class Prober {

    /**
     * The outcome for one rule: {@code failingPattern} is the index of the first pattern that no
     * fact satisfies (-1 when all match), {@code failingConstraint} the first of its constraints
     * that removes the last candidate (-1 when the pattern has no candidate fact of its type at all,
     * or the pattern was judged whole), {@code matched} the facts that matched the longest prefix.
     */
    public record Result(RuleInfo rule, int failingPattern, int failingConstraint, List<Object> matched,
                         List<Object> candidates) {
        public boolean allMatch() {
            return failingPattern < 0;
        }
    }

    private Prober() {
    }

    public static Map<String, Result> probe(Reasoning lineage, List<RuleInfo> rules) {
        StringBuilder drl = new StringBuilder("package org.origins.probes;\n");
        Set<String> imports = new LinkedHashSet<>();
        rules.forEach(r -> imports.addAll(r.imports()));
        imports.forEach(i -> drl.append("import ").append(i).append(";\n"));
        List<RuleInfo> probed = new ArrayList<>();
        for (int ri = 0; ri < rules.size(); ri++) {
            RuleInfo r = rules.get(ri);
            List<Condition> cs = r.conditions();
            if (cs.stream().anyMatch(c -> c.scope().equals("other"))) {
                continue;
            }
            probed.add(r);
            for (int k = 0; k < cs.size(); k++) {
                boolean whole = !cs.get(k).scope().isEmpty();
                int from = whole ? cs.get(k).constraints().size() : 0;
                for (int j = from; j <= cs.get(k).constraints().size(); j++) {
                    drl.append("rule \"").append(ri).append('|').append(k).append('|').append(j).append("\"\nwhen\n");
                    for (int p = 0; p < k; p++) {
                        drl.append("    ").append(cs.get(p).text()).append('\n');
                    }
                    drl.append("    ").append(prefix(cs.get(k), j)).append("\nthen\nend\n");
                }
            }
        }
        KieSession s = COMPILED.get(drl.toString()).newKieSession();
        Map<String, List<List<Object>>> fired = new HashMap<>();
        s.addEventListener(new DefaultAgendaEventListener() {
            @Override
            public void afterMatchFired(AfterMatchFiredEvent e) {
                fired.computeIfAbsent(e.getMatch().getRule().getName(), x -> new ArrayList<>())
                        .add(List.copyOf(e.getMatch().getObjects()));
            }
        });
        try {
            Watchdog.run(lineage.rules(), null, () -> {   // the probes are the rules' own conditions: code, that may not end
                lineage.stated().models().forEach(s::insert);
                lineage.stated().stages().forEach(s::insert);
                lineage.derived(Object.class).forEach(s::insert);
                return s.fireAllRules();
            });
        } finally {
            s.dispose();
        }
        Map<String, Result> out = new HashMap<>();
        for (RuleInfo r : probed) {
            out.put(r.name(), judge(rules.indexOf(r), r, fired));
        }
        return out;
    }

    /**
     * The probe rules compiled, by their text: the same candidate rules (an ability and a level, on the same
     * rule base) make the same text, so that a long-lived process (the shell, {@code origins serve}) compiles
     * each set once instead of on every why-not. Each is built under a release id of its own, taken out of
     * the KIE repository once its rule base is made: builds on two threads at once never see each other's
     * module.
     */
    private static final class Compiled {
        private static final int KEEP = 64;
        private final AtomicLong builds = new AtomicLong();
        private final Map<String, KieBase> bases = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, KieBase> eldest) {
                return size() > KEEP;
            }
        };

        KieBase get(String drl) {
            synchronized (this) {
                KieBase known = bases.get(drl);
                if (known != null) {
                    return known;
                }
            }
            KieBase made = compile(drl);
            synchronized (this) {
                return bases.computeIfAbsent(drl, d -> made);
            }
        }

        private KieBase compile(String drl) {
            KieServices ks = KieServices.Factory.get();
            ReleaseId id = ks.newReleaseId("org.origins.probes", "probes", "1.0." + builds.incrementAndGet());
            KieFileSystem kfs = ks.newKieFileSystem().generateAndWritePomXML(id);
            kfs.write("src/main/resources/org/origins/probes/probes.drl", drl);
            KieBuilder b = ks.newKieBuilder(kfs).buildAll();
            try {
                if (!b.getResults().getMessages(Message.Level.ERROR).isEmpty()) {
                    throw new IllegalStateException("probe rules did not compile: " + b.getResults().getMessages(Message.Level.ERROR));
                }
                return ks.newKieContainer(id).getKieBase();
            } finally {
                ks.getRepository().removeKieModule(id);
            }
        }
    }

    private static final Compiled COMPILED = new Compiled();

    private static String prefix(Condition c, int j) {
        List<String> parts = c.constraints().subList(0, j).stream().map(Condition.Constraint::text).toList();
        String body = c.type() + "( " + String.join(", ", parts) + " )";
        String pattern = c.binding() == null ? body : c.binding() + " : " + body;
        return c.scope().isEmpty() ? pattern : c.scope() + " " + pattern;
    }

    private static Result judge(int ri, RuleInfo r, Map<String, List<List<Object>>> fired) {
        List<Condition> cs = r.conditions();
        List<Object> matched = List.of();
        for (int k = 0; k < cs.size(); k++) {
            boolean whole = !cs.get(k).scope().isEmpty();
            int n = cs.get(k).constraints().size();
            List<List<Object>> lastPartial = null;
            for (int j = whole ? n : 0; j <= n; j++) {
                List<List<Object>> matches = fired.get(ri + "|" + k + "|" + j);
                if (matches == null) {
                    int at = matched.size();
                    List<Object> candidates = lastPartial == null ? List.of()
                            : lastPartial.stream().filter(m -> m.size() > at).map(m -> m.get(at)).distinct().toList();
                    return new Result(r, k, whole ? -1 : j - 1, matched, candidates);
                }
                lastPartial = matches;
            }
            matched = lastPartial.get(0);
        }
        return new Result(r, -1, -1, matched, List.of());
    }
}
