package org.origins.reasoning;

import org.origins.io.Problem;
import org.origins.rules.RuleBase;
import org.origins.rules.RuleInfo;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs what executes rule code (inserting facts, firing rules: conditions and actions are code an
 * analyst wrote) under a wall-clock limit, on a worker thread of its own, so that nothing a rule
 * does can hang origins or the shell:
 * <ul>
 *   <li>past the limit ({@code --timeout}, default {@value #DEFAULT_SECONDS} s) the rule that was
 *   running is named (read from the worker's stack: Drools compiles each rule into classes named
 *   after it) and the worker is stopped with {@link Thread#stop()}, the only way to end a loop that
 *   never looks up (a {@code while (true)} in an action or an {@code eval}); deprecated, it still
 *   works on Java 17. Where it is gone (Java 20 on), the worker is left behind as a daemon thread:
 *   the command still answers, and the process ends at its exit; the shell says so;</li>
 *   <li>a {@link StackOverflowError} or {@link OutOfMemoryError} of the worker becomes a
 *   {@link ReasoningCrash} naming the rule (exit 3), not a stack trace; the worker's stack and heap
 *   are released with it.</li>
 * </ul>
 */
public final class Watchdog {
    public static final int DEFAULT_SECONDS = 60;
    private static final Pattern RULE_CLASS = Pattern.compile("(?:^|[.$])Rule_(.+)$");
    private static final Pattern ESCAPE = Pattern.compile("\\$u(\\d+)\\$");
    private static volatile Duration limit = Duration.ofSeconds(DEFAULT_SECONDS);

    private Watchdog() {
    }

    /** The limit of every run from now on in this process (the command line's --timeout). */
    public static void limit(Duration d) {
        limit = d;
    }

    public static Duration limit() {
        return limit;
    }

    /** "30s", "2m", "1500ms", "1h", or seconds: "45". */
    public static Duration parse(String text) {
        Matcher m = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*(ms|s|m|h)?").matcher(text.strip().toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            throw new IllegalArgumentException("expected a duration such as 30s, 2m or 500ms, found \"" + text + "\"");
        }
        double n = Double.parseDouble(m.group(1));
        String unit = m.group(2) == null ? "s" : m.group(2);
        double ms = n * switch (unit) {
            case "ms" -> 1;
            case "m" -> 60_000;
            case "h" -> 3_600_000;
            default -> 1_000;
        };
        if (ms < 1 || ms > 7 * 24 * 3_600_000d) {
            throw new IllegalArgumentException("expected a duration from 1ms to 7 days, found \"" + text + "\"");
        }
        return Duration.ofMillis((long) ms);
    }

    /**
     * Runs {@code work} on a worker thread within the limit. {@code firing} tells which rule's action
     * is running, when the caller tracks it (null: read from the stack only).
     */
    public static <T> T run(RuleBase rules, Supplier<String> firing, Supplier<T> work) {
        Object[] result = new Object[1];
        Throwable[] failure = new Throwable[1];
        Thread worker = new Thread(() -> {
            try {
                result[0] = work.get();
            } catch (Throwable t) {   // NOPMD: every failure, Errors included, goes back to the caller
                failure[0] = t;
            }
        }, "origins-rules");
        worker.setDaemon(true);
        worker.setUncaughtExceptionHandler((t, e) -> { });
        Duration d = limit;
        worker.start();
        try {
            worker.join(Math.max(1, d.toMillis()));
        } catch (InterruptedException e) {
            stop(worker);
            Thread.currentThread().interrupt();
            throw new RuleFailure(List.of(Problem.error(rules.directory(), 0, 0, null, "interrupted while the rules ran; "
                    + "no conclusions are reported from an incomplete run")));
        }
        if (worker.isAlive()) {
            Culprit culprit = culprit(rules, worker.getStackTrace(), firing);
            boolean stopped = stop(worker);
            throw new RuleTimeout(List.of(Problem.error(culprit.file(rules), culprit.line(), 0, null, "the rules did not finish within "
                    + seconds(d) + " (--timeout raises the limit): " + (culprit.text() == null ? "no rule could be named"
                    : culprit.text() + " was running") + " when it was stopped; no conclusions are reported from an incomplete run"
                    + (stopped ? "" : " (the rule could not be stopped; it runs on until origins exits)"))), stopped);
        }
        Throwable t = failure[0];
        if (t == null) {
            @SuppressWarnings("unchecked")
            T r = (T) result[0];
            return r;
        }
        if (t instanceof StackOverflowError || t instanceof OutOfMemoryError) {
            String culprit = culprit(rules, t.getStackTrace(), firing).text();
            String where = culprit == null ? "" : " (" + culprit + ")";
            throw new ReasoningCrash(t instanceof StackOverflowError
                    ? "the stack overflowed while the rules ran" + where + ": a rule, or a function it calls, recurses without end; "
                    + "no conclusions are reported"
                    : "out of memory while the rules ran" + where + ": a rule keeps allocating, or the input is too large for this "
                    + "heap (ORIGINS_JAVA_OPTS=-Xmx4g gives Java more; a smaller --chunk helps predict --batch); no conclusions are "
                    + "reported", t);
        }
        if (t instanceof RuntimeException re) {
            throw re;
        }
        if (t instanceof Error e) {
            throw e;
        }
        throw new IllegalStateException(t);
    }

    private static String seconds(Duration d) {
        long ms = d.toMillis();
        return ms % 1000 == 0 ? ms / 1000 + " s" : ms + " ms";
    }

    @SuppressWarnings({"deprecation", "removal"})
    private static boolean stop(Thread worker) {
        try {
            worker.stop();
        } catch (UnsupportedOperationException | SecurityException e) {
            return false;
        }
        try {
            worker.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return !worker.isAlive();
    }

    /** What was running: the rule (when known) and how to say it ("rule X (its action)"), or nothing known. */
    record Culprit(RuleInfo rule, String text) {
        Path file(RuleBase rules) {
            return rule == null ? rules.directory() : rule.file();
        }

        int line() {
            return rule == null ? 0 : rule.line();
        }
    }

    /**
     * The innermost frame of a class Drools generated for a rule ({@code Rule_<name with $uNN$ escapes>...});
     * else the rule whose action the caller saw start; else the innermost frame of the rules' own code
     * (a DRL function).
     */
    static Culprit culprit(RuleBase rules, StackTraceElement[] stack, Supplier<String> firing) {
        for (StackTraceElement e : stack) {
            Matcher m = RULE_CLASS.matcher(e.getClassName());
            if (m.find()) {
                RuleInfo r = byEscapedName(rules, m.group(1));
                if (r != null) {
                    boolean action = e.getClassName().contains("onsequence") || e.getMethodName().contains("onsequence");
                    return new Culprit(r, "rule " + label(r) + (action ? " (its action)" : " (a condition)"));
                }
            }
        }
        String name = firing == null ? null : firing.get();
        if (name != null) {
            RuleInfo r = rules.byName(name).orElse(null);
            return new Culprit(r, "rule " + (r == null ? "\"" + name + "\"" : label(r)) + " (its action)");
        }
        for (StackTraceElement e : stack) {
            String c = e.getClassName();
            if (!c.startsWith("java.") && !c.startsWith("jdk.") && !c.startsWith("sun.") && !c.startsWith("org.drools.")
                    && !c.startsWith("org.kie.") && !c.startsWith("org.mvel2.") && !c.startsWith("org.origins.reasoning.")
                    && !c.startsWith("org.origins.explain.") && !c.startsWith("org.origins.cli.")) {
                return new Culprit(null, "the rules' code " + c.substring(c.lastIndexOf('.') + 1) + "." + e.getMethodName());
            }
        }
        return new Culprit(null, null);
    }

    private static String label(RuleInfo r) {
        return r.id() != null ? r.id() : "\"" + r.name() + "\"";
    }

    /** The rule whose name, escaped as Drools escapes it in class names, begins {@code escaped} (the longest such). */
    private static RuleInfo byEscapedName(RuleBase rules, String escaped) {
        Matcher m = ESCAPE.matcher(escaped);
        StringBuilder b = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(b, Matcher.quoteReplacement(String.valueOf((char) Integer.parseInt(m.group(1)))));
        }
        m.appendTail(b);
        String decoded = b.toString();
        RuleInfo best = null;
        for (RuleInfo r : rules.rules()) {
            String plain = r.name().replaceAll("[^A-Za-z0-9_.\\-]", "_");
            if ((decoded.startsWith(r.name()) || decoded.startsWith(plain))
                    && (best == null || r.name().length() > best.name().length())) {
                best = r;
            }
        }
        return best;
    }
}
