package org.origins.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/**
 * Where a run's time goes, for {@code ORIGINS_TIMING=1}: the milliseconds from the launcher's start
 * to {@code main} (the launcher passes its start time in ORIGINS_T0), then of each phase (command
 * line, facts, rules, reasoning, answer), printed to standard error when the run ends. Off by
 * default; the benchmarks in bench/ use it.
 */
final class Timing {
    private static final boolean ON = "1".equals(System.getenv("ORIGINS_TIMING"));
    private static final List<String> PHASES = new ArrayList<>();
    private static long last;

    private Timing() {
    }

    /** The start of main: the time since the launcher started is the first phase. */
    static void start() {
        if (ON) {
            last = System.nanoTime();
            String t0 = System.getenv("ORIGINS_T0");
            if (t0 != null && t0.matches("\\d{10,}")) {
                PHASES.add("launch " + (System.currentTimeMillis() - Long.parseLong(t0) / 1_000_000));
            }
        }
    }

    /** Ends the phase called {@code name}. */
    static void mark(String name) {
        if (ON) {
            long now = System.nanoTime();
            PHASES.add(name + " " + (now - last) / 1_000_000);
            last = now;
        }
    }

    static void print(PrintWriter err) {
        if (ON) {
            err.println("origins: timing (ms): " + String.join(", ", PHASES));
            err.flush();
        }
    }
}
