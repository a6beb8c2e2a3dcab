package org.origins.web;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The pages and API answers already made from the rule base now loaded, by request (path and query): a
 * rule base never changes once loaded, so the same request gets the same bytes until the next reload,
 * which empties the store. Bounded by size (the least recently asked go first); an answer larger than an
 * eighth of the bound is made every time. Errors are never stored (they are thrown, not returned).
 */
final class Answers {
    private final long capacity;
    private final Map<String, byte[]> made = new LinkedHashMap<>(256, 0.75f, true);
    private long generation;
    private long bytes;

    /** @param capacity the most bytes kept */
    Answers(long capacity) {
        this.capacity = capacity;
    }

    /** The answer to {@code request} made from the reasoning of {@code generation}: kept, or made now and kept. */
    byte[] get(long generation, String request, Supplier<byte[]> make) {
        synchronized (this) {
            if (generation > this.generation) {
                made.clear();
                bytes = 0;
                this.generation = generation;
            }
            byte[] known = generation == this.generation ? made.get(request) : null;
            if (known != null) {
                return known;
            }
        }
        byte[] answer = make.get();   // outside the lock: answers are made on every thread at once
        synchronized (this) {
            if (generation == this.generation && answer.length <= capacity / 8 && !made.containsKey(request)) {
                made.put(request, answer);
                bytes += answer.length;
                for (Iterator<byte[]> eldest = made.values().iterator(); bytes > capacity && eldest.hasNext(); ) {
                    bytes -= eldest.next().length;
                    eldest.remove();
                }
            }
        }
        return answer;
    }

    /** How many bytes are kept. */
    synchronized long size() {
        return bytes;
    }
}
