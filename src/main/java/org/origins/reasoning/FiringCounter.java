package org.origins.reasoning;

import org.kie.api.event.rule.AfterMatchFiredEvent;
import org.kie.api.event.rule.DefaultAgendaEventListener;

import java.util.HashMap;
import java.util.Map;
import java.util.stream.Collectors;

/** Counts firings per rule, to name the culprits when rules do not settle. */
final class FiringCounter extends DefaultAgendaEventListener {
    private final Map<String, Long> counts = new HashMap<>();
    private volatile String last;
    /** The rule whose action is running (read by the {@link Watchdog}'s thread), or null. */
    private volatile String current;

    @Override
    public void beforeMatchFired(org.kie.api.event.rule.BeforeMatchFiredEvent event) {
        current = event.getMatch().getRule().getName();
    }

    @Override
    public void afterMatchFired(AfterMatchFiredEvent event) {
        current = null;
        last = event.getMatch().getRule().getName();
        counts.merge(last, 1L, Long::sum);
    }

    String current() {
        return current;
    }

    String last() {
        return last;
    }

    String top(int n) {
        return counts.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .limit(n).map(e -> e.getKey() + " (" + e.getValue() + ")").collect(Collectors.joining(", "));
    }
}
