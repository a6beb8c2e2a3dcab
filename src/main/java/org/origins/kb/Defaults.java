package org.origins.kb;

import com.fasterxml.jackson.databind.JsonNode;
import org.origins.io.InputException;
import org.origins.io.Problem;
import org.origins.io.Suggest;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What origins assumes for a stage attribute a model's file leaves out ({@code facts/defaults.json}):
 * literature-backed defaults, each sourced, applied in order (the first that fits wins), and the
 * values to probe when asking which missing facts would change a conclusion. An assumed value is
 * an educated guess: it is shown in proofs and a user's {@code --assume} overrides it.
 */
public record Defaults(List<Default> defaults, Map<String, List<Object>> probes) {
    /** The stage attributes a default can fill. */
    public static final Set<String> FIELDS = Set.of("objective", "tokens", "codeShare");
    /** The attributes that can be probed: the stage attributes and a model's size. */
    public static final Set<String> PROBED = Set.of("objective", "tokens", "codeShare", "tasks", "examples", "parameters");

    public Defaults {
        defaults = List.copyOf(defaults);
        probes = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(probes)); // in the file's order: answers list them so
    }

    public static Defaults none() {
        return new Defaults(List.of(), Map.of());
    }

    /**
     * One default. It fits a stage of one of {@code stageKinds} (of a model released in
     * [{@code releasedFrom}, {@code releasedBefore}) when those are given; with
     * {@code firstPretraining}, only the first pretraining stage of a model trained from scratch.
     * The value is {@code value}, or {@code perParameter} × the model's size (billions), at least
     * {@code atLeast}.
     */
    public record Default(String id, String field, List<String> stageKinds, boolean firstPretraining,
                          String releasedFrom, String releasedBefore, Object value, Double perParameter, Double atLeast,
                          String source, String where, String note) {
        public Default {
            stageKinds = List.copyOf(stageKinds);
        }

        /** Whether the default fits a stage of this kind (and its broader kinds) of a model released then. */
        public boolean fits(Set<String> kinds, String released, boolean first) {
            if (stageKinds.stream().noneMatch(kinds::contains) || (firstPretraining && !first)) {
                return false;
            }
            if (releasedFrom == null && releasedBefore == null) {
                return true;
            }
            if (released == null) {
                return false;
            }
            String r = released.length() == 4 ? released + "-12" : released;
            return (releasedFrom == null || r.compareTo(releasedFrom) >= 0)
                    && (releasedBefore == null || r.compareTo(releasedBefore) < 0);
        }

        /** The value for a model of {@code parameters} billions (null when it needs a size that is unknown). */
        public Object valueFor(Double parameters) {
            if (perParameter == null) {
                return value;
            }
            if (parameters == null) {
                return null;
            }
            double v = perParameter * parameters;
            return atLeast == null ? v : Math.max(v, atLeast);
        }

        /** "CHINCHILLA Table 1". */
        public String citation() {
            return where == null ? source : source + " " + where;
        }
    }

    /**
     * Whether the stage is the first pretraining of a model trained from scratch: the stage whose token
     * count a {@code firstPretraining} default fills (later stages' unknown tokens add nothing known).
     */
    public static boolean firstPretraining(KnowledgeBase kb, ModelRecord m, StageRecord s) {
        if (m.parent().value() != null) {
            return false;
        }
        for (StageRecord x : m.stages()) {
            if (x.isPresent() && kb.kindClosure(x.kind()).contains("pretraining")) {
                return x.order() == s.order();
            }
        }
        return false;
    }

    // ---- reading ---------------------------------------------------------------------------------

    private static final Set<String> DEFAULT_FIELDS = Set.of("id", "field", "stageKinds", "firstPretraining", "releasedFrom",
            "releasedBefore", "value", "perParameter", "atLeast", "source", "where", "note");

    /** Reads facts/defaults.json (optional: none when the file is absent), reporting problems with their places. */
    static Defaults read(Path file, Set<String> kinds, Set<String> sources, List<Problem> problems) {
        if (!Files.exists(file)) {
            return none();
        }
        var doc = JsonDoc.read(file, problems);
        if (doc.isEmpty()) {
            return none();
        }
        Obj root = Obj.of(doc.get(), doc.get().root(), "", "a defaults file with \"defaults\" and \"probes\"");
        if (root == null) {
            return none();
        }
        root.allowOnly(Set.of("defaults", "probes"));
        List<Default> out = new ArrayList<>();
        Set<String> ids = new LinkedHashSet<>();
        for (Obj o : root.objects("defaults", "default", true)) {
            Default d = readDefault(o, kinds, sources);
            if (d != null && !ids.add(d.id())) {
                o.doc.error(o.at("id"), "duplicate default id \"" + d.id() + "\"");
            } else if (d != null) {
                out.add(d);
            }
        }
        Map<String, List<Object>> probes = new LinkedHashMap<>();
        JsonNode p = root.raw("probes");
        if (p != null && !p.isObject()) {
            doc.get().error(root.at("probes"), "\"probes\" must be an object: attribute → list of values to try");
        } else if (p != null) {
            for (var it = p.fields(); it.hasNext(); ) {
                var e = it.next();
                String ptr = root.at("probes") + "/" + e.getKey();
                if (!PROBED.contains(e.getKey())) {
                    doc.get().error(ptr, "cannot probe \"" + e.getKey() + "\"; expected one of " + String.join(", ", PROBED.stream().sorted().toList())
                            + Suggest.hint(e.getKey(), PROBED));
                    continue;
                }
                List<Object> values = new ArrayList<>();
                if (!e.getValue().isArray() || e.getValue().isEmpty()) {
                    doc.get().error(ptr, "expected a non-empty list of values to try");
                    continue;
                }
                for (JsonNode v : e.getValue()) {
                    Object value = probeValue(e.getKey(), v);
                    if (value == null) {
                        doc.get().error(ptr, "not a value of " + e.getKey() + ": " + Obj.describe(v));
                    } else {
                        values.add(value);
                    }
                }
                probes.put(e.getKey(), values);
            }
        }
        return new Defaults(out, probes);
    }

    private static Object probeValue(String field, JsonNode v) {
        return switch (field) {
            case "objective" -> v.isTextual() && ModelReader.OBJECTIVES.contains(v.asText()) ? v.asText() : null;
            case "tasks", "examples" -> v.isIntegralNumber() && v.asInt() >= 1 ? v.asInt() : null;
            case "codeShare" -> v.isNumber() && v.asDouble() >= 0 && v.asDouble() <= 1 ? v.asDouble() : null;
            default -> v.isNumber() && v.asDouble() > 0 ? v.asDouble() : null;
        };
    }

    private static Default readDefault(Obj o, Set<String> kinds, Set<String> sources) {
        int before = o.doc.errorCount();
        o.allowOnly(DEFAULT_FIELDS);
        String id = o.text("id", true);
        String field = o.oneOf("field", FIELDS, true);
        List<String> stageKinds = o.texts("stageKinds");
        if (stageKinds.isEmpty()) {
            o.doc.error(o.has("stageKinds") ? o.at("stageKinds") : o.pointer, "a default needs \"stageKinds\": the stage kinds it fills");
        }
        for (int i = 0; i < stageKinds.size(); i++) {
            if (kinds != null && !kinds.contains(stageKinds.get(i))) {
                o.doc.error(o.at("stageKinds") + "/" + i, "unknown stage kind \"" + stageKinds.get(i) + "\"" + Suggest.hint(stageKinds.get(i), kinds));
            }
        }
        String from = o.oneOfDate("releasedFrom");
        String until = o.oneOfDate("releasedBefore");
        JsonNode raw = o.raw("value");
        Double perParameter = o.positive("perParameter");
        Double atLeast = o.positive("atLeast");
        Object value = null;
        if ((raw == null) == (perParameter == null)) {
            o.doc.error(o.pointer, "a default gives either \"value\" or \"perParameter\"");
        } else if (raw != null) {
            value = field == null ? null : probeValue(field, raw);
            if (value == null && field != null) {
                o.doc.error(o.at("value"), "not a value of " + field + ": " + Obj.describe(raw));
            }
        } else if (!"tokens".equals(field) && field != null) {
            o.doc.error(o.at("perParameter"), "\"perParameter\" applies to tokens only");
        }
        String source = o.text("source", true);
        if (source != null && sources != null && !sources.contains(source)) {
            o.doc.error(o.at("source"), "unknown source \"" + source + "\" (not in sources.json)" + Suggest.hint(source, sources));
        }
        if (o.doc.errorCount() > before || id == null) {
            return null;
        }
        return new Default(id, field, stageKinds, o.bool("firstPretraining", false), from, until, value, perParameter, atLeast,
                source, o.text("where", false), o.text("note", false));
    }
}
