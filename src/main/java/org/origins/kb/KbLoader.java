package org.origins.kb;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Loads facts/ strictly: every problem in every file is collected (file, line, column, JSON
 * pointer, what was expected, a near-miss suggestion) and reported together.
 */
public final class KbLoader {
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

    private final List<Problem> problems;
    /**
     * Ids of models that were stated but could not be loaded because of their own errors (and the
     * names of model files that could not be read at all): references to them are not reported
     * again as unknown, so that one mistake gives one problem.
     */
    private final Set<String> rejected = new LinkedHashSet<>();

    private KbLoader() {
        this(new ArrayList<>());
    }

    /** A loader that adds its problems to {@code problems} (a document's own list). */
    private KbLoader(List<Problem> problems) {
        this.problems = problems;
    }

    /** Loads a facts directory, or throws {@link InputException} listing every problem. */
    public static KnowledgeBase load(Path dir) {
        KbLoader l = new KbLoader();
        KnowledgeBase kb = l.loadAll(dir);
        if (l.problems.stream().anyMatch(Problem::isError)) {
            throw new InputException(l.problems);
        }
        return kb;
    }

    /** Loads and validates, returning every problem (errors and warnings) found; for {@code check}. */
    public static List<Problem> check(Path dir) {
        KbLoader l = new KbLoader();
        l.loadAll(dir);
        return List.copyOf(l.problems);
    }

    /**
     * Reads model files (JSON or YAML) to add to {@code kb}, validated against it: ids must be new
     * unless {@code replace}; parents must exist in kb or among the files.
     */
    public static List<ModelRecord> readModels(KnowledgeBase kb, List<Path> files, boolean hypotheticalRequired) {
        return readModels(kb, files, hypotheticalRequired, false);
    }

    /**
     * Like {@link #readModels(KnowledgeBase, List, boolean)}; with {@code standIns}, a model whose id is a
     * real model's is accepted: it stands in for that model for the run (predict FILE, --with FILE), where
     * {@code add}, which saves models, refuses it.
     */
    public static List<ModelRecord> readModels(KnowledgeBase kb, List<Path> files, boolean hypotheticalRequired,
                                               boolean standIns) {
        KbLoader l = new KbLoader();
        Vocab v = new Vocab(kb.abilities().stream().map(Ability::id).toList(), kb.stageKinds(), kb.sources().keySet());
        Map<String, Located> found = new LinkedHashMap<>();
        for (Path f : files) {
            l.readModelFile(f, v, found, hypotheticalRequired);
        }
        l.finishAdded(kb, found, standIns);
        return found.values().stream().map(Located::model).toList();
    }

    /**
     * Reads the models listed inline at {@code pointer} of an already parsed document (a scenario's
     * {@code models}), validated against {@code kb} like {@link #readModels(KnowledgeBase, List, boolean)}.
     */
    public static List<ModelRecord> readModels(KnowledgeBase kb, JsonDoc doc, String pointer) {
        KbLoader l = new KbLoader(doc.problems);
        Vocab v = new Vocab(kb.abilities().stream().map(Ability::id).toList(), kb.stageKinds(), kb.sources().keySet());
        Map<String, Located> found = new LinkedHashMap<>();
        JsonNode list = doc.root().at(pointer);
        if (!list.isArray()) {
            doc.error(pointer, "expected a list of models, found " + Obj.describe(list));
        } else {
            for (int i = 0; i < list.size(); i++) {
                Obj o = Obj.of(doc, list.get(i), pointer + "/" + i, "a model");
                if (o != null) {
                    l.readModel(o, v, found, true);
                }
            }
        }
        l.finishAdded(kb, found);
        return found.values().stream().map(Located::model).toList();
    }

    /**
     * Reads the one hypothetical model that is the root object of {@code doc} (a line of JSON Lines
     * for {@code predict --batch}), validated against {@code kb} like the other readers.
     */
    public static ModelRecord readModel(KnowledgeBase kb, JsonDoc doc) {
        KbLoader l = new KbLoader(doc.problems);
        Vocab v = new Vocab(kb.abilities().stream().map(Ability::id).toList(), kb.stageKinds(), kb.sources().keySet());
        Map<String, Located> found = new LinkedHashMap<>();
        Obj o = Obj.of(doc, doc.root(), "", "a model");
        if (o != null) {
            l.readModel(o, v, found, true);
        }
        l.finishAdded(kb, found);
        if (found.isEmpty()) {
            throw new InputException(doc.problems.isEmpty()
                    ? List.of(Problem.error(doc.file, 0, 0, null, "no model read")) : doc.problems);
        }
        return found.values().iterator().next().model();
    }

    /**
     * Reads an observation file other than facts/observations.json (for {@code check --observations
     * --observed FILE}), validated against {@code kb}'s models, abilities and sources.
     */
    public static List<Observation> readObservations(KnowledgeBase kb, Path file) {
        KbLoader l = new KbLoader();
        if (!Files.isRegularFile(file)) {
            throw new InputException(List.of(Problem.error(file, 0, 0, null, "observation file not found")));
        }
        Vocab v = new Vocab(kb.abilities().stream().map(Ability::id).toList(), kb.stageKinds(), kb.sources().keySet());
        List<Observation> out = l.readObservations(file, v, new LinkedHashSet<>(kb.models().stream().map(ModelRecord::id).toList()));
        if (l.problems.stream().anyMatch(Problem::isError)) {
            throw new InputException(l.problems);
        }
        return out;
    }

    private void finishAdded(KnowledgeBase kb, Map<String, Located> found) {
        finishAdded(kb, found, false);
    }

    private void finishAdded(KnowledgeBase kb, Map<String, Located> found, boolean standIns) {
        // the models the lineage checks read: the new ones and the knowledge base's ancestors of them (not every
        // model of the knowledge base: a batch checks each of its lines this way)
        Map<String, Located> all = new LinkedHashMap<>(found);
        for (var e : found.entrySet()) {
            ModelRecord prior = kb.model(e.getKey()).orElse(null);
            if (prior != null && !prior.hypothetical() && !standIns) {
                e.getValue().error("/id", "\"" + e.getKey() + "\" is a real model of the knowledge base; "
                        + "give the hypothetical model an id of its own");
            }
            for (Statement<String> st : e.getValue().model().parent().statements()) {
                for (ModelRecord m = st.value() == null ? null : kb.model(st.value()).orElse(null);
                     m != null && !all.containsKey(m.id()); m = kb.parentOf(m).orElse(null)) {
                    all.put(m.id(), new Located(m, null, null));
                }
            }
        }
        checkLineage(all, found.keySet(), kb);
        if (problems.stream().anyMatch(Problem::isError)) {
            throw new InputException(problems);
        }
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

    private KnowledgeBase loadAll(Path dir) {
        if (!Files.isDirectory(dir)) {
            problems.add(Problem.error(dir, 0, 0, null, "facts directory not found (expected abilities.json, "
                    + "stage-kinds.json, sources.json, models/ inside it); use --facts DIR"));
            return null;
        }
        List<Ability> abilities = readAbilities(dir.resolve("abilities.json"));
        List<StageKind> kinds = readStageKinds(dir.resolve("stage-kinds.json"));
        List<Source> sources = readSources(dir.resolve("sources.json"));
        Map<String, StageKind> kindMap = null;
        if (kinds != null) {
            kindMap = new LinkedHashMap<>();
            for (StageKind k : kinds) {
                kindMap.put(k.id(), k);
            }
        }
        Vocab v = new Vocab(abilities == null ? null : abilities.stream().map(Ability::id).toList(), kindMap,
                sources == null ? null : new LinkedHashSet<>(sources.stream().map(Source::id).toList()));
        Map<String, Located> models = new LinkedHashMap<>();
        for (Path f : listFiles(dir.resolve("models"), true)) {
            readModelFile(f, v, models, false);
        }
        for (Path f : listFiles(dir.resolve("hypothetical"), false)) {
            readModelFile(f, v, models, true);
        }
        checkLineage(models, models.keySet());
        // without a models folder (reported above) the model ids are unknown, not empty: no cascade of "unknown model"
        List<Observation> observations = readObservations(dir.resolve("observations.json"), v,
                Files.isDirectory(dir.resolve("models")) ? models.keySet() : null);
        Defaults defaults = Defaults.read(dir.resolve("defaults.json"), kindMap == null ? null : kindMap.keySet(),
                v.sources(), problems);
        return new KnowledgeBase(dir, orEmpty(abilities), orEmpty(kinds), orEmpty(sources),
                models.values().stream().map(Located::model).toList(), observations, defaults);
    }

    private static <T> List<T> orEmpty(List<T> list) {
        return list == null ? List.of() : list;
    }

    private List<Path> listFiles(Path dir, boolean required) {
        if (!Files.isDirectory(dir)) {
            if (required) {
                problems.add(Problem.error(dir, 0, 0, null, "models directory not found: expected one JSON file per model"));
            }
            return List.of();
        }
        try (Stream<Path> s = Files.list(dir)) {
            List<Path> named = s.filter(p -> {
                String n = p.getFileName().toString();
                return !n.startsWith(".") && (n.endsWith(".json") || n.endsWith(".yaml") || n.endsWith(".yml"));
            }).sorted().toList();
            for (Path p : named) {
                // a model file that cannot be read must not vanish silently: a broken symbolic link, a link loop
                if (Files.isSymbolicLink(p) && !Files.exists(p)) {
                    problems.add(Problem.error(p, 0, 0, null, "cannot read: a symbolic link that leads to no file "
                            + "(broken, or a loop of links); expected a JSON or YAML model file"));
                    rejected.add(stem(p));
                }
            }
            return named.stream().filter(Files::isRegularFile).toList();
        } catch (IOException e) {
            problems.add(Problem.error(dir, 0, 0, null, "cannot list: " + e.getMessage()));
            return List.of();
        }
    }

    private Obj rootList(Path file, String listName, String what) {
        var doc = JsonDoc.read(file, problems);
        if (doc.isEmpty()) {
            return null;
        }
        Obj root = Obj.of(doc.get(), doc.get().root, "", "a " + what + " file with a \"" + listName + "\" list");
        if (root != null) {
            root.allowOnly(Set.of(listName));
        }
        return root;
    }

    /**
     * The items of a vocabulary file's list, or null (with a problem) when the file or its list
     * cannot be read: its vocabulary is then unknown rather than empty.
     */
    private static List<Obj> items(Obj root, String listName, String what) {
        if (root == null) {
            return null;
        }
        List<Obj> items = root.objects(listName, what, true);
        JsonNode list = root.raw(listName);
        return list != null && list.isArray() ? items : null;
    }

    private List<Ability> readAbilities(Path file) {
        List<Ability> out = new ArrayList<>();
        List<Obj> items = items(rootList(file, "abilities", "abilities"), "abilities", "ability");
        if (items == null) {
            return null;
        }
        Set<String> names = new LinkedHashSet<>();
        for (Obj o : items) {
            o.allowOnly(Set.of("id", "short", "name", "nameZh", "aliases", "description", "claims"));
            String id = o.text("id", true);
            String name = o.text("name", true);
            Ability a = new Ability(id, o.text("short", false), name, o.text("nameZh", false), o.texts("aliases"), o.text("description", false),
                    o.texts("claims"));
            if (id == null || name == null) {
                continue;
            }
            for (String n : allNames(a)) {
                if (!names.add(n.toLowerCase(java.util.Locale.ROOT))) {
                    o.doc.error(o.pointer, "the name or alias \"" + n + "\" is used by two abilities");
                }
            }
            out.add(a);
        }
        return out;
    }

    public static List<String> allNames(Ability a) {
        List<String> n = new ArrayList<>();
        n.add(a.id());
        n.add(a.name());
        if (a.nameZh() != null) {
            n.add(a.nameZh());
        }
        n.addAll(a.aliases());
        return n.stream().distinct().toList();
    }

    private List<StageKind> readStageKinds(Path file) {
        List<StageKind> out = new ArrayList<>();
        List<Obj> items = items(rootList(file, "stageKinds", "stage kinds"), "stageKinds", "stage kind");
        if (items == null) {
            return null;
        }
        Set<String> ids = new LinkedHashSet<>();
        for (Obj o : items) {
            String id = o.text("id", false);
            if (id != null) {
                ids.add(id);
            }
        }
        for (Obj o : items) {
            o.allowOnly(Set.of("id", "name", "nameZh", "isA", "abstract", "description", "attributes"));
            String id = o.text("id", true);
            List<String> isA = o.texts("isA");
            for (int i = 0; i < isA.size(); i++) {
                if (!ids.contains(isA.get(i))) {
                    o.doc.error(o.at("isA") + "/" + i, "unknown stage kind \"" + isA.get(i) + "\"" + Suggest.hint(isA.get(i), ids));
                }
            }
            List<String> attrs = o.texts("attributes");
            for (int i = 0; i < attrs.size(); i++) {
                if (!STAGE_ATTRIBUTES.contains(attrs.get(i))) {
                    o.doc.error(o.at("attributes") + "/" + i, "unknown stage attribute \"" + attrs.get(i) + "\""
                            + Suggest.hint(attrs.get(i), STAGE_ATTRIBUTES));
                }
            }
            if (id != null) {
                out.add(new StageKind(id, o.text("name", true), o.text("nameZh", false), isA, o.bool("abstract", false),
                        o.text("description", false), attrs));
            }
        }
        return out;
    }

    private List<Source> readSources(Path file) {
        List<Source> out = new ArrayList<>();
        List<Obj> items = items(rootList(file, "sources", "sources"), "sources", "source");
        if (items == null) {
            return null;
        }
        Set<String> ids = new LinkedHashSet<>();
        for (Obj o : items) {
            o.allowOnly(Set.of("id", "title", "authors", "year", "kind", "url", "where"));
            String id = o.text("id", true);
            if (id != null && !ids.add(id)) {
                o.doc.error(o.at("id"), "duplicate source id \"" + id + "\"");
            }
            if (id != null) {
                out.add(new Source(id, o.text("title", true), o.text("authors", false), o.integer("year"),
                        o.text("kind", false), o.text("url", false), o.text("where", false)));
            }
        }
        return out;
    }

    private void readModelFile(Path file, Vocab v, Map<String, Located> models, boolean hypothetical) {
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

    /** The file name without its extension: a model file is named after the model's id. */
    private static String stem(Path file) {
        String n = file.getFileName().toString();
        int dot = n.lastIndexOf('.');
        return dot > 0 ? n.substring(0, dot) : n;
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
                    + (first.doc() == null ? "the knowledge base" : Paths.display(first.doc().file)));
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
    private void checkLineage(Map<String, Located> models, Set<String> report) {
        checkLineage(models, report, null);
    }

    /** {@code models} holds the models to check and their ancestors; {@code kb}, when given, the other names a hint may suggest. */
    private void checkLineage(Map<String, Located> models, Set<String> report, KnowledgeBase kb) {
        for (String id : report) {
            Located l = models.get(id);
            Field<String> parent = l.model().parent();
            for (int i = 0; i < parent.statements().size(); i++) {
                String p = parent.statements().get(i).value();
                if (p != null && !models.containsKey(p) && !rejected.contains(p)) {
                    Set<String> names = new LinkedHashSet<>(models.keySet());
                    if (kb != null) {
                        kb.models().forEach(m -> names.add(m.id()));
                    }
                    l.error(l.parentValue(i), "unknown parent \"" + p + "\" (no such model)" + Suggest.hint(p, names));
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

    private List<Observation> readObservations(Path file, Vocab v, Set<String> modelIds) {
        List<Observation> out = new ArrayList<>();
        if (!Files.exists(file)) {
            return out;
        }
        Obj root = rootList(file, "observations", "observations");
        if (root == null) {
            return out;
        }
        Set<String> ids = new LinkedHashSet<>();
        for (Obj o : root.objects("observations", "observation", true)) {
            o.allowOnly(Set.of("id", "model", "ability", "level", "op", "than", "evidence", "source", "where", "status", "note"));
            String id = o.text("id", true);
            if (id != null && !ids.add(id)) {
                o.doc.error(o.at("id"), "duplicate observation id \"" + id + "\"");
            }
            String model = knownModel(o, "model", modelIds, true);
            boolean hasThan = o.has("than") && !o.raw("than").isNull();
            String than = knownModel(o, "than", modelIds, false);
            String ability = o.text("ability", true);
            if (ability != null && !v.knowsAbility(ability)) {
                o.doc.error(o.at("ability"), "unknown ability \"" + ability + "\"" + Suggest.hint(ability, v.abilities()));
                ability = null;
            }
            String levelText = o.text("level", false);
            Level level = Level.parse(levelText).orElse(null);
            if (levelText != null && level == null) {
                o.doc.error(o.at("level"), "level must be one of none, weak, present, strong, found \"" + levelText + "\"");
            }
            String op = o.text("op", true);
            if (levelText == null && !hasThan) {
                o.doc.error(o.pointer, "an observation needs either \"level\" or \"than\"");
            } else if (o.has("level") && hasThan) {
                o.doc.error(o.at("than"), "an observation states either a \"level\" or an ordering \"than\" another "
                        + "model, not both");
            }
            Set<String> ops = o.has("than") ? Set.of("<", ">", "=") : Set.of("=", ">=", "<=");
            if (op != null && !ops.contains(op)) {
                o.doc.error(o.at("op"), "\"op\" must be one of " + String.join(" ", ops.stream().sorted().toList())
                        + (o.has("than") ? " when comparing with another model" : " with a level") + ", found \"" + op + "\"");
                op = null;
            }
            String source = o.text("source", true);
            if (source != null && !v.knowsSource(source)) {
                o.doc.error(o.at("source"), "unknown source \"" + source + "\"" + Suggest.hint(source, v.sources()));
            }
            if (id != null && model != null && ability != null && op != null && source != null) {
                out.add(new Observation(id, model, ability, level, op, than, o.text("evidence", false),
                        new Statement<>(null, source, o.text("where", false), o.status(Status.PUBLISHED), o.text("note", false), null, null)));
            }
        }
        return out;
    }

    private String knownModel(Obj o, String field, Set<String> ids, boolean required) {
        String m = o.text(field, required);
        if (m != null && ids != null && !ids.contains(m)) {
            if (!rejected.contains(m)) { // a model rejected for its own errors is reported there
                o.doc.error(o.at(field), "unknown model \"" + m + "\"" + Suggest.hint(m, ids));
            }
            return null;
        }
        return m;
    }
}
