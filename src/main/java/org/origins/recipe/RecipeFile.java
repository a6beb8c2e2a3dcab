package org.origins.recipe;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.origins.render.JsonWriter;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.Yaml;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Recipes as a file of hypothetical models, in the schema of {@code facts/models} that
 * {@code origins predict}, {@code add} and {@code --with} read: YAML (SnakeYAML writes it), or JSON
 * for a name ending in {@code .json}.
 */
public final class RecipeFile {
    private RecipeFile() {
    }

    /** The models as one file; {@code header} becomes its comment lines (YAML) and is left out of JSON. */
    public static String write(List<JsonNode> models, String header, boolean json) {
        if (json) {
            ObjectNode root = JsonNodeFactory.instance.objectNode();
            ArrayNode list = root.putArray("models");
            models.forEach(list::add);
            return JsonWriter.write(root);
        }
        StringBuilder b = new StringBuilder();
        for (String line : header.split("\n")) {
            b.append("# ").append(line).append('\n');
        }
        return b.append(yaml(models)).toString();
    }

    /** {@code models:} and the models, in YAML's block style. */
    public static String yaml(List<JsonNode> models) {
        DumperOptions o = new DumperOptions();
        o.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
        o.setIndent(2);
        o.setIndicatorIndent(2);
        o.setIndentWithIndicator(true);
        o.setSplitLines(false);
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("models", models.stream().map(RecipeFile::plain).toList());
        return new Yaml(o).dump(root);
    }

    /** A JSON tree as maps, lists, strings, numbers and booleans, in its order. */
    private static Object plain(JsonNode n) {
        if (n.isObject()) {
            Map<String, Object> m = new LinkedHashMap<>();
            n.fields().forEachRemaining(e -> m.put(e.getKey(), plain(e.getValue())));
            return m;
        }
        if (n.isArray()) {
            List<Object> l = new ArrayList<>();
            n.forEach(x -> l.add(plain(x)));
            return l;
        }
        if (n.isIntegralNumber()) {
            return n.asLong();
        }
        if (n.isNumber()) {
            return n.asDouble();
        }
        if (n.isBoolean()) {
            return n.asBoolean();
        }
        return n.isNull() ? null : n.asText();
    }
}
