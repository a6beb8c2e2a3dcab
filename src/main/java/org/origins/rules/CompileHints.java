package org.origins.rules;


import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.origins.io.Suggest;

/** A plain hint for the common mistakes in Drools' compile messages. */
final class CompileHints {
    private static final Map<String, Class<?>> FACT_TYPES = Map.of(
            "Model", org.origins.facts.Model.class,
            "Stage", org.origins.facts.Stage.class,
            "Lineage", org.origins.facts.Lineage.class,
            "Earlier", org.origins.facts.Earlier.class,
            "Effect", org.origins.facts.Effect.class,
            "Mechanism", org.origins.facts.Mechanism.class,
            "BaseDoubt", org.origins.facts.BaseDoubt.class);
    private static final Pattern UNKNOWN_FIELD = Pattern.compile("(?:org\\.origins\\.facts\\.)?\\b(Model|Stage|Lineage|Earlier|Effect|Mechanism|BaseDoubt)\\.(\\w+)\\(\\)");
    private static final Pattern UNKNOWN_TYPE = Pattern.compile("Unable to resolve ObjectType '(\\w+)'");

    private CompileHints() {
    }

    static String hint(String text) {
        Matcher t = UNKNOWN_TYPE.matcher(text);
        if (t.find()) {
            String s = Suggest.hint(t.group(1), FACT_TYPES.keySet());
            return "the fact types are " + String.join(", ", FACT_TYPES.keySet().stream().sorted().toList())
                    + " (import them from org.origins.facts)" + s;
        }
        Matcher f = UNKNOWN_FIELD.matcher(text);
        if (f.find() && FACT_TYPES.containsKey(f.group(1))) {
            List<String> fields = fields(FACT_TYPES.get(f.group(1)));
            return f.group(1) + " has the fields " + String.join(", ", fields) + Suggest.hint(f.group(2), fields);
        }
        if (text.contains("Parser returned a null Package")) {
            return "the parser gave up on this file: a syntax error stopped it before any rule was read; check that "
                    + "every rule ends with \"end\" and that every quote and parenthesis is closed";
        }
        if (text.contains("mismatched input") && text.contains("rule")) {
            return "a rule may be missing its \"end\", or a parenthesis or quote is not closed";
        }
        if (text.contains("no viable alternative") || text.contains("mismatched input")) {
            return "check the parentheses, commas and quotes of the condition";
        }
        return "";
    }

    static List<String> fields(Class<?> type) {
        RecordComponent[] rc = type.getRecordComponents();
        return rc == null ? List.of() : Arrays.stream(rc).map(RecordComponent::getName).toList();
    }
}
