package org.origins.kb;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.origins.io.InputException;
import org.origins.io.Problem;

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
    public static final Set<String> OBJECTIVES = Set.of("causal-lm", "prefix-lm", "span-corruption");
    static final Set<String> MIXTURES = Set.of("exemplars", "chain-of-thought", "dialogue");

    private final KnowledgeBase kb;
    private final Vocab vocab;
    private final boolean standIns;

    private ModelReader(KnowledgeBase kb, Vocab vocab, boolean standIns) {
        this.kb = kb;
        this.vocab = vocab;
        this.standIns = standIns;
    }

    /** A reader of models to add to {@code kb}, validated against its vocabularies and models. */
    public static ModelReader against(KnowledgeBase kb) {
        return new ModelReader(kb, new Vocab(kb.abilities().stream().map(Ability::id).toList(), kb.stageKinds(), kb.sources().keySet()),
                false);
    }

    /** The same reader, with {@code models} known too (the same vocabularies). */
    public ModelReader knowing(java.util.Collection<ModelRecord> models) {
        return models.isEmpty() ? this : new ModelReader(kb.with(models), vocab, standIns);
    }

    /**
     * The same reader, accepting a model whose id is a real model's: it stands in for that model for
     * the run ({@code predict FILE}, {@code --with FILE}); {@code add}, which saves models, refuses it.
     * {@link #standingIn(List)} names the models read that do.
     */
    public ModelReader allowingStandIns() {
        return new ModelReader(kb, vocab, true);
    }

    /** The models of {@code models} that stand in for a real model of the knowledge base. */
    public List<ModelRecord> standingIn(List<ModelRecord> models) {
        return models.stream().filter(m -> kb.model(m.id()).filter(x -> !x.hypothetical()).isPresent()).toList();
    }

    /**
     * Reads model files (JSON or YAML): ids must be new (or hypothetical ones the files replace);
     * parents must exist in the knowledge base or among the files.
     */
    public List<ModelRecord> files(List<Path> files, boolean hypotheticalRequired) {
        ModelReading l = new ModelReading(new ArrayList<>(), new LinkedHashSet<>());
        Map<String, Located> found = new LinkedHashMap<>();
        for (Path f : files) {
            l.readModelFile(f, vocab, found, hypotheticalRequired);
        }
        l.finishAdded(kb, found, standIns);
        return found.values().stream().map(Located::model).toList();
    }

    /** The hypothetical models listed at {@code pointer} of an already parsed document (a scenario's {@code models}). */
    public List<ModelRecord> inline(JsonDoc doc, String pointer) {
        ModelReading l = new ModelReading(doc.problems, new LinkedHashSet<>());
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
        l.finishAdded(kb, found, standIns);
        return found.values().stream().map(Located::model).toList();
    }

    /**
     * The one hypothetical model that is the root object of {@code doc} (a line of JSON Lines for
     * {@code predict --batch}). {@code unknownParent} words the problem of a parent that is not a
     * known model, from the parent's id and the usual message.
     */
    public ModelRecord line(JsonDoc doc, BinaryOperator<String> unknownParent) {
        ModelReading l = new ModelReading(doc.problems, new LinkedHashSet<>());
        l.unknownParent = unknownParent;
        Map<String, Located> found = new LinkedHashMap<>();
        Obj o = Obj.of(doc, doc.root(), "", "a model");
        if (o != null) {
            l.readModel(o, vocab, found, true);
        }
        l.finishAdded(kb, found, standIns);
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
}
