package org.origins.batch;

import com.fasterxml.jackson.databind.JsonNode;
import org.origins.io.InputException;
import org.origins.io.Problem;
import org.origins.kb.JsonDoc;
import org.origins.kb.KnowledgeBase;
import org.origins.kb.Level;
import org.origins.kb.ModelReader;
import org.origins.kb.ModelRecord;
import org.origins.kb.Statement;
import org.origins.reasoning.LevelRules;
import org.origins.reasoning.LiveSession;
import org.origins.reasoning.Reasoning;
import org.origins.reasoning.RuleFailure;
import org.origins.reasoning.RuleTimeout;
import org.origins.reasoning.Standing;
import org.origins.rules.RuleBase;

import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import static org.origins.batch.Profile.cpu;

/**
 * One chunk of a batch: reads and validates each line against the knowledge base and the models
 * accepted so far in the chunk, reasons about the chunk's models in one lean session together
 * with the real models of their lineages, and writes one output line per input line. A chunk whose
 * run fails (a rule that throws, or does not settle within the firing cap) is redone model by model,
 * each alone with its lineage in an ordinary session, so that only the models that fail are reported,
 * with the single-model firing cap.
 */
final class ChunkPredictor {
    /** One input line: its 1-based number and text (null when it was too long: {@code length} bytes). */
    record Line(long number, byte[] bytes, long length) {
    }

    /** A chunk's output (JSON Lines) and its counts. */
    record Result(String out, int predicted, int errors, String firstError) {
    }

    /** One line's outcome: a model to predict, or an error. */
    private static final class Entry {
        final Line line;
        ModelRecord model;
        String id;
        Problem error;
        Map<String, Standing> standings;
        /** The abilities a value the lineage leaves undisclosed would change, with the levels each could have. */
        Map<String, List<Level>> undetermined = Map.of();

        Entry(Line line) {
            this.line = line;
        }
    }

    private final KnowledgeBase kb;
    private final ModelReader reader;
    private final RuleBase rules;
    /** What the lean path fires: the rules levels and grades depend on, in the rules' view. */
    private final LevelRules levelRules;
    private final BatchPredictor.Settings settings;
    private final Path source;
    private final List<String> abilities;
    private final Profile profile;

    ChunkPredictor(KnowledgeBase kb, RuleBase rules, BatchPredictor.Settings settings, Path source, Profile profile) {
        this.kb = kb;
        this.reader = ModelReader.against(kb);
        this.rules = rules;
        this.levelRules = LevelRules.of(rules);
        this.settings = settings;
        this.source = source;
        this.abilities = kb.abilities().stream().map(a -> a.id()).toList();
        this.profile = profile;
    }

    Result process(List<Line> lines) {
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
                    predictAlone(List.of(e), own, settings.maxFirings());
                } catch (RuleTimeout t) {
                    throw t;
                } catch (RuleFailure one) {
                    Problem p = one.problems().isEmpty() ? null : one.problems().get(0);
                    e.model = null;
                    e.error = Problem.error(source, lineNumber(e), 0, null,
                            "the rules failed for this model: " + (p == null ? one.getMessage() : p));
                }
            }
        }
        long t2 = cpu();
        int predicted = 0;
        int errors = 0;
        String first = null;
        try (ResultLines out = new ResultLines(abilities, lines.size())) {
            for (Entry e : entries) {
                if (e.error != null) {
                    errors++;
                    out.error(e.id, e.line.number(), e.error);
                    if (first == null) {
                        first = "line " + e.line.number() + ": " + e.error.message();
                    }
                } else {
                    predicted++;
                    out.result(e.id, e.standings, e.undetermined);
                }
            }
            profile.write.addAndGet(cpu() - t2);
            return new Result(out.text(), predicted, errors, first);
        }
    }

    private static int lineNumber(Entry e) {
        return (int) Math.min(Integer.MAX_VALUE, e.line.number());
    }

    private static long saturatingTimes(long a, long b) {
        long r = a * b;
        return a != 0 && (r / a != b || r < 0) ? Long.MAX_VALUE : r;
    }

    /** Parses and validates one line against the real models and the models accepted so far in the chunk. */
    private void readLine(Entry e, Map<String, ModelRecord> accepted, Map<String, Entry> byId) {
        List<Problem> problems = new ArrayList<>();
        byte[] bytes = e.line.bytes();
        if (bytes == null) {
            e.error = Problem.error(source, lineNumber(e), 0, null, "the line is " + e.line.length() + " bytes long, more than the "
                    + LineReader.MAX_LINE + " bytes a model may take on one line; it was skipped (is a newline missing?)");
            return;
        }
        var doc = JsonDoc.parse(source, bytes, problems);
        if (doc.isEmpty()) {
            fail(e, problems, byId);
            return;
        }
        JsonNode root = doc.get().root();
        JsonNode idNode = root.isObject() ? root.get("id") : null;
        e.id = idNode != null && idNode.isTextual() ? idNode.asText() : null;
        Map<String, ModelRecord> ancestors = new LinkedHashMap<>();
        ancestorsInChunk(parentIds(root), accepted, ancestors);
        try {
            ModelRecord m = reader.knowing(ancestors.values()).line(doc.get(), (parent, message) -> {
                Entry bad = byId.get(parent);
                return bad != null ? "parent \"" + parent + "\" is the model of line " + bad.line.number() + ", which was rejected"
                        : message + "; in a batch, a parent is a real model or a model on an earlier line of the same chunk of "
                        + settings.chunk() + " lines";
            });
            Entry prior = byId.get(m.id());
            if (prior != null) {
                e.error = problem(e, "duplicate model id \"" + m.id() + "\": already on line " + prior.line.number());
                return;
            }
            if (kb.model(m.id()).isPresent()) { // a --with model of the same id
                e.error = problem(e, "\"" + m.id() + "\" is already a model of the knowledge base");
                byId.put(m.id(), e);
                return;
            }
            e.model = m;
            e.id = m.id();
            accepted.put(m.id(), m);
            byId.put(m.id(), e);
        } catch (InputException ex) {
            fail(e, ex.problems(), byId);
        }
    }

    /** The line's errors as one problem at the line (each after its pointer when there are several). */
    private void fail(Entry e, List<Problem> problems, Map<String, Entry> byId) {
        List<Problem> errors = problems.stream().filter(Problem::isError).toList();
        if (errors.isEmpty()) {
            errors = List.of(Problem.error(source, 0, 0, null, "the line could not be read"));
        }
        List<String> parts = new ArrayList<>();
        boolean several = errors.size() > 1;
        for (Problem p : errors) {
            parts.add((!several || p.pointer() == null || p.pointer().isEmpty() ? "" : p.pointer() + ": ") + p.message());
        }
        Problem first = errors.get(0);
        e.error = new Problem(source, lineNumber(e), first.column(), first.pointer(), String.join("; ", parts), Problem.Severity.ERROR);
        if (e.id != null && !byId.containsKey(e.id)) {
            byId.put(e.id, e);
        }
    }

    private Problem problem(Entry e, String message) {
        return Problem.error(source, lineNumber(e), 0, "/id", message);
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
     * Reasons about a chunk's models in one session with their lineages' real models and fills their standings;
     * false when a rule failed or the rules did not settle within the chunk's cap (the sum of the
     * models' caps), and the models are then redone one by one.
     */
    private boolean predictChunk(List<Entry> entries, Map<String, ModelRecord> models) {
        long cap = saturatingTimes(settings.maxFirings(), entries.size());
        try {
            if (settings.lean()) {
                long t0 = cpu();
                Reasoning r;
                try (LiveSession s = LiveSession.openLean(lineagesOf(models), levelRules, cap)) {
                    long t1 = cpu();
                    profile.fire.addAndGet(t1 - t0);
                    r = s.leanSnapshot();
                    fold(entries, r, t1);
                }
                probe(entries, r, models); // the session closed: its memory is free for the probes'
            } else {
                predictAlone(entries, models, cap);
            }
            return true;
        } catch (RuleTimeout f) {
            throw f;   // a rule that hangs would hang for every model again: the run ends
        } catch (RuleFailure f) {
            return false;
        }
    }

    /** The product path of single predictions: an ordinary {@link LiveSession} and its full snapshot. */
    private void predictAlone(List<Entry> entries, Map<String, ModelRecord> models, long cap) {
        long t0 = cpu();
        Reasoning r;
        try (LiveSession s = LiveSession.open(lineagesOf(models), rules, cap)) {
            long t1 = cpu();
            profile.fire.addAndGet(t1 - t0);
            r = s.snapshot();
            fold(entries, r, t1);
        }
        probe(entries, r, models);
    }

    /**
     * The chunk's models with their ancestors and nothing else: rules reason within a lineage, so the
     * real models outside the chunk's lineages change no output line (and would cost a session's work).
     */
    private KnowledgeBase lineagesOf(Map<String, ModelRecord> models) {
        Set<String> real = new LinkedHashSet<>();
        for (ModelRecord m : models.values()) {
            for (Statement<String> s : m.parent().statements()) {
                if (s.value() != null && !models.containsKey(s.value())) {
                    kb.chain(s.value()).forEach(x -> real.add(x.id()));
                }
            }
        }
        return kb.restrictedTo(real).with(models.values());
    }

    private void fold(List<Entry> entries, Reasoning r, long since) {
        long t = cpu();
        profile.read.addAndGet(t - since);
        for (Entry e : entries) {
            e.standings = r.standings(e.id);
        }
        profile.fold.addAndGet(cpu() - t);
    }

    /**
     * The undetermined abilities of the entries' models: every value to try for what their lineages
     * leave undisclosed, tried in one more session over copies of the lineages ({@link ChunkProbes}),
     * in the same way as the chunk (lean or full).
     */
    private void probe(List<Entry> entries, Reasoning r, Map<String, ModelRecord> models) {
        if (!settings.probe()) {
            return;
        }
        long t0 = cpu();
        ChunkProbes probes = new ChunkProbes(r, entries.stream().map(e -> e.id).toList());
        if (probes.isEmpty()) {
            return;
        }
        Map<String, Map<String, Level>> tried = new HashMap<>();
        for (ChunkProbes.Group g : probes.groups(settings.chunk())) {
            Map<String, ModelRecord> session = new LinkedHashMap<>();
            for (ModelRecord copy : g.copies().values()) {
                ancestorsInChunk(copy.parent().statements().stream().map(Statement::value).filter(Objects::nonNull).toList(),
                        models, session);
            }
            session.putAll(g.copies());
            long cap = saturatingTimes(settings.maxFirings(), g.copies().size());
            if (settings.lean()) { // the copies' levels alone: no grades, no justifications
                try (LiveSession s = LiveSession.openLean(lineagesOf(session), levelRules, cap)) {
                    tried.putAll(s.levels(g.outcomes()));
                }
            } else {
                try (LiveSession s = LiveSession.open(lineagesOf(session), rules, cap)) {
                    Reasoning copies = s.snapshot();
                    g.outcomes().forEach(id -> tried.put(id, levels(copies, id)));
                }
            }
        }
        Map<String, Map<String, List<Level>>> undetermined = probes.undetermined(tried::get, id -> levels(r, id));
        for (Entry e : entries) {
            e.undetermined = undetermined.getOrDefault(e.id, Map.of());
        }
        profile.probe.addAndGet(cpu() - t0);
    }

    private static Map<String, Level> levels(Reasoning r, String model) {
        Map<String, Level> out = new LinkedHashMap<>();
        r.standings(model).forEach((ability, s) -> out.put(ability, s.level()));
        return out;
    }
}
