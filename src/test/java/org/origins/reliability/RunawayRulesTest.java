package org.origins.reliability;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.kie.api.event.rule.AfterMatchFiredEvent;
import org.kie.api.event.rule.DefaultAgendaEventListener;
import org.kie.api.runtime.KieSession;
import org.origins.kb.InputException;
import org.origins.kb.KbLoader;
import org.origins.kb.KnowledgeBase;
import org.origins.kb.Problem;
import org.origins.reasoning.FactBuilder;
import org.origins.reasoning.LiveSession;
import org.origins.reasoning.Reasoner;
import org.origins.reasoning.RuleFailure;
import org.origins.reasoning.StatedFacts;
import org.origins.rules.RuleBase;
import org.origins.rules.RuleCompiler;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * Runaway rules: a rule that never stops firing is stopped at the firing cap (--max-firings), with
 * a message naming the rules that fired most, and nothing is reported as if the run were complete.
 */
class RunawayRulesTest {
    private static final Pattern FIRED = Pattern.compile("rules fired (\\d+) times without settling");
    private static final Pattern COUNT = Pattern.compile("([\\w.-]+) \\((\\d+)\\)");
    private static final Duration LIMIT = Duration.ofSeconds(60);

    private static KnowledgeBase kb;
    /** The real rules. */
    private static RuleBase rules;
    /** The real rules and the looping rule of the corpus. */
    private static RuleBase looping;
    /** The real rules and two looping rules. */
    private static RuleBase twoLoops;

    @BeforeAll
    static void compile(@TempDir Path tmp) {
        kb = KbLoader.load(Run.FACTS);
        rules = RuleCompiler.compile(Run.RULES);
        Path one = Run.copyDir(Run.RULES, tmp.resolve("one"));
        Run.write(one.resolve("never-stops.drl"), Run.corpus("rules/never-stops.drl"));
        looping = RuleCompiler.compile(one);
        Path two = Run.copyDir(one, tmp.resolve("two"));
        String second = new String(Run.corpus("rules/never-stops.drl"), StandardCharsets.UTF_8)
                .replace("bad.never-stops", "bad.never-stops-either").replace("$d + 1", "$d + 2");
        Run.write(two.resolve("never-stops-either.drl"), second.getBytes(StandardCharsets.UTF_8));
        twoLoops = RuleCompiler.compile(two);
    }

    private static RuleFailure stopped(RuleBase rb, long cap) {
        RuleFailure f = assertTimeoutPreemptively(LIMIT, () -> catchThrowableOfType(RuleFailure.class, () -> Reasoner.run(kb, rb, cap)));
        assertThat(f).as("the run is stopped").isNotNull();
        assertThat(f.problems()).hasSize(1);
        return f;
    }

    private static long fired(Problem p) {
        Matcher m = FIRED.matcher(p.message());
        assertThat(m.find()).as("the message says how often rules fired: %s", p).isTrue();
        return Long.parseLong(m.group(1));
    }

    /** The per-rule counts of "most firings: a (3), b (2)". */
    private static List<Long> counts(Problem p) {
        String list = p.message().substring(p.message().indexOf("most firings: "));
        List<Long> out = new ArrayList<>();
        Matcher m = COUNT.matcher(list);
        while (m.find()) {
            out.add(Long.parseLong(m.group(2)));
        }
        return out;
    }

    @Test
    void theLoopingRuleIsStoppedWithinTheCapAndNamed(@TempDir Path tmp) {
        Path rulesDir = Run.copyDir(Run.RULES, tmp.resolve("rules"));
        Run.write(rulesDir.resolve("never-stops.drl"), Run.corpus("rules/never-stops.drl"));

        Run.Result r = assertTimeoutPreemptively(LIMIT, () -> Run.cli("abilities", "davinci", "--max-firings", "5000",
                "--rules", rulesDir.toString()));

        r.rejected(2);
        assertThat(r.err()).contains("never-stops.drl:7: ")
                .contains("rules fired 5000 times without settling (the cap is 5000; --max-firings raises it)")
                .contains("most firings: bad.never-stops (")
                .contains("no conclusions are reported from an incomplete run");
    }

    /** predict --batch runs a session per chunk of models: each is capped, each model gets the error, the stream ends. */
    @Test
    void aBatchPredictionIsStoppedToo(@TempDir Path tmp) {
        Path rulesDir = Run.copyDir(Run.RULES, tmp.resolve("rules"));
        Run.write(rulesDir.resolve("never-stops.drl"), Run.corpus("rules/never-stops.drl"));
        Path batch = Run.write(tmp.resolve("models.jsonl"), ("{\"id\": \"batch-one\", \"hypothetical\": true, \"parent\": \"opt-175b\", \"stages\": []}\n"
                + "{\"id\": \"batch-two\", \"hypothetical\": true, \"parent\": \"davinci\", \"stages\": []}\n").getBytes(StandardCharsets.UTF_8));

        Run.Result r = assertTimeoutPreemptively(LIMIT, () -> Run.cli("predict", "--batch", batch.toString(), "--max-firings", "3000",
                "--rules", rulesDir.toString()));

        assertThat(r.code()).as(r.err()).isEqualTo(2);
        r.noStackTrace();
        assertThat(r.out().lines().toList()).hasSize(2).allSatisfy(l -> assertThat(l)
                .contains("\"error\"").contains("rules fired 3000 times without settling").contains("bad.never-stops ("));
    }

    @ParameterizedTest(name = "cap {0}")
    @ValueSource(longs = {1, 10, 100, 1000, 5000, 20_000})
    void noMoreFiringsThanTheCap(long cap) {
        Problem p = stopped(looping, cap).problems().get(0);

        assertThat(fired(p)).isEqualTo(cap);
        assertThat(counts(p)).allSatisfy(n -> assertThat(n).isLessThanOrEqualTo(cap));
        assertThat(counts(p).stream().mapToLong(Long::longValue).sum()).isLessThanOrEqualTo(cap);
        if (cap >= 5000) { // once the real knowledge base's own firings are a small part of the cap
            assertThat(p.message()).contains("most firings: bad.never-stops (");
            assertThat(p.file().getFileName().toString()).isEqualTo("never-stops.drl");
            assertThat(p.line()).isEqualTo(7);
        }
    }

    /** Drools' own firing limit is not a per-run total: with two runaway rules it overshot the cap. */
    @Test
    void twoLoopingRulesTogetherStayWithinTheCap() {
        Problem p = stopped(twoLoops, 3000).problems().get(0);

        assertThat(fired(p)).isEqualTo(3000);
        assertThat(p.message()).containsAnyOf("bad.never-stops (", "bad.never-stops-either (");
        assertThat(counts(p).stream().mapToLong(Long::longValue).sum()).isLessThanOrEqualTo(3000);
    }

    /** The firings the real knowledge base needs, counted on a bare Drools session. */
    private static long firingsNeeded() {
        KieSession s = rules.kieBase().newKieSession();
        long[] n = {0};
        s.addEventListener(new DefaultAgendaEventListener() {
            @Override
            public void afterMatchFired(AfterMatchFiredEvent event) {
                n[0]++;
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
        return n[0];
    }

    @Test
    void aCapOfExactlyTheFiringsNeededIsEnough() {
        long needed = firingsNeeded();
        assertThat(needed).isGreaterThan(100);

        assertThat(Reasoner.run(kb, rules, needed).levels("code-davinci-002")).isNotEmpty();
        assertThat(fired(stopped(rules, needed - 1).problems().get(0))).isEqualTo(needed - 1);
    }

    /** Drools reads a negative limit as "no limit": --max-firings -1 used to let a looping rule run forever. */
    @ParameterizedTest(name = "--max-firings {0}")
    @ValueSource(strings = {"-1", "0", "-9223372036854775808"})
    void aCapBelowOneIsBadInputNotAHang(String cap, @TempDir Path tmp) {
        Path rulesDir = Run.copyDir(Run.RULES, tmp.resolve("rules"));
        Run.write(rulesDir.resolve("never-stops.drl"), Run.corpus("rules/never-stops.drl"));

        Run.Result r = assertTimeoutPreemptively(LIMIT, () -> Run.cli("abilities", "davinci", "--max-firings", cap,
                "--rules", rulesDir.toString()));

        r.rejected(2);
        assertThat(r.err()).contains("--max-firings must be at least 1").contains("found " + cap);
        assertThat(catchThrowableOfType(InputException.class, () -> Reasoner.run(kb, rules, 0))).isNotNull();
    }

    @Test
    void aHugeCapStillAnswers() {
        assertThat(Reasoner.run(kb, rules, Long.MAX_VALUE).levels("chatgpt")).isNotEmpty();
        Run.Result r = Run.cli("abilities", "chatgpt", "--max-firings", String.valueOf(Long.MAX_VALUE));
        assertThat(r.code()).as(r.err()).isZero();
    }

    /** What-if keeps a live session and fires again: the cap holds there too. */
    @Test
    void theCapHoldsInALiveSession() {
        try (LiveSession s = LiveSession.open(kb, rules, 100_000)) {
            assertThat(s.snapshot().levels("davinci")).isNotEmpty();
        }
        RuleFailure f = assertTimeoutPreemptively(LIMIT, () -> catchThrowableOfType(RuleFailure.class,
                () -> LiveSession.open(kb, looping, 2000)));
        assertThat(fired(f.problems().get(0))).isEqualTo(2000);
    }

    /**
     * The cap's overhead, measured, not asserted: the real knowledge base reasoned 100 times each
     * way, interleaved in rotating order, after a warm-up; the medians are printed. Through origins (with the default
     * cap and with a huge one), and on a bare Drools session with and without listeners like the
     * cap's (a per-rule counter and a before-firing check), which isolates what the cap costs.
     * Run with -Dorigins.bench=true.
     */
    @Test
    @EnabledIfSystemProperty(named = "origins.bench", matches = "true")
    void capOverhead() {
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
        int n = 100;
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
                n, firingsNeeded(), LiveSession.DEFAULT_MAX_FIRINGS, median(t[0]), median(t[1]), median(t[2]), median(t[3]));
    }

    /** Insert and fire on a bare session, optionally with listeners doing what the cap's do. */
    private static void bare(boolean listeners) {
        KieSession s = rules.kieBase().newKieSession();
        if (listeners) {
            java.util.Map<String, Long> counts = new java.util.HashMap<>();
            long[] fired = {0};
            s.addEventListener(new DefaultAgendaEventListener() {
                @Override
                public void beforeMatchFired(org.kie.api.event.rule.BeforeMatchFiredEvent event) {
                    if (fired[0] >= Long.MAX_VALUE) {
                        throw new IllegalStateException();
                    }
                }

                @Override
                public void afterMatchFired(AfterMatchFiredEvent event) {
                    fired[0]++;
                    counts.merge(event.getMatch().getRule().getName(), 1L, Long::sum);
                }
            });
        }
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
    }

    private static double median(long[] nanos) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        return (sorted.length % 2 == 1 ? sorted[sorted.length / 2]
                : (sorted[sorted.length / 2 - 1] + sorted[sorted.length / 2]) / 2.0) / 1e6;
    }
}
