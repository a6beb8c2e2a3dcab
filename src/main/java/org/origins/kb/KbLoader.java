package org.origins.kb;

import com.fasterxml.jackson.databind.JsonNode;
import org.origins.io.InputException;
import org.origins.io.Problem;
import org.origins.io.Suggest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Loads facts/ strictly: every problem in every file is collected (file, line, column, JSON
 * pointer, what was expected, a near-miss suggestion) and reported together.
 */
public final class KbLoader {
    private final List<Problem> problems = new ArrayList<>();
    /**
     * Ids of models that were stated but could not be loaded because of their own errors (and the
     * names of model files that could not be read at all): references to them are not reported
     * again as unknown, so that one mistake gives one problem.
     */
    private final Set<String> rejected = new LinkedHashSet<>();

    private KbLoader() {
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
        return read(dir).problems();
    }

    /** A folder read: the knowledge base (null when any problem is an error) and every problem found. */
    public record Read(KnowledgeBase kb, List<Problem> problems) {
        public Read {
            problems = List.copyOf(problems);
        }
    }

    /** Loads and validates once, keeping the knowledge base when it has no error; for {@code check}. */
    public static Read read(Path dir) {
        KbLoader l = new KbLoader();
        KnowledgeBase kb = l.loadAll(dir);
        return new Read(l.problems.stream().anyMatch(Problem::isError) ? null : kb, l.problems);
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
        ModelReader.Vocab v = new ModelReader.Vocab(kb.abilities().stream().map(Ability::id).toList(), kb.stageKinds(),
                kb.sources().keySet());
        List<Observation> out = l.readObservations(file, v, new LinkedHashSet<>(kb.models().stream().map(ModelRecord::id).toList()));
        if (l.problems.stream().anyMatch(Problem::isError)) {
            throw new InputException(l.problems);
        }
        return out;
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
        ModelReader.Vocab v = new ModelReader.Vocab(abilities == null ? null : abilities.stream().map(Ability::id).toList(), kindMap,
                sources == null ? null : new LinkedHashSet<>(sources.stream().map(Source::id).toList()));
        ModelReading reading = new ModelReading(problems, rejected);
        Map<String, ModelReader.Located> models = new LinkedHashMap<>();
        for (Path f : listFiles(dir.resolve("models"), true)) {
            reading.readModelFile(f, v, models, false);
        }
        for (Path f : listFiles(HypotheticalStore.folder(dir), false)) {
            reading.readModelFile(f, v, models, true);
        }
        reading.checkLineage(models, models.keySet());
        // without a models folder (reported above) the model ids are unknown, not empty: no cascade of "unknown model"
        List<Observation> observations = readObservations(dir.resolve("observations.json"), v,
                Files.isDirectory(dir.resolve("models")) ? models.keySet() : null);
        Defaults defaults = Defaults.read(dir.resolve("defaults.json"), kindMap == null ? null : kindMap.keySet(),
                v.sources(), problems);
        return new KnowledgeBase(dir, orEmpty(abilities), orEmpty(kinds), orEmpty(sources),
                models.values().stream().map(ModelReader.Located::model).toList(), observations, defaults);
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
                return !n.startsWith(".") && (JsonDoc.isYaml(p) || n.toLowerCase(java.util.Locale.ROOT).endsWith(".json"));
            }).sorted().toList();
            for (Path p : named) {
                // a model file that cannot be read must not vanish silently: a broken symbolic link, a link loop
                if (Files.isSymbolicLink(p) && !Files.exists(p)) {
                    problems.add(Problem.error(p, 0, 0, null, "cannot read: a symbolic link that leads to no file "
                            + "(broken, or a loop of links); expected a JSON or YAML model file"));
                    rejected.add(ModelReader.stem(p));
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
            for (String n : a.names()) {
                if (!names.add(n.toLowerCase(java.util.Locale.ROOT))) {
                    o.doc.error(o.pointer, "the name or alias \"" + n + "\" is used by two abilities");
                }
            }
            out.add(a);
        }
        return out;
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
                if (!ModelReader.STAGE_ATTRIBUTES.contains(attrs.get(i))) {
                    o.doc.error(o.at("attributes") + "/" + i, "unknown stage attribute \"" + attrs.get(i) + "\""
                            + Suggest.hint(attrs.get(i), ModelReader.STAGE_ATTRIBUTES));
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

    private List<Observation> readObservations(Path file, ModelReader.Vocab v, Set<String> modelIds) {
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
            String opText = o.text("op", true);
            if (levelText == null && !hasThan) {
                o.doc.error(o.pointer, "an observation needs either \"level\" or \"than\"");
            } else if (o.has("level") && hasThan) {
                o.doc.error(o.at("than"), "an observation states either a \"level\" or an ordering \"than\" another "
                        + "model, not both");
            }
            Set<String> ops = o.has("than") ? Set.of("<", ">", "=") : Set.of("=", ">=", "<=");
            Relation op = opText != null && ops.contains(opText) ? Relation.parse(opText).orElseThrow() : null;
            if (opText != null && op == null) {
                o.doc.error(o.at("op"), "\"op\" must be one of " + String.join(" ", ops.stream().sorted().toList())
                        + (o.has("than") ? " when comparing with another model" : " with a level") + ", found \"" + opText + "\"");
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
