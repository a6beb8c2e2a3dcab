package org.origins.kb;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeId;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.representer.Representer;
import org.yaml.snakeyaml.resolver.Resolver;

import java.io.StringReader;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Reads YAML the way YAML 1.2 (its core schema) defines it, into the same tree JSON gives, with
 * the place of every value. SnakeYAML parses and composes (it speaks YAML 1.1); the scalars are
 * typed here: {@code 0100} is the integer 100 (no octal without {@code 0o}), {@code yes}, {@code on}
 * and {@code 1_000} are strings, {@code .inf} is a number. Aliases are resolved to a copy of what
 * their anchor names (a recursive one, or more than {@value #MAX_VALUES} values in all, is an
 * error); merge keys ({@code <<}, YAML 1.1 only) and tags other than the core ones are errors; a
 * second document in a file is an error, not silently dropped.
 */
final class Yaml12 {
    /** The most values a document may hold once its aliases are expanded ("billion laughs"). */
    static final int MAX_VALUES = 1_000_000;
    /** As deep as JSON may nest (Jackson's default). */
    static final int MAX_DEPTH = com.fasterxml.jackson.core.StreamReadConstraints.DEFAULT_MAX_DEPTH;
    private static final Tag PLAIN = new Tag("tag:origins:plain");
    private static final Pattern NULL = Pattern.compile("~|null|Null|NULL|");
    private static final Pattern TRUE = Pattern.compile("true|True|TRUE");
    private static final Pattern FALSE = Pattern.compile("false|False|FALSE");
    private static final Pattern DECIMAL = Pattern.compile("[-+]?[0-9]+");
    private static final Pattern OCTAL = Pattern.compile("0o[0-7]+");
    private static final Pattern HEX = Pattern.compile("0x[0-9a-fA-F]+");
    private static final Pattern FLOAT = Pattern.compile("[-+]?(\\.[0-9]+|[0-9]+(\\.[0-9]*)?)([eE][-+]?[0-9]+)?");
    private static final Pattern INFINITY = Pattern.compile("[-+]?\\.(inf|Inf|INF)");
    private static final Pattern NAN = Pattern.compile("\\.(nan|NaN|NAN)");

    private Yaml12() {
    }

    /** A document that is not YAML (or not the YAML origins reads), with the place (1-based; 0 unknown). */
    static final class Failure extends Exception {
        final int line;
        final int column;

        Failure(String message, int line, int column) {
            super(message, null, false, false);
            this.line = line;
            this.column = column;
        }

        Failure(String message, Mark at) {
            this(message, at == null ? 0 : at.getLine() + 1, at == null ? 0 : at.getColumn() + 1);
        }
    }

    /** The document's tree (null when it holds nothing) and the places of its values. */
    record Document(JsonNode root, JsonLocations locations) {
    }

    static Document read(byte[] bytes) throws Failure {
        String text = decode(bytes);
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(true);   // reported below, with the key's place
        options.setMaxAliasesForCollections(50);
        options.setAllowRecursiveKeys(false);
        options.setNestingDepthLimit(MAX_DEPTH);
        options.setCodePointLimit((int) Math.min(Integer.MAX_VALUE, JsonDoc.MAX_BYTES));
        Yaml yaml = new Yaml(new SafeConstructor(options), new Representer(new org.yaml.snakeyaml.DumperOptions()),
                new org.yaml.snakeyaml.DumperOptions(), options, new CoreSchema());
        try {
            Iterator<Node> documents = yaml.composeAll(new StringReader(text)).iterator();
            Node first = documents.hasNext() ? documents.next() : null;
            while (documents.hasNext()) {
                Node next = documents.next();
                if (!isEmpty(next)) {
                    throw new Failure("a second YAML document starts here (after \"---\"); origins reads one document "
                            + "a file: put several models in one list (\"models:\") or in files of their own", next.getStartMark());
                }
            }
            if (isEmpty(first)) {
                return new Document(null, JsonLocations.of(Map.of()));
            }
            Converter c = new Converter();
            JsonNode root = c.convert(first, "");
            return new Document(root, JsonLocations.of(c.places));
        } catch (MarkedYAMLException e) {
            Mark at = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
            throw new Failure(e.getMessage(), at);
        } catch (YAMLException e) {
            int[] at = e.getMessage() != null && e.getMessage().contains("Nesting Depth") ? deepest(text) : new int[] {0, 0};
            throw new Failure(e.getMessage(), at[0], at[1]);
        }
    }

    /** {line, column} where the nesting first goes deeper than allowed: by brackets, or else by indentation. */
    private static int[] deepest(String text) {
        int depth = 0;
        int line = 1;
        int lineStart = 0;
        int[] indented = {1, 1};
        int widest = -1;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n') {
                line++;
                lineStart = i + 1;
                int indent = 0;
                while (lineStart + indent < text.length() && text.charAt(lineStart + indent) == ' ') {
                    indent++;
                }
                if (indent > widest) {
                    widest = indent;
                    indented = new int[] {line, indent + 1};
                }
            } else if ((c == '[' || c == '{') && ++depth > MAX_DEPTH) {
                return new int[] {line, i - lineStart + 1};
            } else if (c == ']' || c == '}') {
                depth--;
            }
        }
        return indented;
    }

    private static boolean isEmpty(Node n) {
        return n == null || (n instanceof ScalarNode s && s.getTag().equals(PLAIN) && s.getValue().isEmpty());
    }

    /** Strict UTF-8 (a leading byte order mark is skipped); a bad byte is reported with its place. */
    private static String decode(byte[] bytes) throws Failure {
        int from = bytes.length >= 3 && (bytes[0] & 0xff) == 0xEF && (bytes[1] & 0xff) == 0xBB && (bytes[2] & 0xff) == 0xBF ? 3 : 0;
        CharsetDecoder d = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes, from, bytes.length - from);
        CharBuffer out = CharBuffer.allocate(bytes.length + 1);
        try {
            java.nio.charset.CoderResult r = d.decode(in, out, true);
            if (r.isError()) {
                r.throwException();
            }
            d.flush(out);
            return out.flip().toString();
        } catch (CharacterCodingException e) {
            int at = in.position();
            int line = 1;
            int lineStart = from;
            for (int i = from; i < at; i++) {
                if (bytes[i] == '\n') {
                    line++;
                    lineStart = i + 1;
                }
            }
            int column = new String(bytes, lineStart, at - lineStart, StandardCharsets.UTF_8).length() + 1;
            throw new Failure(String.format("Invalid UTF-8 byte 0x%02X", bytes[at] & 0xff), line, column);
        } catch (java.nio.BufferOverflowException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Leaves every plain scalar untyped (SnakeYAML's implicit types are YAML 1.1's); an explicit tag
     * is kept, and the converter types plain scalars by YAML 1.2's core schema.
     */
    private static final class CoreSchema extends Resolver {
        @Override
        protected void addImplicitResolvers() {
            // none: see resolve
        }

        @Override
        public Tag resolve(NodeId kind, String value, boolean implicit) {
            return kind == NodeId.scalar && implicit ? PLAIN : super.resolve(kind, value, implicit);
        }
    }

    /** Node graph → tree, recording the place of each pointer (an object member's is its key's). */
    private static final class Converter {
        final Map<String, int[]> places = new HashMap<>();
        private final Map<Node, Boolean> open = new IdentityHashMap<>();
        private int values;

        JsonNode convert(Node n, String pointer) throws Failure {
            if (++values > MAX_VALUES) {
                throw new Failure("the document holds more than " + MAX_VALUES + " values once its aliases are expanded; "
                        + "a model file is far smaller (aliases that multiply each other?)", n.getStartMark());
            }
            places.putIfAbsent(pointer, place(n.getStartMark()));
            if (open.put(n, Boolean.TRUE) != null) {
                throw new Failure("an alias refers to a node that contains it (a recursive structure cannot be read)",
                        n.getStartMark());
            }
            try {
                if (n instanceof ScalarNode s) {
                    return scalar(s);
                }
                if (n instanceof SequenceNode seq) {
                    requireTag(n, Tag.SEQ);
                    ArrayNode a = JsonNodeFactory.instance.arrayNode();
                    for (int i = 0; i < seq.getValue().size(); i++) {
                        a.add(convert(seq.getValue().get(i), pointer + "/" + i));
                    }
                    return a;
                }
                MappingNode map = (MappingNode) n;
                requireTag(n, Tag.MAP);
                ObjectNode o = JsonNodeFactory.instance.objectNode();
                for (NodeTuple t : map.getValue()) {
                    if (!(t.getKeyNode() instanceof ScalarNode k)) {
                        throw new Failure("a key must be a plain name, not a list or a mapping", t.getKeyNode().getStartMark());
                    }
                    String key = k.getValue();
                    if (k.getTag().equals(PLAIN) && key.equals("<<")) {
                        throw new Failure("merge keys (\"<<\") are YAML 1.1 and not read here; write the fields out "
                                + "(an alias \"*name\" as a whole value is fine)", k.getStartMark());
                    }
                    if (o.has(key)) {
                        throw new Failure("Duplicate field '" + key + "'", k.getStartMark());
                    }
                    String member = pointer + "/" + key.replace("~", "~0").replace("/", "~1");
                    places.put(member, place(k.getStartMark()));
                    o.set(key, convert(t.getValueNode(), member));
                }
                return o;
            } finally {
                open.remove(n);
            }
        }

        private static void requireTag(Node n, Tag expected) throws Failure {
            if (!n.getTag().equals(expected)) {
                throw new Failure("unsupported YAML tag " + n.getTag().getValue() + "; origins reads plain YAML "
                        + "(no tags other than !!str, !!int, !!float, !!bool, !!null)", n.getStartMark());
            }
        }

        private static int[] place(Mark m) {
            return m == null ? new int[] {0, 0} : new int[] {m.getLine() + 1, m.getColumn() + 1};
        }

        /** A scalar by its explicit tag, or by the core schema when it is plain and untagged; quoted text is text. */
        private static JsonNode scalar(ScalarNode s) throws Failure {
            JsonNodeFactory f = JsonNodeFactory.instance;
            String v = s.getValue();
            Tag tag = s.getTag();
            if (tag.equals(PLAIN)) {
                JsonNode typed = core(v);
                return typed != null ? typed : f.textNode(v);
            }
            if (tag.equals(Tag.STR)) {
                return f.textNode(v);
            }
            JsonNode typed = core(v);
            boolean fits = typed != null && (tag.equals(Tag.INT) ? typed.isIntegralNumber()
                    : tag.equals(Tag.FLOAT) ? typed.isNumber()
                    : tag.equals(Tag.BOOL) ? typed.isBoolean()
                    : tag.equals(Tag.NULL) && typed.isNull());
            if (tag.equals(Tag.INT) || tag.equals(Tag.FLOAT) || tag.equals(Tag.BOOL) || tag.equals(Tag.NULL)) {
                if (!fits) {
                    throw new Failure("\"" + v + "\" is not a value of the tag " + tag.getValue(), s.getStartMark());
                }
                return tag.equals(Tag.FLOAT) ? f.numberNode(typed.asDouble()) : typed;
            }
            throw new Failure("unsupported YAML tag " + tag.getValue() + "; origins reads plain YAML "
                    + "(no tags other than !!str, !!int, !!float, !!bool, !!null)", s.getStartMark());
        }

        /** The core schema's reading of a plain scalar, or null for a string. */
        private static JsonNode core(String v) {
            JsonNodeFactory f = JsonNodeFactory.instance;
            if (NULL.matcher(v).matches()) {
                return f.nullNode();
            }
            if (TRUE.matcher(v).matches() || FALSE.matcher(v).matches()) {
                return f.booleanNode(TRUE.matcher(v).matches());
            }
            if (DECIMAL.matcher(v).matches()) {
                return integer(new BigInteger(v.startsWith("+") ? v.substring(1) : v));
            }
            if (OCTAL.matcher(v).matches()) {
                return integer(new BigInteger(v.substring(2), 8));
            }
            if (HEX.matcher(v).matches()) {
                return integer(new BigInteger(v.substring(2), 16));
            }
            if (FLOAT.matcher(v).matches()) {
                return f.numberNode(Double.parseDouble(v));
            }
            if (INFINITY.matcher(v).matches()) {
                return f.numberNode(v.startsWith("-") ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY);
            }
            if (NAN.matcher(v).matches()) {
                return f.numberNode(Double.NaN);
            }
            return null;
        }

        private static JsonNode integer(BigInteger b) {
            JsonNodeFactory f = JsonNodeFactory.instance;
            if (b.bitLength() < 32) {
                return f.numberNode(b.intValue());
            }
            return b.bitLength() < 64 ? f.numberNode(b.longValue()) : f.numberNode(b);
        }
    }
}
