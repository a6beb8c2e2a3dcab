package org.origins.reliability;

import org.origins.TestKit;
import org.origins.Cli;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.kie.api.event.rule.AfterMatchFiredEvent;
import org.kie.api.event.rule.DefaultAgendaEventListener;
import org.kie.api.runtime.KieSession;
import org.origins.io.InputException;
import org.origins.io.Problem;
import org.origins.kb.KbLoader;
import org.origins.kb.KnowledgeBase;
import org.origins.kb.Level;
import org.origins.reasoning.FactBuilder;
import org.origins.reasoning.LiveSession;
import org.origins.reasoning.Reasoner;
import org.origins.reasoning.Reasoning;
import org.origins.reasoning.RuleFailure;
import org.origins.reasoning.StatedFacts;
import org.origins.rules.RuleBase;
import org.origins.rules.RuleCompiler;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
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
        Path one = TestKit.copyDir(Run.RULES, tmp.resolve("one"));
        Run.write(one.resolve("never-stops.drl"), Run.corpus("rules/never-stops.drl"));
        looping = RuleCompiler.compile(one);
        Path two = TestKit.copyDir(one, tmp.resolve("two"));
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
        Path rulesDir = TestKit.copyDir(Run.RULES, tmp.resolve("rules"));
        Run.write(rulesDir.resolve("never-stops.drl"), Run.corpus("rules/never-stops.drl"));

        Cli.Result r = assertTimeoutPreemptively(LIMIT, () -> Cli.run("abilities", "davinci", "--max-firings", "5000",
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
        Cli.Result r = batchOfTwo(tmp, "never-stops.drl", "--max-firings", "3000");

        assertThat(r.code()).as(r.err()).isEqualTo(2);
        r.noStackTrace();
        assertThat(r.out().lines().toList()).hasSize(2).allSatisfy(l -> assertThat(l)
                .contains("\"error\"").contains("rules fired 3000 times without settling").contains("bad.never-stops ("));
    }

    /**
     * A rule that halts the engine in the batch's lean session: the chunk is not taken as settled
     * (every ability "none" would be), each model is redone alone and gets the error naming the rule.
     */
    @Test
    void aRuleThatHaltsABatchGivesEachModelAnErrorNotAnAnswer(@TempDir Path tmp) {
        Cli.Result r = batchOfTwo(tmp, "halt.drl");

        assertThat(r.code()).as(r.err()).isEqualTo(2);
        r.noStackTrace();
        assertThat(r.out().lines().toList()).hasSize(2).allSatisfy(l -> assertThat(l)
                .contains("\"error\"").contains("bad.halt halted the engine").doesNotContain("\"levels\""));
    }

    /** predict --batch of two hypothetical models, with the real rules and the corpus' {@code rule} file, within {@link #LIMIT}. */
    private static Cli.Result batchOfTwo(Path tmp, String rule, String... options) {
        Path rulesDir = TestKit.copyDir(Run.RULES, tmp.resolve("rules"));
        Run.write(rulesDir.resolve(rule), Run.corpus("rules/" + rule));
        Path batch = Run.write(tmp.resolve("models.jsonl"), ("{\"id\": \"batch-one\", \"hypothetical\": true, \"parent\": \"opt-175b\", \"stages\": []}\n"
                + "{\"id\": \"batch-two\", \"hypothetical\": true, \"parent\": \"davinci\", \"stages\": []}\n").getBytes(StandardCharsets.UTF_8));
        List<String> args = new ArrayList<>(List.of("predict", "--batch", batch.toString(), "--rules", rulesDir.toString()));
        args.addAll(List.of(options));
        return assertTimeoutPreemptively(LIMIT, () -> Cli.run(args.toArray(String[]::new)));
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

        assertThat(levels(Reasoner.run(kb, rules, needed))).as("every level as without a cap").isEqualTo(uncapped());
        assertThat(fired(stopped(rules, needed - 1).problems().get(0))).isEqualTo(needed - 1);
    }

    /** Drools reads a negative limit as "no limit": --max-firings -1 used to let a looping rule run forever. */
    @ParameterizedTest(name = "--max-firings {0}")
    @ValueSource(strings = {"-1", "0", "-9223372036854775808"})
    void aCapBelowOneIsBadInputNotAHang(String cap, @TempDir Path tmp) {
        Path rulesDir = TestKit.copyDir(Run.RULES, tmp.resolve("rules"));
        Run.write(rulesDir.resolve("never-stops.drl"), Run.corpus("rules/never-stops.drl"));

        Cli.Result r = assertTimeoutPreemptively(LIMIT, () -> Cli.run("abilities", "davinci", "--max-firings", cap,
                "--rules", rulesDir.toString()));

        r.rejected(2);
        assertThat(r.err()).contains("--max-firings must be at least 1").contains("found " + cap);
        assertThat(catchThrowableOfType(InputException.class, () -> Reasoner.run(kb, rules, 0))).isNotNull();
    }

    @Test
    void aHugeCapStillAnswers() {
        assertThat(levels(Reasoner.run(kb, rules, Long.MAX_VALUE))).isEqualTo(uncapped());
        Cli.Result r = Cli.run("abilities", "chatgpt", "--max-firings", String.valueOf(Long.MAX_VALUE));
        assertThat(r.code()).as(r.err()).isZero();
    }

    /** What-if keeps a live session and fires again: the cap holds there too. */
    @Test
    void theCapHoldsInALiveSession() {
        try (LiveSession s = LiveSession.open(kb, rules, 100_000)) {
            assertThat(levels(s.snapshot())).isEqualTo(uncapped());
        }
        RuleFailure f = assertTimeoutPreemptively(LIMIT, () -> catchThrowableOfType(RuleFailure.class,
                () -> LiveSession.open(kb, looping, 2000)));
        assertThat(fired(f.problems().get(0))).isEqualTo(2000);
    }

    /** Every model's level of every ability. */
    private static Map<String, Map<String, Level>> levels(Reasoning r) {
        Map<String, Map<String, Level>> out = new TreeMap<>();
        r.kb().models().forEach(m -> out.put(m.id(), r.levels(m.id())));
        return out;
    }

    /** The levels of a run with the default cap, which the real rules never reach. */
    private static Map<String, Map<String, Level>> uncapped() {
        Map<String, Map<String, Level>> out = levels(Reasoner.run(kb, rules));
        assertThat(out.get("code-davinci-002").get("chain-of-thought")).as("a run that concluded something").isEqualTo(Level.STRONG);
        return out;
    }
}
