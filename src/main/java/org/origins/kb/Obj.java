package org.origins.kb;

import com.fasterxml.jackson.databind.JsonNode;
import org.origins.io.Suggest;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

/** A JSON object at a pointer, read strictly: every wrong field becomes a problem with its place. */
public final class Obj {
    private static final Pattern DATE = Pattern.compile("\\d{4}(-(0[1-9]|1[0-2]))?");

    final JsonDoc doc;
    final JsonNode node;
    final String pointer;

    private Obj(JsonDoc doc, JsonNode node, String pointer) {
        this.doc = doc;
        this.node = node;
        this.pointer = pointer;
    }

    /** The value at pointer as an object, or null (with a problem) when it is not one. */
    public static Obj of(JsonDoc doc, JsonNode node, String pointer, String what) {
        if (node == null || !node.isObject()) {
            doc.error(pointer, "expected " + what + " (an object), found " + describe(node));
            return null;
        }
        return new Obj(doc, node, pointer);
    }

    static String describe(JsonNode n) {
        if (n == null || n.isMissingNode()) {
            return "nothing";
        }
        if (n.isNull()) {
            return "null";
        }
        if (n.isTextual()) {
            return "the string \"" + n.asText() + "\"";
        }
        if (n.isBoolean()) {
            return "a boolean";
        }
        if (n.isNumber()) {
            return "the number " + n.asText();
        }
        if (n.isArray()) {
            return "a list";
        }
        return "an object";
    }

    public String pointer() {
        return pointer;
    }

    public String at(String name) {
        return pointer + "/" + name.replace("~", "~0").replace("/", "~1");
    }

    public boolean has(String name) {
        return node.has(name);
    }

    JsonNode raw(String name) {
        return node.get(name);
    }

    /** Reports every field not in {@code allowed}, with a near-miss suggestion. */
    public void allowOnly(Set<String> allowed) {
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String f = it.next();
            if (!allowed.contains(f)) {
                doc.error(at(f), "unknown field \"" + f + "\"" + hintOrList(f, allowed));
            }
        }
    }

    private static String hintOrList(String f, Set<String> allowed) {
        String hint = Suggest.hint(f, allowed);
        return hint.isEmpty() ? "; expected one of: " + String.join(", ", allowed.stream().sorted().toList()) : hint;
    }

    public String text(String name, boolean required) {
        JsonNode v = node.get(name);
        if (v == null || v.isNull()) {
            if (required) {
                doc.error(v == null ? pointer : at(name), "missing required field \"" + name + "\" (a string)");
            }
            return null;
        }
        if (!v.isTextual()) {
            doc.error(at(name), "\"" + name + "\" must be a string, found " + describe(v));
            return null;
        }
        return v.asText();
    }

    String oneOf(String name, Set<String> allowed, boolean required) {
        String v = text(name, required);
        if (v != null && !allowed.contains(v)) {
            doc.error(at(name), "\"" + name + "\" must be one of " + String.join(", ", allowed.stream().sorted().toList())
                    + ", found \"" + v + "\"" + Suggest.hint(v, allowed));
            return null;
        }
        return v;
    }

    /** Reports a problem with the value of field {@code name}. */
    public void invalid(String name, String message) {
        doc.error(at(name), message);
    }

    /** An optional date "YYYY" or "YYYY-MM". */
    String oneOfDate(String name) {
        String v = text(name, false);
        if (v != null && !DATE.matcher(v).matches()) {
            doc.error(at(name), "\"" + name + "\" must be a date \"YYYY\" or \"YYYY-MM\", found \"" + v + "\"");
            return null;
        }
        return v;
    }

    /** An optional number greater than zero. */
    Double positive(String name) {
        JsonNode v = node.get(name);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isNumber() || v.asDouble() <= 0) {
            doc.error(at(name), "\"" + name + "\" must be a number greater than 0, found " + describe(v));
            return null;
        }
        return v.asDouble();
    }

    boolean bool(String name, boolean fallback) {
        JsonNode v = node.get(name);
        if (v == null || v.isNull()) {
            return fallback;
        }
        if (!v.isBoolean()) {
            doc.error(at(name), "\"" + name + "\" must be true or false, found " + describe(v));
            return fallback;
        }
        return v.asBoolean();
    }

    Integer integer(String name) {
        JsonNode v = node.get(name);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isIntegralNumber()) {
            doc.error(at(name), "\"" + name + "\" must be a whole number, found " + describe(v));
            return null;
        }
        return v.asInt();
    }

    public List<String> texts(String name) {
        JsonNode v = node.get(name);
        List<String> out = new ArrayList<>();
        if (v == null || v.isNull()) {
            return out;
        }
        if (!v.isArray()) {
            doc.error(at(name), "\"" + name + "\" must be a list of strings, found " + describe(v));
            return out;
        }
        for (int i = 0; i < v.size(); i++) {
            JsonNode e = v.get(i);
            if (!e.isTextual()) {
                doc.error(at(name) + "/" + i, "expected a string, found " + describe(e));
            } else {
                out.add(e.asText());
            }
        }
        return out;
    }

    /** The elements of a list of objects; a missing list is empty (or a problem when required). */
    public List<Obj> objects(String name, String what, boolean required) {
        JsonNode v = node.get(name);
        List<Obj> out = new ArrayList<>();
        if (v == null || v.isNull()) {
            if (required) {
                doc.error(pointer, "missing required field \"" + name + "\" (a list of " + what + "s)");
            }
            return out;
        }
        if (!v.isArray()) {
            doc.error(at(name), "\"" + name + "\" must be a list of " + what + "s, found " + describe(v));
            return out;
        }
        for (int i = 0; i < v.size(); i++) {
            Obj o = of(doc, v.get(i), at(name) + "/" + i, what);
            if (o != null) {
                out.add(o);
            }
        }
        return out;
    }

    // ---- sourced fields -------------------------------------------------------------------

    /** How to read and check the value of a statement. */
    record ValueType<T>(String expected, Function<JsonNode, T> read) {
    }

    static final ValueType<String> STRING = new ValueType<>("a string", n -> n.isTextual() ? n.asText() : null);
    static final ValueType<Boolean> BOOLEAN = new ValueType<>("true or false", n -> n.isBoolean() ? n.asBoolean() : null);
    static final ValueType<String> DATE_TEXT = new ValueType<>("a date \"YYYY\" or \"YYYY-MM\"",
            n -> n.isTextual() && DATE.matcher(n.asText()).matches() ? n.asText() : null);

    /** A number, or a string {@link Units} reads by {@code scale} ("70B", "30%"), from min to max. */
    static ValueType<Double> number(String unit, double min, double max, Units.Scale scale) {
        return new ValueType<>("a number " + unit + " from " + Units.format(min) + " to " + Units.format(max), n -> {
            Double d = Units.of(n, scale);
            return d != null && d >= min && d <= max ? d : null;
        });
    }

    /** A whole number, or a string {@link Units} reads as a count ("77K"), of at least min. */
    static ValueType<Integer> count(String unit, int min) {
        return new ValueType<>("a whole number of " + unit + " (at least " + min + ")", n -> {
            Double d = Units.of(n, Units.Scale.COUNT);
            return d != null && d == Math.rint(d) && d >= min && d <= Integer.MAX_VALUE ? (Integer) d.intValue() : null;
        });
    }

    static ValueType<String> choice(Set<String> allowed) {
        return new ValueType<>("one of " + String.join(", ", allowed.stream().sorted().toList()),
                n -> n.isTextual() && allowed.contains(n.asText()) ? n.asText() : null);
    }

    static final Set<String> STATEMENT_FIELDS = Set.of("value", "source", "where", "status", "note", "checked", "confidence");
    static final Set<String> CONFIDENCES = Set.of("high", "medium", "low");

    /**
     * A sourced field: one statement, a list of statements, or (when {@code bare} is given) a bare
     * value that takes its provenance from {@code bare}.
     */
    <T> Field<T> field(String name, ValueType<T> type, Statement<Void> bare) {
        JsonNode v = node.get(name);
        if (v == null) {
            return Field.absent(name);
        }
        List<Statement<T>> out = new ArrayList<>();
        if (v.isArray()) {
            if (v.isEmpty()) {
                doc.error(at(name), "\"" + name + "\" must not be an empty list of statements");
            }
            for (int i = 0; i < v.size(); i++) {
                Statement<T> s = statement(v.get(i), at(name) + "/" + i, type, null);
                if (s != null) {
                    out.add(s);
                }
            }
        } else {
            Statement<T> s = statement(v, at(name), type, bare);
            if (s != null) {
                out.add(s);
            }
        }
        return new Field<>(name, out);
    }

    private <T> Statement<T> statement(JsonNode n, String ptr, ValueType<T> type, Statement<Void> bare) {
        if (!n.isObject()) {
            if (bare != null) {
                T value = n.isNull() ? null : type.read().apply(n);
                if (!n.isNull() && value == null) {
                    doc.error(ptr, "expected " + type.expected() + ", found " + describe(n));
                    return null;
                }
                return new Statement<>(value, bare.source(), bare.where(), bare.status(), null, null, null);
            }
            doc.error(ptr, "expected a statement {\"value\": ..., \"source\": ...}, found " + describe(n));
            return null;
        }
        Obj o = new Obj(doc, n, ptr);
        o.allowOnly(STATEMENT_FIELDS);
        if (!n.has("value")) {
            doc.error(ptr, "missing required field \"value\" (" + type.expected() + ", or null for undisclosed)");
            return null;
        }
        JsonNode raw = n.get("value");
        T value = raw.isNull() ? null : type.read().apply(raw);
        if (!raw.isNull() && value == null) {
            doc.error(o.at("value"), "expected " + type.expected() + ", found " + describe(raw));
            return null;
        }
        String source = o.text("source", true);
        Status status = o.status(Status.PUBLISHED);
        String confidence = o.oneOf("confidence", CONFIDENCES, false);
        JsonNode checked = n.get("checked");
        Boolean isChecked = checked == null || checked.isNull() ? null : o.bool("checked", false);
        return source == null ? null
                : new Statement<>(value, source, o.text("where", false), status, o.text("note", false), isChecked, confidence);
    }

    Status status(Status fallback) {
        String s = oneOf("status", Set.of("published", "inferred"), false);
        return s == null ? fallback : Status.valueOf(s.toUpperCase(java.util.Locale.ROOT));
    }
}
