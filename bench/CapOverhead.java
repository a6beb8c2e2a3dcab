import org.kie.api.event.rule.AfterMatchFiredEvent;
import org.kie.api.event.rule.BeforeMatchFiredEvent;
import org.kie.api.event.rule.DefaultAgendaEventListener;
import org.kie.api.runtime.KieSession;
import org.origins.kb.KbLoader;
import org.origins.kb.KnowledgeBase;
import org.origins.reasoning.FactBuilder;
import org.origins.reasoning.LiveSession;
import org.origins.reasoning.Reasoner;
import org.origins.reasoning.StatedFacts;
import org.origins.rules.RuleBase;
import org.origins.rules.RuleCompiler;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * What the firing cap (--max-firings) costs, measured, not asserted: the real knowledge base
 * reasoned N times each way, interleaved in rotating order after a warm-up, medians printed. Through
 * origins (with the default cap and with a huge one), and on a bare Drools session with and without
 * listeners like the cap's (a per-rule counter and a before-firing check), which isolates the cap.
 * Run by bench/cap-overhead.sh.
 */
public final class CapOverhead {
    private static KnowledgeBase kb;
    private static RuleBase rules;

    public static void main(String[] args) {
        kb = KbLoader.load(Path.of(args[0]));
        rules = RuleCompiler.compile(Path.of(args[1]));
        int n = args.length > 2 ? Integer.parseInt(args[2]) : 100;
        Runnable[] ways = {
                () -> Reasoner.run(kb, rules, LiveSession.DEFAULT_MAX_FIRINGS),
                () -> Reasoner.run(kb, rules, Long.MAX_VALUE),
                () -> bare(false),
                () -> bare(true)};
        for (int i = 0; i < 50; i++) {
            for (Runnable w : ways) {
                w.run();
            }
        }
        long[][] t = new long[ways.length][n];
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < ways.length; k++) {
                int w = (i + k) % ways.length; // rotated, so that no way always runs right after another
                long t0 = System.nanoTime();
                ways[w].run();
                t[w][i] = System.nanoTime() - t0;
            }
        }
        System.out.printf("firing cap overhead, median of %d runs of the real knowledge base (%d firings each):%n"
                        + "  origins, default cap (%d):             %.2f ms%n"
                        + "  origins, huge cap (Long.MAX_VALUE):        %.2f ms%n"
                        + "  bare Drools session, no listeners:         %.2f ms%n"
                        + "  bare Drools session, cap-like listeners:   %.2f ms%n",
                n, bare(false), LiveSession.DEFAULT_MAX_FIRINGS, median(t[0]), median(t[1]), median(t[2]), median(t[3]));
    }

    /** Insert and fire on a bare session, optionally with listeners doing what the cap's do; the firings. */
    private static long bare(boolean listeners) {
        KieSession s = rules.kieBase().newKieSession();
        long[] fired = {0};
        Map<String, Long> counts = new HashMap<>();
        s.addEventListener(new DefaultAgendaEventListener() {
            @Override
            public void beforeMatchFired(BeforeMatchFiredEvent event) {
                if (listeners && fired[0] >= Long.MAX_VALUE) {
                    throw new IllegalStateException();
                }
            }

            @Override
            public void afterMatchFired(AfterMatchFiredEvent event) {
                fired[0]++;
                if (listeners) {
                    counts.merge(event.getMatch().getRule().getName(), 1L, Long::sum);
                }
            }
        });
        try {
            StatedFacts facts = FactBuilder.build(kb);
            facts.models().forEach(s::insert);
            facts.stages().forEach(s::insert);
            var filter = rules.agendaFilter(); // the default view leaves superseded rules out
            if (filter == null) {
                s.fireAllRules();
            } else {
                s.fireAllRules(filter);
            }
        } finally {
            s.dispose();
        }
        return fired[0];
    }

    private static double median(long[] nanos) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        return (sorted.length % 2 == 1 ? sorted[sorted.length / 2]
                : (sorted[sorted.length / 2 - 1] + sorted[sorted.length / 2]) / 2.0) / 1e6;
    }
}
