package org.origins.kb;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.origins.io.Problem;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * One parsed input file (JSON, or YAML by extension) with the positions of its values; collects
 * problems instead of stopping at the first.
 */
public final class JsonDoc {
    /** Files above this size are refused before parsing. */
    static final long MAX_BYTES = 16L * 1024 * 1024;

    /**
     * JSON is read with Jackson's streaming parser into a tree (see {@link #tree}): an ObjectMapper
     * is not needed for that, and building one is a tenth of a cold answer's time.
     */
    private static final JsonFactory JSON = JsonFactory.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
            .build();

    final Path file;
    final List<Problem> problems;
    /** Positions are found by a second pass over the input only when a problem or a line is asked for. */
    private final java.util.function.Supplier<JsonLocations> locate;
    private JsonLocations locations;
    final JsonNode root;

    private JsonDoc(Path file, List<Problem> problems, java.util.function.Supplier<JsonLocations> locate, JsonNode root) {
        this.file = file;
        this.problems = problems;
        this.locate = locate;
        this.root = root;
    }

    private JsonLocations locations() {
        if (locations == null) {
            locations = locate.get();
        }
        return locations;
    }

    static boolean isYaml(Path file) {
        String n = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return n.endsWith(".yaml") || n.endsWith(".yml");
    }

    /** Parses the file; on a syntax error records it and returns empty. */
    public static Optional<JsonDoc> read(Path file, List<Problem> problems) {
        byte[] bytes;
        try {
            if (Files.size(file) > MAX_BYTES) {
                problems.add(Problem.error(file, 0, 0, null, "file is larger than " + MAX_BYTES / (1024 * 1024)
                        + " MiB; a knowledge-base file should be far smaller"));
                return Optional.empty();
            }
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            problems.add(Problem.error(file, 0, 0, null, "file not found"));
            return Optional.empty();
        } catch (IOException e) {
            problems.add(Problem.error(file, 0, 0, null, "cannot read: " + e.getMessage()));
            return Optional.empty();
        }
        return parse(file, bytes, problems);
    }

    public static Optional<JsonDoc> parse(Path file, byte[] bytes, List<Problem> problems) {
        boolean yaml = isYaml(file);
        String kind = yaml ? "YAML" : "JSON";
        if (isBlank(bytes)) {
            problems.add(Problem.error(file, 1, 1, null, "empty file: expected a " + kind + " object"));
            return Optional.empty();
        }
        if (yaml) {
            return parseYaml(file, bytes, problems);
        }
        try {
            JsonNode root = tree(bytes);
            if (root == null || root.isMissingNode()) {
                problems.add(Problem.error(file, 1, 1, null, "empty file: expected a " + kind + " object"));
                return Optional.empty();
            }
            return Optional.of(new JsonDoc(file, problems, () -> JsonLocations.of(JSON, bytes), root));
        } catch (JsonProcessingException e) {
            var loc = e.getLocation();
            int[] at = {loc == null ? 0 : Math.max(0, loc.getLineNr()), loc == null ? 0 : Math.max(0, loc.getColumnNr())};
            int[] mark = yamlMark(e.getOriginalMessage());
            if (mark == null && at[0] == 0 && e instanceof com.fasterxml.jackson.core.exc.StreamConstraintsException) {
                mark = tooDeep(bytes); // the constraint check gives no place
            }
            problems.add(Problem.error(file, mark == null ? at[0] : mark[0], mark == null ? at[1] : mark[1],
                    null, kind + " syntax error: " + cleanMessage(e.getOriginalMessage())));
            return Optional.empty();
        } catch (IOException e) {
            problems.add(Problem.error(file, 0, 0, null, "cannot read " + kind + ": " + e.getMessage()));
            return Optional.empty();
        }
    }

    /** YAML 1.2 (see {@link Yaml12}): the same tree, problems and places as JSON's. */
    private static Optional<JsonDoc> parseYaml(Path file, byte[] bytes, List<Problem> problems) {
        try {
            Yaml12.Document d = Yaml12.read(bytes);
            if (d.root() == null) {
                problems.add(Problem.error(file, 1, 1, null, "empty file: expected a YAML object"));
                return Optional.empty();
            }
            return Optional.of(new JsonDoc(file, problems, d::locations, d.root()));
        } catch (Yaml12.Failure e) {
            int[] mark = yamlMark(e.getMessage());
            problems.add(Problem.error(file, mark == null ? e.line : mark[0], mark == null ? e.column : mark[1], null,
                    "YAML syntax error: " + cleanMessage(e.getMessage())));
            return Optional.empty();
        }
    }

    /**
     * The JSON document as a tree, as {@code ObjectMapper.readTree} with {@code FAIL_ON_TRAILING_TOKENS}
     * builds it: duplicate keys and content after the top-level value are syntax errors.
     */
    private static JsonNode tree(byte[] bytes) throws IOException {
        try (JsonParser p = JSON.createParser(bytes)) {
            if (p.nextToken() == null) {
                return MissingNode.getInstance();
            }
            JsonNode root = node(p);
            JsonToken extra = p.nextToken();
            if (extra != null) {
                throw new JsonParseException(p, "Trailing token (of type " + extra + ") found after value");
            }
            return root;
        }
    }

    /** The value at the parser's current token (and, for an object or array, all it contains). */
    private static JsonNode node(JsonParser p) throws IOException {
        JsonNodeFactory f = JsonNodeFactory.instance;
        switch (p.currentToken()) {
            case START_OBJECT:
                ObjectNode o = f.objectNode();
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String name = p.currentName();
                    p.nextToken();
                    o.set(name, node(p));
                }
                return o;
            case START_ARRAY:
                ArrayNode a = f.arrayNode();
                while (p.nextToken() != JsonToken.END_ARRAY) {
                    a.add(node(p));
                }
                return a;
            case VALUE_STRING:
                return f.textNode(p.getText());
            case VALUE_NUMBER_INT:
                switch (p.getNumberType()) {
                    case INT:
                        return f.numberNode(p.getIntValue());
                    case LONG:
                        return f.numberNode(p.getLongValue());
                    default:
                        return f.numberNode(p.getBigIntegerValue());
                }
            case VALUE_NUMBER_FLOAT:
                return f.numberNode(p.getDoubleValue());
            case VALUE_TRUE:
                return f.booleanNode(true);
            case VALUE_FALSE:
                return f.booleanNode(false);
            case VALUE_NULL:
                return f.nullNode();
            default:
                throw new JsonParseException(p, "Unexpected token " + p.currentToken());
        }
    }

    private static boolean isBlank(byte[] bytes) {
        int start = bytes.length >= 3 && (bytes[0] & 0xff) == 0xEF && (bytes[1] & 0xff) == 0xBB
                && (bytes[2] & 0xff) == 0xBF ? 3 : 0;
        for (int i = start; i < bytes.length; i++) {
            if (!Character.isWhitespace(bytes[i])) {
                return false;
            }
        }
        return true;
    }

    private static String cleanMessage(String m) {
        if (m == null) {
            return "unreadable input";
        }
        if (m.startsWith("Trailing token")) {
            return "unexpected content after the end of the top-level value";
        }
        // "(start marker at [Source: (byte[])"<the file's bytes>"; line: 1, column: 1])": no raw input in messages
        String s = m.replaceAll("(?s)\\[Source: .*?; line: (\\d+), column: (\\d+)\\]", "line $1, column $2");
        if (s.contains(YAML_MARK)) {
            // SnakeYAML: "context\n in 'reader', line L, column C:\n    snippet\n    ^\nproblem\n in 'reader', ...":
            // keep "context: problem", the place is the problem's mark (see yamlMark)
            s = String.join(": ", s.lines().filter(l -> !l.isBlank() && !Character.isWhitespace(l.charAt(0))).toList());
        }
        s = s.replaceAll("\\s*\\n.*", "");
        // no Java class names nor Jackson's configuration advice: "java.io.CharConversionException: ...",
        // "(1000, from `StreamReadConstraints.getMaxNestingDepth()`)", "enable `JsonReadFeature...` to allow"
        s = s.replaceFirst("^(?:[a-z]\\w*\\.)+\\w*(?:Exception|Error): ", "").replaceAll(",? from `[^`]*`", "")
                .replaceAll(": enable `[^`]*` to allow", "; expected a number, a string, true, false or null");
        if (s.contains("Invalid UTF-8") || s.contains("look like UTF-8")) {
            s += "; expected UTF-8 text (is the file in another encoding, such as Latin-1, or not text at all?)";
        } else if (s.contains("end-of-input") || s.contains("<stream end>")) {
            s += "; the file ends too early (is it truncated?)";
        }
        return s.replace("Unexpected character", "unexpected character");
    }

    /** {line, column} of the first bracket nested deeper than the parser allows, or null (not nested by brackets). */
    private static int[] tooDeep(byte[] bytes) {
        int max = com.fasterxml.jackson.core.StreamReadConstraints.defaults().getMaxNestingDepth();
        int depth = 0;
        int line = 1;
        int lineStart = 0;
        boolean inString = false;
        for (int i = 0; i < bytes.length; i++) {
            byte b = bytes[i];
            if (b == '\n') {
                line++;
                lineStart = i + 1;
            } else if (inString) {
                if (b == '\\') {
                    i++;
                } else if (b == '"') {
                    inString = false;
                }
            } else if (b == '"') {
                inString = true;
            } else if (b == '[' || b == '{') {
                if (++depth > max) {
                    return new int[] {line, new String(bytes, lineStart, i - lineStart, java.nio.charset.StandardCharsets.UTF_8).length() + 1};
                }
            } else if (b == ']' || b == '}') {
                depth--;
            }
        }
        return null;
    }

    private static final String YAML_MARK = " in 'reader', line ";
    private static final java.util.regex.Pattern MARK = java.util.regex.Pattern.compile(" in 'reader', line (\\d+), column (\\d+)");

    /** {line, column} of a SnakeYAML problem (its last mark: the context's comes first), or null. */
    private static int[] yamlMark(String m) {
        if (m == null || !m.contains(YAML_MARK)) {
            return null;
        }
        var matcher = MARK.matcher(m);
        int[] at = null;
        while (matcher.find()) {
            at = new int[] {Integer.parseInt(matcher.group(1)), Integer.parseInt(matcher.group(2))};
        }
        return at;
    }

    public JsonNode root() {
        return root;
    }

    public Path file() {
        return file;
    }

    /** The 1-based line of a pointer (of its nearest located parent), 0 when unknown. */
    public int lineOf(String pointer) {
        return locations().locate(pointer)[0];
    }

    public void error(String pointer, String message) {
        int[] at = locations().locate(pointer);
        problems.add(Problem.error(file, at[0], at[1], pointer, message));
    }

    int errorCount() {
        return (int) problems.stream().filter(p -> file.equals(p.file()) && p.isError()).count();
    }
}
