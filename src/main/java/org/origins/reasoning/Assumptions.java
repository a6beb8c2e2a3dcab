package org.origins.reasoning;

import org.origins.kb.Field;
import org.origins.kb.InputException;
import org.origins.kb.KnowledgeBase;
import org.origins.kb.ModelRecord;
import org.origins.kb.Names;
import org.origins.kb.StageRecord;
import org.origins.kb.StageSpec;
import org.origins.kb.Statement;
import org.origins.kb.Status;
import org.origins.kb.Suggest;

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
    /** MODEL[#N].FIELD=VALUE; a model id may itself hold dots (gpt-3-6.7b), the field is the last name before "=". */
    private static final Pattern FORM = Pattern.compile("([^=#]+?)(?:#(\\d+))?\\.([A-Za-z]+)=(.*)");

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
        List<Assumption> out = new ArrayList<>();
        List<String> errors = new ArrayList<>();
        for (String t : texts) {
            try {
                out.add(parseOne(kb, t.strip()));
            } catch (IllegalArgumentException | InputException e) {
                errors.add("--assume " + t + ": " + (e instanceof InputException ie ? ie.problems().get(0).message() : e.getMessage()));
            }
        }
        if (!errors.isEmpty()) {
            throw new InputException(errors.stream().map(m -> org.origins.kb.Problem.error(null, 0, 0, null, m)).toList());
        }
        return new Assumptions(out);
    }

    private static Assumption parseOne(KnowledgeBase kb, String text) {
        Matcher m = FORM.matcher(text);
        if (!m.matches()) {
            throw new IllegalArgumentException("expected MODEL.FIELD=VALUE (or MODEL#STAGE.FIELD=VALUE), e.g. palm-540b.codeShare=8%");
        }
        String model = Names.model(kb, m.group(1));
        ModelRecord rec = kb.require(model);
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
            case "parameters" -> number(raw, "B", "a size in billions such as 175 or 175B");
            case "contextLength" -> (int) Math.round(number(raw, "", "a number of tokens such as 8192"));
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
            case "objective" -> choice(raw, Set.of("causal-lm", "prefix-lm", "span-corruption"));
            case "codeShare", "computeShare" -> share(raw);
            case "tokens" -> number(raw, "B", "billions of tokens such as 100 or 100B");
            default -> {
                double d = number(raw, "", "a whole number");
                if (d != Math.rint(d) || d < 1) {
                    throw new IllegalArgumentException("expected a whole number of at least 1, found \"" + raw + "\"");
                }
                yield (int) d;
            }
        };
    }

    static double share(String raw) {
        boolean percent = raw.endsWith("%");
        double d = number(percent ? raw.substring(0, raw.length() - 1) : raw, "", "a share such as 0.08 or 8%");
        double v = percent ? d / 100 : d;
        if (v < 0 || v > 1) {
            throw new IllegalArgumentException("a share must be between 0 and 1 (0% and 100%), found \"" + raw + "\"");
        }
        return v;
    }

    static double number(String raw, String suffix, String expected) {
        String s = raw.strip();
        if (!suffix.isEmpty() && s.toUpperCase(Locale.ROOT).endsWith(suffix)) {
            s = s.substring(0, s.length() - suffix.length());
        }
        try {
            return StageSpec.amount(s);
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
            ModelRecord m = changed.getOrDefault(a.model(), kb.require(a.model()));
            changed.put(a.model(), a.stage() == 0 ? withModelField(m, a) : withStageField(m, a));
        }
        return kb.with(changed.values());
    }

    @SuppressWarnings("unchecked")
    private static <T> Field<T> assume(Field<T> f, Assumption a) {
        return f.assuming(new Statement<>((T) a.value(), SOURCE, null, Status.PUBLISHED, "assumed: " + a.text(), null, null));
    }

    private static ModelRecord withModelField(ModelRecord m, Assumption a) {
        return new ModelRecord(m.id(), m.name(), m.apiName(), m.series(), m.organisation(), m.hypothetical(),
                a.field().equals("parent") ? assume(m.parent(), a) : m.parent(), m.base(),
                a.field().equals("parameters") ? assume(m.parameters(), a) : m.parameters(),
                a.field().equals("contextLength") ? assume(m.contextLength(), a) : m.contextLength(),
                a.field().equals("positionalEncoding") ? assume(m.positionalEncoding(), a) : m.positionalEncoding(),
                a.field().equals("dataCutoff") ? assume(m.dataCutoff(), a) : m.dataCutoff(),
                m.released(), m.stages(), m.notes(), m.file());
    }

    private static ModelRecord withStageField(ModelRecord m, Assumption a) {
        List<StageRecord> stages = new ArrayList<>();
        for (StageRecord s : m.stages()) {
            if (s.order() != a.stage()) {
                stages.add(s);
                continue;
            }
            String f = a.field();
            stages.add(new StageRecord(s.order(), s.kind(), s.description(), s.sources(), s.where(), s.status(), s.note(),
                    f.equals("present") ? assume(s.present(), a) : s.present(), s.assumeAs(),
                    f.equals("tokens") ? assume(s.tokens(), a) : s.tokens(),
                    f.equals("codeShare") ? assume(s.codeShare(), a) : s.codeShare(), s.corpus(),
                    f.equals("objective") ? (String) a.value() : s.objective(),
                    f.equals("tasks") ? assume(s.tasks(), a) : s.tasks(),
                    f.equals("examples") ? assume(s.examples(), a) : s.examples(),
                    f.equals("computeShare") ? assume(s.computeShare(), a) : s.computeShare(), s.mixture()));
        }
        return new ModelRecord(m.id(), m.name(), m.apiName(), m.series(), m.organisation(), m.hypothetical(), m.parent(),
                m.base(), m.parameters(), m.contextLength(), m.positionalEncoding(), m.dataCutoff(), m.released(), stages,
                m.notes(), m.file());
    }
}
