package org.origins.batch;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;

/** CPU time per phase of a batch, summed over the worker threads (nanoseconds); for {@code --profile}. */
public final class Profile {
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    final AtomicLong parse = new AtomicLong();
    final AtomicLong fire = new AtomicLong();
    final AtomicLong read = new AtomicLong();
    final AtomicLong fold = new AtomicLong();
    final AtomicLong probe = new AtomicLong();
    final AtomicLong write = new AtomicLong();
    final AtomicLong input = new AtomicLong();
    final AtomicLong output = new AtomicLong();

    /** CPU time of the current thread (wall time where the JVM cannot tell). */
    static long cpu() {
        long t = THREADS.isCurrentThreadCpuTimeSupported() ? THREADS.getCurrentThreadCpuTime() : -1;
        return t >= 0 ? t : System.nanoTime();
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT,
                "cpu seconds: parse+validate %.2f, build+insert+fire %.2f, read session %.2f, fold %.2f, "
                        + "probe undisclosed values %.2f, format %.2f; main thread: read input %.2f, write output %.2f",
                s(parse), s(fire), s(read), s(fold), s(probe), s(write), s(input), s(output));
    }

    private static double s(AtomicLong ns) {
        return ns.get() / 1e9;
    }
}
