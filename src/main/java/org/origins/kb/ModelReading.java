package org.origins.kb;

import com.fasterxml.jackson.databind.JsonNode;
import org.origins.io.FilePaths;
import org.origins.io.Problem;
import org.origins.io.InputException;
import org.origins.io.Suggest;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BinaryOperator;

/** One reading: where its problems go, and the models rejected for errors of their own. */
final class ModelReading {
    private final List<Problem> problems;
    /**
     * Ids of models that were stated but could not be read because of their own errors (and the
     * names of model files that could not be read at all): references to them are not reported
     * again as unknown, so that one mistake gives one problem.
     */
    private final Set<String> rejected;
    /** Words the problem of an unknown parent: (parent, usual message) to message. */
    BinaryOperator<String> unknownParent = (parent, message) -> message;

    ModelReading(List<Problem> problems, Set<String> rejected) {
        this.problems = problems;
        this.rejected = rejected;
    }

    /**
     * Checks what was read against the knowledge base: a real model's id is refused unless
     * {@code standIns} (the model then stands in for it for the run), and parents must exist. The
     * lineage checks read the new models and their ancestors in the knowledge base, not every model
     * of it (a batch checks each of its lines this way).
     */
    void finishAdded(KnowledgeBase kb, Map<String, ModelReader.Located> found, boolean standIns) {
        Map<String, ModelReader.Located> all = new LinkedHashMap<>(found);
        for (var e : found.entrySet()) {
            ModelRecord prior = kb.model(e.getKey()).orElse(null);
            if (prior != null && !prior.hypothetical() && !standIns) {
                e.getValue().error("/id", "\"" + e.getKey() + "\" is a real model of the knowledge base; "
                        + "give the hypothetical model an id of its own");
            }
            for (Statement<String> st : e.getValue().model().parent().statements()) {
                for (ModelRecord m = st.value() == null ? null : kb.model(st.value()).orElse(null);
                     m != null && !all.containsKey(m.id()); m = kb.parentOf(m).orElse(null)) {
                    all.put(m.id(), new ModelReader.Located(m, null, null));
                }
            }
        }
        checkLineage(all, found.keySet(), kb);
        if (problems.stream().anyMatch(Problem::isError)) {
            throw new InputException(problems);
        }
    }

    void readModelFile(Path file, ModelReader.Vocab v, Map<String, ModelReader.Located> models, boolean hypothetical) {
        var doc = JsonDoc.read(file, problems);
        if (doc.isEmpty()) {
            rejected.add(ModelReader.stem(file));
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
                rejected.add(ModelReader.stem(file));
            }
        }
    }


    void readModel(Obj o, ModelReader.Vocab v, Map<String, ModelReader.Located> models, boolean hypotheticalRequired) {
        int before = o.doc.errorCount();
        o.allowOnly(ModelReader.MODEL_FIELDS);
        String id = o.text("id", true);
        if (id != null && !ModelReader.MODEL_ID.matcher(id).matches()) {
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
        Field<Double> parameters = o.field("parameters", Obj.number("of billions", Units.MIN_PARAMETERS, Units.MAX_PARAMETERS, Units.Scale.BILLIONS), bare);
        Field<Integer> context = o.field("contextLength", Obj.count("tokens", 1), bare);
        Field<String> encoding = o.field("positionalEncoding", Obj.choice(ModelReader.ENCODINGS), bare);
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
            StageRecord s = readStage(stageObjs.get(i), i + 1, v, hypothetical);
            if (s != null) {
                stages.add(s);
            }
        }
        if (id == null || o.doc.errorCount() > before) {
            if (id != null) {
                rejected.add(id);
            }
            if (o.pointer.isEmpty() && o.doc.file != null) {
                rejected.add(ModelReader.stem(o.doc.file));
            }
            return;
        }
        if (models.containsKey(id)) {
            ModelReader.Located first = models.get(id);
            o.doc.error(o.at("id"), "duplicate model id \"" + id + "\": already defined in "
                    + (first.doc() == null ? "the knowledge base" : FilePaths.display(first.doc().file)));
            return;
        }
        ModelRecord m = new ModelRecord(id, o.text("name", false), o.text("apiName", false), o.text("series", false),
                o.text("organisation", false), hypothetical, parent, o.text("base", false), parameters, context, encoding,
                cutoff, released, stages, o.texts("notes"), o.doc.file);
        models.put(id, new ModelReader.Located(m, o.doc, o.pointer));
    }

    /** Hypothetical models may give bare values, sourced as the user's own assumption. */
    private static Statement<Void> bare(Obj o) {
        return new Statement<>(null, "USER", null, Status.INFERRED, null, null, null);
    }

    /**
     * Checks the sources of a field's statements as written, not as parsed: a statement that failed
     * to parse must not shift the index in the pointer of the ones after it.
     */
    private void checkSources(Obj o, Field<?> f, ModelReader.Vocab v) {
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

    private static void checkSource(Obj o, JsonNode statement, String ptr, ModelReader.Vocab v) {
        JsonNode source = statement.isObject() ? statement.get("source") : null;
        if (source == null || !source.isTextual()) {
            return; // a bare value takes the stage's sources; a missing source is reported with the statement
        }
        String s = source.asText();
        if (!v.knowsSource(s)) {
            o.doc.error(ptr + "/source", "unknown source \"" + s + "\" (not in sources.json)" + Suggest.hint(s, v.sources()));
        }
    }

    /**
     * A stage of a hypothetical model is the user's own: it needs no sources (they default to USER)
     * and its values are inferred unless it says otherwise, as when given by --stage.
     */
    private StageRecord readStage(Obj o, int order, ModelReader.Vocab v, boolean hypothetical) {
        o.allowOnly(ModelReader.STAGE_FIELDS);
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
        if (!o.has("sources") && hypothetical) {
            sources = List.of("USER");
        } else if (!o.has("sources")) {
            o.doc.error(o.pointer, "missing required field \"sources\" (a list of source ids)");
        }
        for (int i = 0; i < sources.size(); i++) {
            String s = sources.get(i);
            if (!v.knowsSource(s)) {
                o.doc.error(o.at("sources") + "/" + i, "unknown source \"" + s + "\" (not in sources.json)"
                        + (hypothetical ? "; a hypothetical model's stages need no sources: leave \"sources\" out, or write USER "
                        + "for your own values" : Suggest.hint(s, v.sources())));
            }
        }
        Status status = o.status(hypothetical ? Status.INFERRED : Status.PUBLISHED);
        String where = o.text("where", false);
        Statement<Void> bare = new Statement<>(null, sources.isEmpty() ? "USER" : sources.get(0), where, status, null, null, null);
        Field<Boolean> present = o.field("present", Obj.BOOLEAN, null);
        String assumeAs = o.text("assumeAs", false);
        if (!present.statements().isEmpty() && assumeAs == null) {
            o.doc.error(o.pointer, "a stage with disputed \"present\" needs \"assumeAs\": the name --assume uses for it");
        }
        Field<Double> tokens = o.field("tokens", Obj.number("of billions of tokens", 0, Units.MAX_TOKENS, Units.Scale.BILLIONS), bare);
        Field<Double> codeShare = o.field("codeShare", Obj.number("(a share)", 0, 1, Units.Scale.SHARE), bare);
        Field<Integer> tasks = o.field("tasks", Obj.count("tasks", 1), bare);
        Field<Integer> examples = o.field("examples", Obj.count("examples", 1), bare);
        Field<Double> computeShare = o.field("computeShare", Obj.number("(a share)", 0, 1, Units.Scale.SHARE), bare);
        for (Field<?> f : List.of(present, tokens, codeShare, tasks, examples, computeShare)) {
            checkSources(o, f, v);
        }
        String objective = o.oneOf("objective", ModelReader.OBJECTIVES, false);
        List<String> mixture = o.texts("mixture");
        for (int i = 0; i < mixture.size(); i++) {
            if (!ModelReader.MIXTURES.contains(mixture.get(i))) {
                o.doc.error(o.at("mixture") + "/" + i, "unknown mixture part \"" + mixture.get(i) + "\"; expected one of "
                        + String.join(", ", ModelReader.MIXTURES.stream().sorted().toList()) + Suggest.hint(mixture.get(i), ModelReader.MIXTURES).replace("; did", ". Did"));
            }
        }
        if (k != null) {
            for (String attr : ModelReader.STAGE_ATTRIBUTES) {
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
    void checkLineage(Map<String, ModelReader.Located> models, Set<String> report) {
        checkLineage(models, report, null);
    }

    /** {@code models} holds the models to check and their ancestors; {@code kb}, when given, the other names a hint may suggest. */
    private void checkLineage(Map<String, ModelReader.Located> models, Set<String> report, KnowledgeBase kb) {
        for (String id : report) {
            ModelReader.Located l = models.get(id);
            Field<String> parent = l.model().parent();
            for (int i = 0; i < parent.statements().size(); i++) {
                String p = parent.statements().get(i).value();
                if (p != null && !models.containsKey(p) && !rejected.contains(p)) {
                    Set<String> names = new LinkedHashSet<>(models.keySet());
                    if (kb != null) {
                        kb.models().forEach(m -> names.add(m.id()));
                    }
                    l.error(l.parentValue(i), unknownParent.apply(p, "unknown parent \"" + p + "\" (no such model)"
                            + Suggest.hint(p, names)));
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
