package org.origins.batch;

import org.origins.io.InputException;
import org.origins.kb.KnowledgeBase;
import org.origins.reasoning.LiveSession;
import org.origins.reasoning.Reasoning;
import org.origins.rules.RuleBase;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.Writer;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import static org.origins.batch.Profile.cpu;

/**
 * Predicts the abilities of a stream of hypothetical models (JSON Lines in, JSON Lines out) in
 * bounded memory: the lines are cut into chunks, each chunk is reasoned about in its own Drools
 * session (opened from the one shared KieBase, disposed after the chunk) together with the real
 * models of their lineages, on a few worker threads; results are written in input order through a bounded queue of
 * futures, so at most {@code threads × 2 + 1} chunks are in memory at once.
 *
 * <p>Every output line is what predicting that model alone gives: rules reason within a model's
 * lineage (they never name a model), so the other hypothetical models of a chunk do not change its
 * conclusions. A chunk whose run fails (a rule that throws, or does not settle within the firing
 * cap) is redone model by model, each alone with its lineage, so that only the models that
 * fail are reported, with the single-model firing cap.
 *
 * <p>Input: one model a line, the schema of facts/models with {@code "hypothetical": true}; its
 * parent is a real model or a model on an earlier line of the same chunk. Blank lines are skipped.
 * Output: one line per model in input order ({@link ResultLines}); a line that cannot be read or
 * validated, or is longer than {@link LineReader#MAX_LINE} bytes, gives an error line, and the
 * stream goes on. A chunk also ends after {@link #MAX_CHUNK_BYTES} of input.
 *
 * <p>Two paths give the same output (a test checks it). The full path runs each chunk as a single
 * prediction does: a {@link LiveSession} and its {@link LiveSession#snapshot() snapshot} of every
 * justification. The lean path (the default, {@link Settings#lean}) opens a {@link LiveSession#openLean lean
 * session} (the same KieBase and facts, without the firing listeners and the rules that no level
 * depends on) and reads only the derived effects and the facts they rest on. Both fold levels and grades with {@link Reasoning#standings},
 * the arithmetic of {@link Reasoning#trace}.
 */
public final class BatchPredictor {
    public static final int DEFAULT_CHUNK = 1000;
    /** The largest --chunk and --threads. */
    public static final int MAX_CHUNK = 1_000_000;
    public static final int MAX_THREADS = 64;
    /** A chunk ends after this much input too, so that long lines cannot make it big. */
    static final long MAX_CHUNK_BYTES = 64L << 20;

    /**
     * @param chunk      models per Drools session
     * @param threads    worker threads (each with its own session at a time)
     * @param maxFirings the firing cap of one model's run, as for a single prediction
     * @param lean       a plain session, and read only the effects and what they rest on (see above)
     * @param probe      try the values a model leaves out, to tell which abilities they leave undetermined
     *                   (one more session per chunk, on copies of the lineages: {@link ChunkProbes})
     */
    public record Settings(int chunk, int threads, long maxFirings, boolean lean, boolean probe) {
        public Settings {
            if (chunk < 1 || chunk > MAX_CHUNK) {
                throw new InputException("--chunk must be from 1 to " + MAX_CHUNK + " (models per rule-engine session), found " + chunk);
            }
            if (threads < 1 || threads > MAX_THREADS) {
                throw new InputException("--threads must be from 1 to " + MAX_THREADS + ", found " + threads);
            }
            if (maxFirings < 1) {
                throw new InputException("--max-firings must be at least 1, found " + maxFirings);
            }
        }

        public static Settings defaults() {
            return new Settings(DEFAULT_CHUNK, defaultThreads(), LiveSession.DEFAULT_MAX_FIRINGS, true, true);
        }

        public static int defaultThreads() {
            return Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors()));
        }

        public Settings withLean(boolean l) {
            return new Settings(chunk, threads, maxFirings, l, probe);
        }

        public Settings withChunk(int c) {
            return new Settings(c, threads, maxFirings, lean, probe);
        }

        public Settings withThreads(int t) {
            return new Settings(chunk, t, maxFirings, lean, probe);
        }

        public Settings withMaxFirings(long m) {
            return new Settings(chunk, threads, m, lean, probe);
        }

        public Settings withProbe(boolean p) {
            return new Settings(chunk, threads, maxFirings, lean, p);
        }
    }

    /** What a run did: lines read (not counting blank ones), models predicted, lines rejected. */
    public record Summary(long lines, long predicted, long errors, String firstError) {
    }

    private final Settings settings;
    private final ChunkPredictor chunks;
    private final Profile profile = new Profile();

    /**
     * @param kb     the knowledge base the models are added to (real models, and any --with models)
     * @param source the input's name, used in messages (a .jsonl path, or "-")
     */
    public BatchPredictor(KnowledgeBase kb, RuleBase rules, Settings settings, Path source) {
        this.settings = settings;
        this.chunks = new ChunkPredictor(kb, rules, settings, source, profile);
    }

    public Profile profile() {
        return profile;
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
        ArrayDeque<Future<ChunkPredictor.Result>> pending = new ArrayDeque<>();
        int maxPending = settings.threads() * 2;
        long[] counts = new long[3];
        String[] firstError = {null};
        try {
            LineReader reader = new LineReader(in, LineReader.MAX_LINE);
            List<ChunkPredictor.Line> chunk = new ArrayList<>(Math.min(settings.chunk(), 4096));
            long chunkBytes = 0;
            long lineNo = 0;
            long t0 = cpu();
            while (true) {
                LineReader.Line text = reader.next();
                if (text == null) {
                    break;
                }
                lineNo++;
                if (!text.tooLong() && LineReader.isBlank(text.bytes())) {
                    continue;
                }
                counts[0]++;
                chunk.add(new ChunkPredictor.Line(lineNo, text.bytes(), text.length()));
                chunkBytes += text.tooLong() ? 0 : text.length();
                if (chunk.size() == settings.chunk() || chunkBytes > MAX_CHUNK_BYTES) {
                    List<ChunkPredictor.Line> c = chunk;
                    profile.input.addAndGet(cpu() - t0);
                    pending.add(pool.submit(() -> chunks.process(c)));
                    chunk = new ArrayList<>(Math.min(settings.chunk(), 4096));
                    chunkBytes = 0;
                    while (pending.size() > maxPending) {
                        write(pending.poll(), sink, counts, firstError);
                    }
                    t0 = cpu();
                }
            }
            profile.input.addAndGet(cpu() - t0);
            if (!chunk.isEmpty()) {
                List<ChunkPredictor.Line> c = chunk;
                pending.add(pool.submit(() -> chunks.process(c)));
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

    private void write(Future<ChunkPredictor.Result> f, Writer sink, long[] counts, String[] firstError) throws IOException {
        ChunkPredictor.Result r;
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
}
