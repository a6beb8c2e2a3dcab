package org.origins.reasoning;

import org.origins.io.InputException;
import org.origins.io.Suggest;
import org.origins.kb.Field;
import org.origins.kb.KnowledgeBase;
import org.origins.kb.ModelReader;
import org.origins.kb.ModelRecord;
import org.origins.kb.Names;
import org.origins.kb.StageRecord;
import org.origins.kb.Units;
import org.origins.kb.Statement;
import org.origins.kb.Status;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Values the user assumes for a run ({@code --assume MODEL.FIELD=VALUE}): a model field
 * ({@code parent}, {@code parameters}, {@code contextLength}, {@code positionalEncoding},
 * {@code dataCutoff}), a stage attribute ({@code codeShare}, {@code tokens}, {@code tasks},
 * {@code examples}, {@code computeShare}, {@code objective}; {@code MODEL#N.FIELD} picks stage N when several have it),
 * or a disputed stage's existence by its name ({@code code-davinci-002.instructionTuned=true}).
 * Parsing validates everything against the knowledge base; applying returns a changed copy.
 */
public final class Assumptions {
    public static final String SOURCE = Field.ASSUMED;
    static final List<String> MODEL_FIELDS = List.of("parent", "parameters", "contextLength", "positionalEncoding", "dataCutoff");
    static final List<String> STAGE_FIELDS = List.of("tokens", "codeShare", "tasks", "examples", "computeShare", "objective");
    /** MODEL[#N].FIELD=VALUE; the model id may hold dots (gpt-3.5), the field is after the last one. */
    private static final Pattern FORM = Pattern.compile("([^=#]+?)(?:#(\\d+))?\\.([A-Za-z]+)=(.*)", Pattern.DOTALL);

    /** One parsed assumption. {@code stage} is 0 for a model field. */
    public record Assumption(String text, String model, int stage, String field, Object value) {
    }

    private final List<Assumption> items;

    private Assumptions(List<Assumption> items) {
        this.items = List.copyOf(items);
    }

    public static Assumptions none() {
        return new Assumptions(List.of());
    }

    public List<Assumption> items() {
        return items;
    }

    public boolean isEmpty() {
        return items.isEmpty();
    }

    public static Assumptions parse(KnowledgeBase kb, List<String> texts) {
        return parse(kb, texts, "--assume", texts);
    }

    /**
     * As {@link #parse(KnowledgeBase, List)}; a problem with {@code texts.get(i)} is reported as
     * {@code option typed.get(i)}: what the user wrote (what-if's {@code --set FIELD=VALUE}).
     */
    public static Assumptions parse(KnowledgeBase kb, List<String> texts, String option, List<String> typed) {
        List<Assumption> out = new ArrayList<>();
        List<String> errors = new ArrayList<>();
        for (int i = 0; i < texts.size(); i++) {
            String t = texts.get(i);
            try {
                out.add(parseOne(kb, t.strip()));
            } catch (IllegalArgumentException | InputException e) {
                errors.add(option + " " + typed.get(i) + ": "
                        + (e instanceof InputException ie ? ie.problems().get(0).message() : e.getMessage()));
            }
        }
        if (!errors.isEmpty()) {
            throw new InputException(errors.stream().map(m -> org.origins.io.Problem.error(null, 0, 0, null, m)).toList());
        }
        return new Assumptions(out);
    }

    /**
     * One assumption about {@code rec}, written {@code rec.id()[#N].FIELD=VALUE}: validated as
     * {@link #parse} does, without looking the model up by name (origins' own probes of missing values).
     */
    public static Assumptions about(KnowledgeBase kb, ModelRecord rec, String text) {
        Matcher m = FORM.matcher(text);
        if (!m.matches() || !m.group(1).equals(rec.id())) {
            throw new IllegalArgumentException("expected " + rec.id() + ".FIELD=VALUE, found \"" + text + "\"");
        }
        return new Assumptions(List.of(parseOne(kb, rec, text, m)));
    }

    private static Assumption parseOne(KnowledgeBase kb, String text) {
        Matcher m = FORM.matcher(text);
        if (!m.matches()) {
            throw new IllegalArgumentException("expected MODEL.FIELD=VALUE (or MODEL#STAGE.FIELD=VALUE), e.g. palm-540b.codeShare=8%");
        }
        return parseOne(kb, kb.require(Names.model(kb, m.group(1))), text, m);
    }

    private static Assumption parseOne(KnowledgeBase kb, ModelRecord rec, String text, Matcher m) {
        String model = rec.id();
        String field = m.group(3);
        String raw = m.group(4).strip();
        if (MODEL_FIELDS.contains(field)) {
            if (m.group(2) != null) {
                throw new IllegalArgumentException(field + " is a field of the model, not of a stage; write " + model + "." + field + "=VALUE");
            }
            return new Assumption(text, model, 0, field, modelValue(kb, rec, field, raw));
        }
        for (StageRecord s : rec.stages()) {
            if (field.equals(s.assumeAs())) {
                return new Assumption(text, model, s.order(), "present", bool(raw));
            }
        }
        if (STAGE_FIELDS.contains(field)) {
            List<StageRecord> with = rec.stages().stream()
                    .filter(s -> kb.stageKinds().get(s.kind()).attributes().contains(field)).toList();
            StageRecord target;
            if (m.group(2) != null) {
                int n = Integer.parseInt(m.group(2));
                target = rec.stages().stream().filter(s -> s.order() == n).findFirst().orElseThrow(() ->
                        new IllegalArgumentException(model + " has no stage #" + n + " (it has " + rec.stages().size() + ")"));
                if (!with.contains(target)) {
                    throw new IllegalArgumentException(field + " does not apply to " + model + "#" + n + " (" + target.kind() + ")");
                }
            } else if (with.size() == 1) {
                target = with.get(0);
            } else if (with.isEmpty()) {
                throw new IllegalArgumentException("no stage of " + model + " takes " + field);
            } else {
                throw new IllegalArgumentException("several stages of " + model + " take " + field + "; name one: "
                        + String.join(", ", with.stream().map(s -> model + "#" + s.order() + "." + field).toList()));
            }
            return new Assumption(text, model, target.order(), field, stageValue(field, raw));
        }
        Set<String> known = new LinkedHashSet<>(MODEL_FIELDS);
        known.addAll(STAGE_FIELDS);
        rec.stages().stream().map(StageRecord::assumeAs).filter(java.util.Objects::nonNull).forEach(known::add);
        throw new IllegalArgumentException("unknown field \"" + field + "\" of " + model + Suggest.hint(field, known)
                + (Suggest.hint(field, known).isEmpty() ? "; fields: " + String.join(", ", known) : ""));
    }

    private static Object modelValue(KnowledgeBase kb, ModelRecord rec, String field, String raw) {
        return switch (field) {
            case "parent" -> raw.equalsIgnoreCase("none") || raw.equalsIgnoreCase("null") ? null : parent(kb, rec, raw);
            case "parameters" -> inRange(number(raw, Units.Scale.BILLIONS, "a size in billions such as 175 or 175B"), raw,
                    Units.MIN_PARAMETERS, Units.MAX_PARAMETERS, "a size in billions of parameters (a bare number is in "
                            + "billions: 175 or 175B; 1e9 would be a billion billions)");
            case "contextLength" -> whole(raw, "a number of tokens such as 8192");
            case "positionalEncoding" -> choice(raw, Set.of("absolute", "relative", "rotary", "alibi"));
            case "dataCutoff" -> {
                if (!raw.matches("\\d{4}(-(0[1-9]|1[0-2]))?")) {
                    throw new IllegalArgumentException("expected a date YYYY or YYYY-MM, found \"" + raw + "\"");
                }
                yield raw;
            }
            default -> throw new IllegalStateException(field);
        };
    }

    private static String parent(KnowledgeBase kb, ModelRecord rec, String raw) {
        String p = Names.model(kb, raw);
        for (String cur = p; cur != null; cur = kb.model(cur).map(x -> x.parent().value()).orElse(null)) {
            if (cur.equals(rec.id())) {
                throw new IllegalArgumentException("making " + p + " the parent of " + rec.id() + " would close a lineage cycle");
            }
        }
        return p;
    }

    private static Object stageValue(String field, String raw) {
        return switch (field) {
            case "objective" -> choice(raw, ModelReader.OBJECTIVES);
            case "codeShare", "computeShare" -> share(raw);
            case "tokens" -> inRange(number(raw, Units.Scale.BILLIONS, "billions of tokens such as 100 or 100B"), raw, 0,
                    Units.MAX_TOKENS, "billions of tokens (a bare number is in billions: 1.4T or 1400 for 1.4 trillion)");
            default -> whole(raw, "a whole number");
        };
    }

    static double share(String raw) {
        return inRange(number(raw, Units.Scale.SHARE, "a share such as 0.08 or 8%"), raw, 0, 1, "a share (0% to 100%)");
    }

    private static int whole(String raw, String expected) {
        double d = number(raw, Units.Scale.COUNT, expected);
        if (d != Math.rint(d) || d < 1 || d > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("expected a whole number of at least 1, found \"" + raw + "\"");
        }
        return (int) d;
    }

    private static double inRange(double d, String raw, double min, double max, String what) {
        if (d < min || d > max) {
            throw new IllegalArgumentException("expected " + what + " from " + Units.format(min) + " to " + Units.format(max)
                    + ", found \"" + raw + "\"");
        }
        return d;
    }

    static double number(String raw, Units.Scale scale, String expected) {
        try {
            return Units.read(raw, scale);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("expected " + expected + ", found \"" + raw + "\"");
        }
    }

    static boolean bool(String raw) {
        return switch (raw.toLowerCase(Locale.ROOT)) {
            case "true", "yes" -> true;
            case "false", "no" -> false;
            default -> throw new IllegalArgumentException("expected true or false, found \"" + raw + "\"");
        };
    }

    static String choice(String raw, Set<String> allowed) {
        if (!allowed.contains(raw)) {
            throw new IllegalArgumentException("expected one of " + String.join(", ", allowed) + ", found \"" + raw + "\"" + Suggest.hint(raw, allowed));
        }
        return raw;
    }

    /** A copy of the knowledge base with every assumption in force. */
    public KnowledgeBase apply(KnowledgeBase kb) {
        if (items.isEmpty()) {
            return kb;
        }
        Map<String, ModelRecord> changed = new LinkedHashMap<>();
        for (Assumption a : items) {
            changed.computeIfAbsent(a.model(), id -> applyTo(kb.require(id)));
        }
        return kb.with(changed.values());
    }

    /** The model with the assumptions about it in force (itself when none is about it). */
    public ModelRecord applyTo(ModelRecord m) {
        ModelRecord out = m;
        for (Assumption a : items) {
            if (a.model().equals(m.id())) {
                out = a.stage() == 0 ? withModelField(out, a) : withStageField(out, a);
            }
        }
        return out;
    }

    @SuppressWarnings("unchecked")
    private static <T> Field<T> assume(Field<T> f, Assumption a) {
        return f.assuming(new Statement<>((T) a.value(), SOURCE, null, Status.PUBLISHED, "assumed: " + a.text(), null, null));
    }

    private static ModelRecord withModelField(ModelRecord m, Assumption a) {
        return m.withField(assume(m.field(a.field()), a));
    }

    private static ModelRecord withStageField(ModelRecord m, Assumption a) {
        return m.withStages(m.stages().stream().map(s -> s.order() != a.stage() ? s
                : a.field().equals("objective") ? s.withObjective((String) a.value())
                : s.withField(assume(s.field(a.field()), a))).toList());
    }
}
