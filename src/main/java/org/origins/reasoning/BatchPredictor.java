package org.origins.reasoning;

import com.fasterxml.jackson.databind.JsonNode;
import org.origins.kb.Ability;
import org.origins.kb.Grade;
import org.origins.kb.InputException;
import org.origins.kb.JsonDoc;
import org.origins.kb.KbLoader;
import org.origins.kb.KnowledgeBase;
import org.origins.kb.ModelRecord;
import org.origins.kb.Problem;
import org.origins.kb.Statement;
import org.origins.rules.RuleBase;
import org.kie.api.runtime.KieSession;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Predicts the abilities of a stream of hypothetical models (JSON Lines in, JSON Lines out) in
 * bounded memory: the lines are cut into chunks, each chunk is reasoned about in its own Drools
 * session (opened from the one shared KieBase, disposed after the chunk) together with the real
 * models of their lineages, on a few worker threads; results are written in input order through a
 * bounded queue of futures, so at most {@code threads × 2 + 1} chunks are in memory at once.
 *
 * <p>Every output line is what predicting that model alone gives: rules reason within a model's
 * lineage (they never name a model), so the other hypothetical models of a chunk do not change its
 * conclusions. A chunk whose run fails (a rule that throws, or does not settle within the firing
 * cap) is redone model by model, each alone with the real models, so that only the models that
 * fail are reported, with the single-model firing cap.
 *
 * <p>Input: one model a line, the schema of facts/models with {@code "hypothetical": true}; its
 * parent is a real model or a model on an earlier line of the same chunk. Blank lines are skipped.
 * Output, one line per model in input order:
 * <pre>{"model":"m","levels":{"language-generation":"present",...},"grades":{"language-generation":"hypothesis",...}}</pre>
 * {@code levels} lists every ability; {@code grades} only the abilities whose level some step of
 * the model's history decided (the others have no grade). A line that cannot be read or validated
 * gives {@code {"model":"m","error":{"line":N,"column":C,"pointer":"/stages/0/kind","message":"..."}}}
 * ({@code model} when the line names one, {@code column} and {@code pointer} when known) and the
 * stream goes on.
 *
 * <p>Two paths give the same output (a test checks it). The full path runs each chunk as a single
 * prediction does: a {@link LiveSession} and its {@link LiveSession#snapshot() snapshot} of every
 * justification. The lean path (the default, {@link Settings#lean}) opens a plain session from the
 * same KieBase with the same facts ({@link FactBuilder}) but without LiveSession's firing listeners,
 * and reads only the derived effects and the facts they rest on ({@link LeanReading}). Both fold
 * levels and grades with {@link Reasoning#outcomes}, the arithmetic of {@link Reasoning#trace}.
 */
public final class BatchPredictor {
    public static final int DEFAULT_CHUNK = 1000;

    /**
     * @param chunk      models per Drools session
     * @param threads    worker threads (each with its own session at a time)
     * @param maxFirings the firing cap of one model's run, as for a single prediction
     * @param lean       a plain session, and read only the effects and what they rest on (see above)
     */
    public record Settings(int chunk, int threads, long maxFirings, boolean lean) {
        public Settings {
            if (chunk < 1) {
                throw new InputException("--chunk must be at least 1, found " + chunk);
            }
            if (threads < 1) {
                throw new InputException("--threads must be at least 1, found " + threads);
            }
            if (maxFirings < 1) {
                throw new InputException("--max-firings must be at least 1, found " + maxFirings);
            }
        }

        public static Settings defaults() {
            return new Settings(DEFAULT_CHUNK, defaultThreads(), LiveSession.DEFAULT_MAX_FIRINGS, true);
        }

        public static int defaultThreads() {
            return Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors()));
        }

        public Settings withLean(boolean l) {
            return new Settings(chunk, threads, maxFirings, l);
        }

        public Settings withChunk(int c) {
            return new Settings(c, threads, maxFirings, lean);
        }

        public Settings withThreads(int t) {
            return new Settings(chunk, t, maxFirings, lean);
        }

        public Settings withMaxFirings(long m) {
            return new Settings(chunk, threads, m, lean);
        }
    }

    /** What a run did: lines read (not counting blank ones), models predicted, lines rejected. */
    public record Summary(long lines, long predicted, long errors, String firstError) {
    }

    /** CPU time per phase, summed over the worker threads (nanoseconds); for {@code --profile}. */
    public static final class Profile {
        final AtomicLong parse = new AtomicLong();
        final AtomicLong fire = new AtomicLong();
        final AtomicLong read = new AtomicLong();
        final AtomicLong fold = new AtomicLong();
        final AtomicLong write = new AtomicLong();
        final AtomicLong input = new AtomicLong();
        final AtomicLong output = new AtomicLong();

        @Override
        public String toString() {
            return String.format(java.util.Locale.ROOT,
                    "cpu seconds: parse+validate %.2f, build+insert+fire %.2f, read session %.2f, fold %.2f, "
                            + "format %.2f; main thread: read input %.2f, write output %.2f",
                    s(parse), s(fire), s(read), s(fold), s(write), s(input), s(output));
        }

        private static double s(AtomicLong ns) {
            return ns.get() / 1e9;
        }
    }

    private static final java.lang.management.ThreadMXBean THREADS = java.lang.management.ManagementFactory.getThreadMXBean();

    /** CPU time of the current thread (wall time where the JVM cannot tell), for the profile. */
    private static long cpu() {
        long t = THREADS.isCurrentThreadCpuTimeSupported() ? THREADS.getCurrentThreadCpuTime() : -1;
        return t >= 0 ? t : System.nanoTime();
    }

    private final KnowledgeBase kb;
    private final RuleBase rules;
    /** The lean path fires only the rules levels and grades depend on (in the rules' view). */
    private final org.kie.api.runtime.rule.AgendaFilter levelRules;
    private final Settings settings;
    private final Path source;
    private final List<String> abilities;
    private final Profile profile = new Profile();

    /**
     * @param kb     the knowledge base the models are added to (real models, and any --with models)
     * @param source the input's name, used in messages (a .jsonl path, or "-")
     */
    public BatchPredictor(KnowledgeBase kb, RuleBase rules, Settings settings, Path source) {
        this.kb = kb;
        this.rules = rules;
        this.levelRules = LevelRules.filter(rules);
        this.settings = settings;
        this.source = source;
        this.abilities = kb.abilities().stream().map(Ability::id).toList();
    }

    public Profile profile() {
        return profile;
    }

    /** One input line: its 1-based number and text. */
    record Line(long number, byte[] bytes) {
    }

    /** A chunk's output (JSON Lines) and its counts. */
    record ChunkResult(String out, int predicted, int errors, String firstError) {
    }

    /** Reads every line of {@code in}, writes one line per model to {@code out}; closes neither, flushes out. */
    public Summary run(InputStream in, Writer out) throws IOException {
        AtomicInteger n = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(settings.threads(), r -> {
            Thread t = new Thread(r, "origins-batch-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        Writer sink = out;
        ArrayDeque<Future<ChunkResult>> pending = new ArrayDeque<>();
        int maxPending = settings.threads() * 2;
        long[] counts = new long[3];
        String[] firstError = {null};
        try {
            LineReader reader = new LineReader(in);
            List<Line> chunk = new ArrayList<>(settings.chunk());
            long lineNo = 0;
            long t0 = cpu();
            while (true) {
                byte[] text = reader.readLine();
                if (text == null) {
                    break;
                }
                lineNo++;
                if (LineReader.isBlank(text)) {
                    continue;
                }
                counts[0]++;
                chunk.add(new Line(lineNo, text));
                if (chunk.size() == settings.chunk()) {
                    List<Line> c = chunk;
                    profile.input.addAndGet(cpu() - t0);
                    pending.add(pool.submit(() -> process(c)));
                    chunk = new ArrayList<>(settings.chunk());
                    while (pending.size() > maxPending) {
                        write(pending.poll(), sink, counts, firstError);
                    }
                    t0 = cpu();
                }
            }
            profile.input.addAndGet(cpu() - t0);
            if (!chunk.isEmpty()) {
                List<Line> c = chunk;
                pending.add(pool.submit(() -> process(c)));
            }
            while (!pending.isEmpty()) {
                write(pending.poll(), sink, counts, firstError);
            }
            sink.flush();
        } finally {
            pool.shutdownNow();
        }
        return new Summary(counts[0], counts[1], counts[2], firstError[0]);
    }

    private void write(Future<ChunkResult> f, Writer sink, long[] counts, String[] firstError) throws IOException {
        ChunkResult r;
        try {
            r = f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted");
        } catch (ExecutionException e) {
            Throwable c = e.getCause();
            if (c instanceof RuntimeException re) {
                throw re;
            }
            if (c instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(c);
        }
        long t0 = cpu();
        sink.write(r.out());
        profile.output.addAndGet(cpu() - t0);
        counts[1] += r.predicted();
        counts[2] += r.errors();
        if (firstError[0] == null) {
            firstError[0] = r.firstError();
        }
    }

    // ---- one chunk ------------------------------------------------------------------------------

    /** One line's outcome: a model to predict, or an error. */
    private static final class Entry {
        final Line line;
        ModelRecord model;
        String id;
        Problem error;
        Map<String, Reasoning.Outcome> outcomes;

        Entry(Line line) {
            this.line = line;
        }
    }

    ChunkResult process(List<Line> lines) {
        long t0 = cpu();
        List<Entry> entries = new ArrayList<>(lines.size());
        Map<String, ModelRecord> accepted = new LinkedHashMap<>();
        Map<String, Entry> byId = new LinkedHashMap<>();
        for (Line l : lines) {
            Entry e = new Entry(l);
            entries.add(e);
            readLine(e, accepted, byId);
        }
        long t1 = cpu();
        profile.parse.addAndGet(t1 - t0);
        List<Entry> models = entries.stream().filter(e -> e.model != null).toList();
        if (!models.isEmpty() && !predictChunk(models, accepted)) {
            for (Entry e : models) { // the chunk failed: each model alone, as a single prediction would run it
                Map<String, ModelRecord> own = new LinkedHashMap<>();
                ancestorsInChunk(List.of(e.id), accepted, own);
                try {
                    predictWithLiveSession(List.of(e), own, settings.maxFirings());
                } catch (RuleFailure one) {
                    Problem p = one.problems().isEmpty() ? null : one.problems().get(0);
                    e.model = null;
                    e.error = Problem.error(source, (int) Math.min(Integer.MAX_VALUE, e.line.number()), 0, null,
                            "the rules failed for this model: " + (p == null ? one.getMessage() : p));
                }
            }
        }
        long t2 = cpu();
        StringBuilder b = new StringBuilder(lines.size() * 700);
        int predicted = 0;
        int errors = 0;
        String first = null;
        for (Entry e : entries) {
            if (e.error != null) {
                errors++;
                errorLine(b, e);
                if (first == null) {
                    first = "line " + e.line.number() + ": " + e.error.message();
                }
            } else {
                predicted++;
                resultLine(b, e);
            }
        }
        String out = b.toString();
        profile.write.addAndGet(cpu() - t2);
        return new ChunkResult(out, predicted, errors, first);
    }

    private static long saturatingTimes(long a, long b) {
        long r = a * b;
        return a != 0 && (r / a != b || r < 0) ? Long.MAX_VALUE : r;
    }

    /** Parses and validates one line against the real models and the models accepted so far in the chunk. */
    private void readLine(Entry e, Map<String, ModelRecord> accepted, Map<String, Entry> byId) {
        List<Problem> problems = new ArrayList<>();
        byte[] bytes = e.line.bytes();
        var doc = JsonDoc.parse(source, bytes, problems);
        if (doc.isEmpty()) {
            fail(e, problems, List.of(), byId);
            return;
        }
        JsonNode root = doc.get().root();
        JsonNode idNode = root.isObject() ? root.get("id") : null;
        e.id = idNode != null && idNode.isTextual() ? idNode.asText() : null;
        List<String> parents = parentIds(root);
        Map<String, ModelRecord> ancestors = new LinkedHashMap<>();
        ancestorsInChunk(parents, accepted, ancestors);
        KnowledgeBase against = ancestors.isEmpty() ? kb : kb.with(ancestors.values());
        try {
            ModelRecord m = KbLoader.readModel(against, doc.get());
            Entry prior = byId.get(m.id());
            if (prior != null) {
                e.error = problem(e, 0, "/id", "duplicate model id \"" + m.id() + "\": already on line " + prior.line.number());
                return;
            }
            if (kb.model(m.id()).isPresent()) { // a --with model of the same id
                e.error = problem(e, 0, "/id", "\"" + m.id() + "\" is already a model of the knowledge base");
                byId.put(m.id(), e);
                return;
            }
            e.model = m;
            e.id = m.id();
            accepted.put(m.id(), m);
            byId.put(m.id(), e);
        } catch (InputException ex) {
            fail(e, ex.problems(), parents, byId);
        }
    }

    private void fail(Entry e, List<Problem> problems, List<String> parents, Map<String, Entry> byId) {
        List<Problem> errors = problems.stream().filter(Problem::isError).toList();
        if (errors.isEmpty()) {
            errors = List.of(Problem.error(source, 0, 0, null, "the line could not be read"));
        }
        List<String> parts = new ArrayList<>();
        boolean several = errors.size() > 1;
        for (Problem p : errors) {
            String m = p.message();
            if (m.startsWith("unknown parent \"")) {
                String parent = m.substring("unknown parent \"".length(), m.indexOf('"', "unknown parent \"".length()));
                Entry bad = byId.get(parent);
                m = bad != null
                        ? "parent \"" + parent + "\" is the model of line " + bad.line.number() + ", which was rejected"
                        : m + "; in a batch, a parent is a real model or a model on an earlier line of the same chunk of "
                        + settings.chunk() + " lines";
            }
            parts.add((!several || p.pointer() == null || p.pointer().isEmpty() ? "" : p.pointer() + ": ") + m);
        }
        Problem firstProblem = errors.get(0);
        e.error = new Problem(source, (int) Math.min(Integer.MAX_VALUE, e.line.number()), firstProblem.column(),
                firstProblem.pointer(), String.join("; ", parts), Problem.Severity.ERROR);
        if (e.id != null && !byId.containsKey(e.id)) {
            byId.put(e.id, e);
        }
    }

    private Problem problem(Entry e, int column, String pointer, String message) {
        return Problem.error(source, (int) Math.min(Integer.MAX_VALUE, e.line.number()), column, pointer, message);
    }

    /** The model ids a line's "parent" field names, as written (a bare id, a statement, or a list of them). */
    static List<String> parentIds(JsonNode root) {
        JsonNode p = root.isObject() ? root.get("parent") : null;
        if (p == null) {
            return List.of();
        }
        List<String> out = new ArrayList<>();
        for (JsonNode s : p.isArray() ? p : List.of(p)) {
            JsonNode v = s.isObject() ? s.get("value") : s;
            if (v != null && v.isTextual()) {
                out.add(v.asText());
            }
        }
        return out;
    }

    /** The models of the chunk named (and their ancestors in the chunk), added to {@code into}. */
    private static void ancestorsInChunk(List<String> ids, Map<String, ModelRecord> accepted, Map<String, ModelRecord> into) {
        ArrayDeque<String> todo = new ArrayDeque<>(ids);
        while (!todo.isEmpty()) {
            String id = todo.poll();
            ModelRecord m = accepted.get(id);
            if (m != null && !into.containsKey(id)) {
                into.put(id, m);
                for (Statement<String> s : m.parent().statements()) {
                    if (s.value() != null) {
                        todo.add(s.value());
                    }
                }
            }
        }
    }

    /**
     * Reasons about a chunk's models in one session with their lineages' real models and fills their outcomes;
     * false when a rule failed or the rules did not settle within the chunk's cap (the sum of the
     * models' caps), and the models are then redone one by one.
     */
    private boolean predictChunk(List<Entry> entries, Map<String, ModelRecord> models) {
        long cap = saturatingTimes(settings.maxFirings(), entries.size());
        if (!settings.lean()) {
            try {
                predictWithLiveSession(entries, models, cap);
                return true;
            } catch (RuleFailure f) {
                return false;
            }
        }
        // The lean path: the same KieBase and facts as LiveSession, without its firing listeners (they
        // cost about a tenth of the engine's time); a failure here is diagnosed by the redo, which uses it.
        long t0 = cpu();
        KnowledgeBase chunkKb = lineagesOf(models);
        StatedFacts stated = FactBuilder.build(chunkKb);
        KieSession session = rules.kieBase().newKieSession();
        try {
            try {
                for (Object m : stated.models()) {
                    session.insert(m);
                }
                for (Object st : stated.stages()) {
                    session.insert(st);
                }
                int limit = (int) Math.min(Integer.MAX_VALUE - 1, cap);
                if (LiveSession.fire(session, levelRules, limit) >= limit) {
                    return false;
                }
            } catch (RuntimeException e) {
                return false;
            }
            long t1 = cpu();
            profile.fire.addAndGet(t1 - t0);
            Reasoning r = LeanReading.of(session, chunkKb, rules, stated);
            long t2 = cpu();
            profile.read.addAndGet(t2 - t1);
            for (Entry e : entries) {
                e.outcomes = r.outcomes(e.id);
            }
            profile.fold.addAndGet(cpu() - t2);
            return true;
        } finally {
            session.dispose();
        }
    }

    /**
     * The chunk's models with their ancestors and nothing else: rules reason within a lineage, so the
     * real models outside the chunk's lineages change no output line (and cost a session's work).
     */
    private KnowledgeBase lineagesOf(Map<String, ModelRecord> models) {
        java.util.Set<String> real = new java.util.LinkedHashSet<>();
        for (ModelRecord m : models.values()) {
            for (Statement<String> s : m.parent().statements()) {
                if (s.value() != null && !models.containsKey(s.value())) {
                    kb.chain(s.value()).forEach(x -> real.add(x.id()));
                }
            }
        }
        return kb.restrictedTo(real).with(models.values());
    }

    /** The product path of single predictions: a {@link LiveSession} and its full snapshot. */
    private void predictWithLiveSession(List<Entry> entries, Map<String, ModelRecord> models, long cap) {
        long t0 = cpu();
        KnowledgeBase chunkKb = lineagesOf(models);
        try (LiveSession s = LiveSession.open(chunkKb, rules, cap)) {
            long t1 = cpu();
            profile.fire.addAndGet(t1 - t0);
            Reasoning r = s.snapshot();
            long t2 = cpu();
            profile.read.addAndGet(t2 - t1);
            for (Entry e : entries) {
                e.outcomes = r.outcomes(e.id);
            }
            profile.fold.addAndGet(cpu() - t2);
        }
    }

    // ---- output ---------------------------------------------------------------------------------

    private void resultLine(StringBuilder b, Entry e) {
        b.append("{\"model\":");
        quote(b, e.id);
        b.append(",\"levels\":{");
        boolean first = true;
        for (String a : abilities) {
            b.append(first ? "" : ",");
            first = false;
            quote(b, a);
            b.append(':');
            quote(b, e.outcomes.get(a).level().id());
        }
        b.append("},\"grades\":{");
        first = true;
        for (String a : abilities) {
            Grade g = e.outcomes.get(a).grade();
            if (g != null) {
                b.append(first ? "" : ",");
                first = false;
                quote(b, a);
                b.append(':');
                quote(b, g.id());
            }
        }
        b.append("}}\n");
    }

    private static void errorLine(StringBuilder b, Entry e) {
        b.append('{');
        if (e.id != null) {
            b.append("\"model\":");
            quote(b, e.id);
            b.append(',');
        }
        b.append("\"error\":{\"line\":").append(e.line.number());
        if (e.error.column() > 0) {
            b.append(",\"column\":").append(e.error.column());
        }
        if (e.error.pointer() != null && !e.error.pointer().isEmpty()) {
            b.append(",\"pointer\":");
            quote(b, e.error.pointer());
        }
        b.append(",\"message\":");
        quote(b, e.error.message());
        b.append("}}\n");
    }

    static void quote(StringBuilder b, String s) {
        b.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                default -> {
                    if (c < 0x20) {
                        b.append(String.format("\\u%04x", (int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        b.append('"');
    }

    // ---- input ----------------------------------------------------------------------------------

    /** Splits a UTF-8 byte stream into lines (\n or \r\n), without a Reader's per-char overhead. */
    static final class LineReader {
        private final InputStream in;
        private final byte[] buf = new byte[1 << 16];
        private int pos;
        private int end;
        private byte[] line = new byte[1024];
        private boolean bom = true;

        LineReader(InputStream in) {
            this.in = in;
        }

        /** The next line's bytes (UTF-8, without the line end), or null at the end. */
        byte[] readLine() throws IOException {
            int len = 0;
            boolean any = false;
            while (true) {
                if (pos == end) {
                    end = in.read(buf, 0, buf.length);
                    pos = 0;
                    if (end <= 0) {
                        end = 0;
                        return any ? decode(len) : null;
                    }
                }
                any = true;
                int start = pos;
                while (pos < end && buf[pos] != '\n') {
                    pos++;
                }
                int n = pos - start;
                if (len + n > line.length) {
                    line = Arrays.copyOf(line, Math.max(line.length * 2, len + n));
                }
                System.arraycopy(buf, start, line, len, n);
                len += n;
                if (pos < end) {
                    pos++; // the \n
                    return decode(len);
                }
            }
        }

        private byte[] decode(int len) {
            int from = 0;
            if (bom) {
                bom = false;
                if (len >= 3 && (line[0] & 0xff) == 0xEF && (line[1] & 0xff) == 0xBB && (line[2] & 0xff) == 0xBF) {
                    from = 3;
                }
            }
            if (len > from && line[len - 1] == '\r') {
                len--;
            }
            return Arrays.copyOfRange(line, from, len);
        }

        static boolean isBlank(byte[] line) {
            for (byte b : line) {
                if (b != ' ' && b != '\t' && b != '\r' && b != '\f' && b != 0x0b) {
                    return false;
                }
            }
            return true;
        }
    }
}
