package org.origins.kb;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.origins.io.FilePaths;
import org.origins.io.InputException;
import org.origins.io.Problem;
import org.origins.io.Suggest;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BinaryOperator;
import java.util.regex.Pattern;

/**
 * The one reader of models, wherever they come from: the knowledge base's folders, files given to
 * {@code --with}, {@code predict} and {@code add}, the models of a scenario, a line of
 * {@code predict --batch}, a model given by flags. It validates each against the vocabularies
 * (abilities, stage kinds, sources; built once per reader) and the models already known: every
 * problem is collected with its place (file, line, column, JSON pointer), what was expected and a
 * near-miss suggestion; unknown parents and lineage cycles are found. Stateless between calls.
 */
public final class ModelReader {
    public static final Pattern MODEL_ID = Pattern.compile("[a-z0-9][a-z0-9._-]*");
    static final Set<String> MODEL_FIELDS = Set.of("id", "name", "apiName", "series", "organisation", "hypothetical",
            "parent", "base", "parameters", "contextLength", "positionalEncoding", "dataCutoff", "released", "stages",
            "notes");
    static final Set<String> STAGE_FIELDS = Set.of("kind", "description", "sources", "where", "status", "note", "present",
            "assumeAs", "tokens", "codeShare", "corpus", "objective", "tasks", "examples", "computeShare", "mixture");
    static final Set<String> STAGE_ATTRIBUTES = Set.of("tokens", "codeShare", "corpus", "objective", "tasks", "examples",
            "computeShare", "mixture");
    static final Set<String> ENCODINGS = Set.of("absolute", "relative", "rotary", "alibi");
    static final Set<String> OBJECTIVES = Set.of("causal-lm", "prefix-lm", "span-corruption");
    static final Set<String> MIXTURES = Set.of("exemplars", "chain-of-thought", "dialogue");

    private final KnowledgeBase kb;
    private final Vocab vocab;

    private ModelReader(KnowledgeBase kb, Vocab vocab) {
        this.kb = kb;
        this.vocab = vocab;
    }

    /** A reader of models to add to {@code kb}, validated against its vocabularies and models. */
    public static ModelReader against(KnowledgeBase kb) {
        return new ModelReader(kb, new Vocab(kb.abilities().stream().map(Ability::id).toList(), kb.stageKinds(), kb.sources().keySet()));
    }

    /** The same reader, with {@code models} known too (the same vocabularies). */
    public ModelReader knowing(java.util.Collection<ModelRecord> models) {
        return models.isEmpty() ? this : new ModelReader(kb.with(models), vocab);
    }

    /**
     * Reads model files (JSON or YAML): ids must be new (or hypothetical ones the files replace);
     * parents must exist in the knowledge base or among the files.
     */
    public List<ModelRecord> files(List<Path> files, boolean hypotheticalRequired) {
        Reading l = new Reading(new ArrayList<>(), new LinkedHashSet<>());
        Map<String, Located> found = new LinkedHashMap<>();
        for (Path f : files) {
            l.readModelFile(f, vocab, found, hypotheticalRequired);
        }
        l.finishAdded(kb, found);
        return found.values().stream().map(Located::model).toList();
    }

    /** The hypothetical models listed at {@code pointer} of an already parsed document (a scenario's {@code models}). */
    public List<ModelRecord> inline(JsonDoc doc, String pointer) {
        Reading l = new Reading(doc.problems, new LinkedHashSet<>());
        Map<String, Located> found = new LinkedHashMap<>();
        JsonNode list = doc.root().at(pointer);
        if (!list.isArray()) {
            doc.error(pointer, "expected a list of models, found " + Obj.describe(list));
        } else {
            for (int i = 0; i < list.size(); i++) {
                Obj o = Obj.of(doc, list.get(i), pointer + "/" + i, "a model");
                if (o != null) {
                    l.readModel(o, vocab, found, true);
                }
            }
        }
        l.finishAdded(kb, found);
        return found.values().stream().map(Located::model).toList();
    }

    /**
     * The one hypothetical model that is the root object of {@code doc} (a line of JSON Lines for
     * {@code predict --batch}). {@code unknownParent} words the problem of a parent that is not a
     * known model, from the parent's id and the usual message.
     */
    public ModelRecord line(JsonDoc doc, BinaryOperator<String> unknownParent) {
        Reading l = new Reading(doc.problems, new LinkedHashSet<>());
        l.unknownParent = unknownParent;
        Map<String, Located> found = new LinkedHashMap<>();
        Obj o = Obj.of(doc, doc.root(), "", "a model");
        if (o != null) {
            l.readModel(o, vocab, found, true);
        }
        l.finishAdded(kb, found);
        if (found.isEmpty()) {
            throw new InputException(doc.problems.isEmpty()
                    ? List.of(Problem.error(doc.file, 0, 0, null, "no model read")) : doc.problems);
        }
        return found.values().iterator().next().model();
    }

    /** A model given by command-line flags, as the JSON a file would hold ({@link StageSpec#model}). */
    public ModelRecord flags(ObjectNode model) {
        List<Problem> problems = new ArrayList<>();
        byte[] bytes;
        try {
            bytes = JsonMapper.builder().build().writeValueAsBytes(JsonNodeFactory.instance.arrayNode().add(model));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        JsonDoc doc = JsonDoc.parse(Path.of("<command line>"), bytes, problems).orElseThrow(() -> new InputException(problems));
        return inline(doc, "").get(0);
    }

    /**
     * The vocabularies references are checked against; a null vocabulary could not be read (that
     * file's problem is reported) and is not checked against, rather than making every reference
     * to it an error.
     */
    record Vocab(List<String> abilities, Map<String, StageKind> kinds, Set<String> sources) {
        boolean knowsSource(String s) {
            return sources == null || "USER".equals(s) || sources.contains(s);
        }

        boolean knowsAbility(String a) {
            return abilities == null || abilities.contains(a);
        }
    }

    /** A model with the place it was read from, for messages about it. */
    record Located(ModelRecord model, JsonDoc doc, String pointer) {
        void error(String sub, String message) {
            if (doc != null) {
                doc.error(pointer + sub, message);
            }
        }

        /** The pointer (below the model) of the value of parent statement {@code i}. */
        String parentValue(int i) {
            JsonNode raw = doc == null ? null : doc.root().at(pointer + "/parent");
            if (raw != null && raw.isArray()) {
                return "/parent/" + i + "/value";
            }
            return raw != null && raw.isObject() ? "/parent/value" : "/parent";
        }
    }

    /** The file name without its extension: a model file is named after the model's id. */
    static String stem(Path file) {
        String n = file.getFileName().toString();
        int dot = n.lastIndexOf('.');
        return dot > 0 ? n.substring(0, dot) : n;
    }

    /** One reading: where its problems go, and the models rejected for errors of their own. */
    static final class Reading {
        private final List<Problem> problems;
        /**
         * Ids of models that were stated but could not be read because of their own errors (and the
         * names of model files that could not be read at all): references to them are not reported
         * again as unknown, so that one mistake gives one problem.
         */
        private final Set<String> rejected;
        /** Words the problem of an unknown parent: (parent, usual message) to message. */
        private BinaryOperator<String> unknownParent = (parent, message) -> message;

        Reading(List<Problem> problems, Set<String> rejected) {
            this.problems = problems;
            this.rejected = rejected;
        }

        private void finishAdded(KnowledgeBase kb, Map<String, Located> found) {
            Map<String, Located> all = new LinkedHashMap<>();
            for (ModelRecord m : kb.models()) {
                all.put(m.id(), new Located(m, null, null));
            }
            for (var e : found.entrySet()) {
                Located prior = all.get(e.getKey());
                if (prior != null && !prior.model().hypothetical()) {
                    e.getValue().error("/id", "\"" + e.getKey() + "\" is a real model of the knowledge base; "
                            + "give the hypothetical model an id of its own");
                }
                all.put(e.getKey(), e.getValue());
            }
            checkLineage(all, found.keySet());
            if (problems.stream().anyMatch(Problem::isError)) {
                throw new InputException(problems);
            }
        }

        void readModelFile(Path file, Vocab v, Map<String, Located> models, boolean hypothetical) {
            var doc = JsonDoc.read(file, problems);
            if (doc.isEmpty()) {
                rejected.add(stem(file));
                return;
            }
            JsonNode root = doc.get().root;
            if (root.isObject() && root.has("models") && !root.has("id")) {
                Obj family = Obj.of(doc.get(), root, "", "a model file");
                family.allowOnly(Set.of("models"));
                for (Obj o : family.objects("models", "model", true)) {
                    readModel(o, v, models, hypothetical);
                }
            } else if (root.isArray()) {
                for (int i = 0; i < root.size(); i++) {
                    Obj o = Obj.of(doc.get(), root.get(i), "/" + i, "a model");
                    if (o != null) {
                        readModel(o, v, models, hypothetical);
                    }
                }
            } else {
                Obj o = Obj.of(doc.get(), root, "", "a model");
                if (o != null) {
                    readModel(o, v, models, hypothetical);
                } else {
                    rejected.add(stem(file));
                }
            }
        }


        private void readModel(Obj o, Vocab v, Map<String, Located> models, boolean hypotheticalRequired) {
            int before = o.doc.errorCount();
            o.allowOnly(MODEL_FIELDS);
            String id = o.text("id", true);
            if (id != null && !MODEL_ID.matcher(id).matches()) {
                o.doc.error(o.at("id"), "model id \"" + id + "\" must be lower-case letters, digits, '.', '_' or '-' "
                        + "(no spaces), starting with a letter or digit");
                id = null;
            }
            boolean hypothetical = o.bool("hypothetical", false);
            if (hypotheticalRequired && !hypothetical) {
                o.doc.error(o.has("hypothetical") ? o.at("hypothetical") : o.pointer,
                        "a hypothetical model must say \"hypothetical\": true");
            }
            if (!o.has("parent")) {
                o.doc.error(o.pointer, "missing required field \"parent\" (a statement whose value is a model id, "
                        + "or null for a model trained from scratch)");
            }
            // only a hypothetical model may give bare values; a real model sources every value
            Statement<Void> bare = hypothetical ? bare(o) : null;
            Field<String> parent = o.field("parent", Obj.STRING, bare);
            Field<Double> parameters = o.field("parameters", Obj.number("of billions", 0.001, 100_000), bare);
            Field<Integer> context = o.field("contextLength", Obj.count("tokens", 1), bare);
            Field<String> encoding = o.field("positionalEncoding", Obj.choice(ENCODINGS), bare);
            Field<String> cutoff = o.field("dataCutoff", Obj.DATE_TEXT, bare);
            Field<String> released = o.field("released", Obj.DATE_TEXT, bare);
            for (Field<?> f : List.of(parent, parameters, context, encoding, cutoff, released)) {
                checkSources(o, f, v);
            }
            List<StageRecord> stages = new ArrayList<>();
            if (!o.has("stages")) {
                o.doc.error(o.pointer, "missing required field \"stages\" (a list of the model's own training stages; "
                        + "[] when it only inherits its parent's)");
            }
            List<Obj> stageObjs = o.objects("stages", "stage", false);
            for (int i = 0; i < stageObjs.size(); i++) {
                StageRecord s = readStage(stageObjs.get(i), i + 1, v);
                if (s != null) {
                    stages.add(s);
                }
            }
            if (id == null || o.doc.errorCount() > before) {
                if (id != null) {
                    rejected.add(id);
                }
                if (o.pointer.isEmpty() && o.doc.file != null) {
                    rejected.add(stem(o.doc.file));
                }
                return;
            }
            if (models.containsKey(id)) {
                Located first = models.get(id);
                o.doc.error(o.at("id"), "duplicate model id \"" + id + "\": already defined in "
                        + (first.doc() == null ? "the knowledge base" : FilePaths.display(first.doc().file)));
                return;
            }
            ModelRecord m = new ModelRecord(id, o.text("name", false), o.text("apiName", false), o.text("series", false),
                    o.text("organisation", false), hypothetical, parent, o.text("base", false), parameters, context, encoding,
                    cutoff, released, stages, o.texts("notes"), o.doc.file);
            models.put(id, new Located(m, o.doc, o.pointer));
        }

        /** Hypothetical models may give bare values, sourced as the user's own assumption. */
        private static Statement<Void> bare(Obj o) {
            return new Statement<>(null, "USER", null, Status.INFERRED, null, null, null);
        }

        /**
         * Checks the sources of a field's statements as written, not as parsed: a statement that failed
         * to parse must not shift the index in the pointer of the ones after it.
         */
        private void checkSources(Obj o, Field<?> f, Vocab v) {
            JsonNode raw = o.raw(f.name());
            if (raw == null) {
                return;
            }
            if (raw.isArray()) {
                for (int i = 0; i < raw.size(); i++) {
                    checkSource(o, raw.get(i), o.at(f.name()) + "/" + i, v);
                }
            } else {
                checkSource(o, raw, o.at(f.name()), v);
            }
        }

        private static void checkSource(Obj o, JsonNode statement, String ptr, Vocab v) {
            JsonNode source = statement.isObject() ? statement.get("source") : null;
            if (source == null || !source.isTextual()) {
                return; // a bare value takes the stage's sources; a missing source is reported with the statement
            }
            String s = source.asText();
            if (!v.knowsSource(s)) {
                o.doc.error(ptr + "/source", "unknown source \"" + s + "\" (not in sources.json)" + Suggest.hint(s, v.sources()));
            }
        }

        private StageRecord readStage(Obj o, int order, Vocab v) {
            o.allowOnly(STAGE_FIELDS);
            String kind = o.text("kind", true);
            StageKind k = null;
            if (kind != null && v.kinds() != null) {
                k = v.kinds().get(kind);
                if (k == null) {
                    o.doc.error(o.at("kind"), "unknown stage kind \"" + kind + "\"" + hintOrAll(kind, v.kinds().keySet()));
                } else if (k.isAbstract()) {
                    o.doc.error(o.at("kind"), "\"" + kind + "\" is a family of stage kinds, not a kind a stage can have; use one of "
                            + String.join(", ", v.kinds().values().stream().filter(x -> x.isA().contains(kind)).map(StageKind::id).toList()));
                    k = null; // its attributes are not checked against a kind no stage can have
                }
            }
            List<String> sources = o.texts("sources");
            if (!o.has("sources")) {
                o.doc.error(o.pointer, "missing required field \"sources\" (a list of source ids)");
            }
            for (int i = 0; i < sources.size(); i++) {
                String s = sources.get(i);
                if (!v.knowsSource(s)) {
                    o.doc.error(o.at("sources") + "/" + i, "unknown source \"" + s + "\" (not in sources.json)" + Suggest.hint(s, v.sources()));
                }
            }
            Status status = o.status(Status.PUBLISHED);
            String where = o.text("where", false);
            Statement<Void> bare = new Statement<>(null, sources.isEmpty() ? "USER" : sources.get(0), where, status, null, null, null);
            Field<Boolean> present = o.field("present", Obj.BOOLEAN, null);
            String assumeAs = o.text("assumeAs", false);
            if (!present.statements().isEmpty() && assumeAs == null) {
                o.doc.error(o.pointer, "a stage with disputed \"present\" needs \"assumeAs\": the name --assume uses for it");
            }
            Field<Double> tokens = o.field("tokens", Obj.number("of billions of tokens", 0, 1_000_000), bare);
            Field<Double> codeShare = o.field("codeShare", Obj.number("(a share)", 0, 1), bare);
            Field<Integer> tasks = o.field("tasks", Obj.count("tasks", 1), bare);
            Field<Integer> examples = o.field("examples", Obj.count("examples", 1), bare);
            Field<Double> computeShare = o.field("computeShare", Obj.number("(a share)", 0, 1), bare);
            for (Field<?> f : List.of(present, tokens, codeShare, tasks, examples, computeShare)) {
                checkSources(o, f, v);
            }
            String objective = o.oneOf("objective", OBJECTIVES, false);
            List<String> mixture = o.texts("mixture");
            for (int i = 0; i < mixture.size(); i++) {
                if (!MIXTURES.contains(mixture.get(i))) {
                    o.doc.error(o.at("mixture") + "/" + i, "unknown mixture part \"" + mixture.get(i) + "\"; expected one of "
                            + String.join(", ", MIXTURES.stream().sorted().toList()) + Suggest.hint(mixture.get(i), MIXTURES).replace("; did", ". Did"));
                }
            }
            if (k != null) {
                for (String attr : STAGE_ATTRIBUTES) {
                    if (o.has(attr) && !k.attributes().contains(attr)) {
                        o.doc.error(o.at(attr), "\"" + attr + "\" does not apply to a " + kind + " stage; it takes: "
                                + (k.attributes().isEmpty() ? "none" : String.join(", ", k.attributes())));
                    }
                }
            }
            if (kind == null) {
                return null;
            }
            return new StageRecord(order, kind, o.text("description", false), sources, where, status, o.text("note", false),
                    present, assumeAs, tokens, codeShare, o.texts("corpus"), objective, tasks, examples, computeShare, mixture);
        }

        private static String hintOrAll(String input, Set<String> all) {
            String h = Suggest.hint(input, all);
            return h.isEmpty() ? "; known kinds: " + String.join(", ", all) : h;
        }

        /** Unknown parents and cycles; {@code report} limits messages to the models being read. */
        void checkLineage(Map<String, Located> models, Set<String> report) {
            for (String id : report) {
                Located l = models.get(id);
                Field<String> parent = l.model().parent();
                for (int i = 0; i < parent.statements().size(); i++) {
                    String p = parent.statements().get(i).value();
                    if (p != null && !models.containsKey(p) && !rejected.contains(p)) {
                        l.error(l.parentValue(i), unknownParent.apply(p, "unknown parent \"" + p + "\" (no such model)"
                                + Suggest.hint(p, models.keySet())));
                    }
                    if (id.equals(p)) {
                        l.error(l.parentValue(i), "a model cannot be its own parent");
                    }
                }
            }
            for (String id : report) {
                List<String> path = new ArrayList<>();
                String cur = id;
                while (cur != null && models.containsKey(cur) && !path.contains(cur)) {
                    path.add(cur);
                    cur = models.get(cur).model().parent().value();
                }
                if (cur != null && cur.equals(id) && path.size() > 1) {
                    path.add(id);
                    models.get(id).error("/parent", "lineage cycle: " + String.join(" → ", path));
                }
            }
        }
    }
}
