package org.origins.reliability;

import org.origins.TestKit;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.origins.io.InputException;
import org.origins.io.Problem;
import org.origins.kb.KbLoader;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * Random mutations of the real model files (a field deleted, a value's type changed, garbage
 * inserted, the file truncated, a key duplicated, ...; as JSON or converted to YAML) loaded by
 * {@link KbLoader}: the load succeeds or throws an {@link InputException} whose problems each name
 * a file, at least one of them the mutated file (unless the mutation renamed the model, when the
 * files that refer to the old id report it), and nothing else is ever thrown, nor does it hang.
 */
class MutatedModelFilesTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final YAMLMapper YAML = new YAMLMapper();
    private static final Pattern KEY_LINE = Pattern.compile("(?m)^\\s*\"[^\"]+\"\\s*:.*$");

    private static Path root;
    private static Path facts;
    /** The real model files, by name. */
    private static Map<String, byte[]> originals;
    private static List<String> names;

    enum Op { DELETE_FIELD, CHANGE_TYPE, INSERT_GARBAGE, TRUNCATE, DUPLICATE_KEY, DELETE_BYTES, REPLACE_STRING, DEEP_NEST }

    /** One mutation: of which file, which operation, as JSON or YAML, and the seed of its choices. */
    record Mutation(int file, Op op, boolean yaml, long seed) {
    }

    @BeforeContainer
    static void copyFacts() throws IOException {
        root = Files.createTempDirectory("origins-mutations");
        facts = TestKit.copyDir(Run.FACTS, root.resolve("facts"));
        originals = new java.util.TreeMap<>();
        try (Stream<Path> s = Files.list(facts.resolve("models"))) {
            for (Path p : s.sorted().toList()) {
                originals.put(p.getFileName().toString(), Files.readAllBytes(p));
            }
        }
        names = List.copyOf(originals.keySet());
        KbLoader.load(facts); // the unmutated copy loads
    }

    @AfterContainer
    static void deleteCopy() throws IOException {
        try (Stream<Path> s = Files.walk(root)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    @Provide
    Arbitrary<Mutation> mutations() {
        return Combinators.combine(Arbitraries.integers().between(0, 19), Arbitraries.of(Op.class),
                Arbitraries.of(false, false, false, true), Arbitraries.longs()).as(Mutation::new);
    }

    @Property(tries = 200)
    void aMutatedModelFileLoadsOrIsRejectedWithProblemsNamingIt(@ForAll("mutations") Mutation m) throws IOException {
        String name = names.get(m.file() % names.size());
        byte[] original = originals.get(name);
        String originalId = JSON.readTree(original).get("id").asText();
        Random random = new Random(m.seed());
        byte[] mutatedJson = mutate(m.op(), original, random);
        byte[] mutated = nest(m.yaml() ? toYaml(m.op(), original, mutatedJson, random) : mutatedJson, random);
        Path target = facts.resolve("models").resolve(m.yaml() ? name.replace(".json", ".yaml") : name);
        if (m.yaml()) {
            Files.delete(facts.resolve("models").resolve(name));
        }
        Files.write(target, mutated);
        try {
            Throwable thrown = assertTimeoutPreemptively(Duration.ofSeconds(10), () -> {
                try {
                    KbLoader.load(facts);
                    return null;
                } catch (Throwable t) {
                    return t;
                }
            }, () -> "loading hung on " + describe(m, name, mutated));
            if (thrown == null) {
                return;
            }
            assertThat(thrown).as("only InputException may be thrown, for %s", describe(m, name, mutated))
                    .isInstanceOf(InputException.class);
            List<Problem> problems = ((InputException) thrown).problems();
            assertThat(problems).as("problems").isNotEmpty();
            for (Problem p : problems) {
                assertThat(p.file()).as("every problem names a file: %s", p).isNotNull();
                assertThat(p.message()).as("a message, no exception class: %s", p).isNotBlank().doesNotContain("Exception");
            }
            List<Problem> own = problems.stream().filter(p -> p.file().getFileName().equals(target.getFileName())).toList();
            if (own.isEmpty()) {
                assertThat(renamed(mutated, m.yaml(), originalId))
                        .as("no problem names %s, yet its model keeps its id; problems: %s; %s", target.getFileName(), problems,
                                describe(m, name, mutated))
                        .isTrue();
            }
            for (Problem p : own) {
                assertThat(p.line() > 0 || p.pointer() != null || isWholeFile(p))
                        .as("the problem gives a place (line or pointer): %s", p).isTrue();
            }
        } finally {
            Files.deleteIfExists(target);
            Files.write(facts.resolve("models").resolve(name), original);
        }
    }

    /** Problems about the file as a whole (too large, unreadable) have no line to point at. */
    private static boolean isWholeFile(Problem p) {
        return p.message().startsWith("file is larger") || p.message().startsWith("cannot read");
    }

    /** Whether the mutated document still parses, to a model whose id is another one. */
    private static boolean renamed(byte[] mutated, boolean yaml, String originalId) {
        try {
            JsonNode n = (yaml ? YAML : JSON).readTree(mutated);
            return n != null && n.isObject() && n.has("id") && !n.get("id").asText().equals(originalId);
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    private static String describe(Mutation m, String name, byte[] mutated) {
        String text = new String(mutated, StandardCharsets.UTF_8);
        return m + " of " + name + " (" + mutated.length + " bytes): "
                + (text.length() > 400 ? text.substring(0, 400) + "…" : text);
    }

    // ---- mutations

    private static byte[] mutate(Op op, byte[] original, Random r) {
        return switch (op) {
            case DELETE_FIELD -> tree(original, r, (parent, key, node) -> {
                if (parent instanceof ObjectNode o) {
                    o.remove((String) key);
                } else {
                    ((ArrayNode) parent).remove((Integer) key);
                }
            });
            case CHANGE_TYPE -> tree(original, r, (parent, key, node) -> replace(parent, key, otherType(node, r)));
            case REPLACE_STRING -> tree(original, r, (parent, key, node) -> replace(parent, key,
                    JsonNodeFactory.instance.textNode(randomString(r))));
            case DEEP_NEST -> tree(original, r, (parent, key, node) -> replace(parent, key, JsonNodeFactory.instance.textNode(DEEP)));
            case INSERT_GARBAGE -> insertGarbage(original, r);
            case TRUNCATE -> java.util.Arrays.copyOf(original, r.nextInt(original.length));
            case DUPLICATE_KEY -> duplicateKey(original, r);
            case DELETE_BYTES -> deleteBytes(original, r);
        };
    }

    /** A YAML rendition: structural mutations are rendered as YAML; byte-level ones hit the YAML text. */
    private static byte[] toYaml(Op op, byte[] original, byte[] mutatedJson, Random r) throws IOException {
        return switch (op) {
            case DELETE_FIELD, CHANGE_TYPE, REPLACE_STRING, DEEP_NEST -> YAML.writeValueAsBytes(JSON.readTree(mutatedJson));
            case DUPLICATE_KEY -> {
                String yaml = YAML.writeValueAsString(JSON.readTree(original));
                List<String> lines = new ArrayList<>(yaml.lines().toList());
                int i = 1 + r.nextInt(lines.size() - 1);
                lines.add(i, lines.get(i));
                yield (String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8);
            }
            default -> mutate(op, YAML.writeValueAsBytes(JSON.readTree(original)), r);
        };
    }

    interface Edit {
        void apply(JsonNode parent, Object key, JsonNode node);
    }

    /** Applies the edit to a random member of a random object or array of the document. */
    private static byte[] tree(byte[] original, Random r, Edit edit) {
        try {
            JsonNode root = JSON.readTree(original);
            List<Object[]> places = new ArrayList<>();
            collect(root, places);
            Object[] at = places.get(r.nextInt(places.size()));
            edit.apply((JsonNode) at[0], at[1], (JsonNode) at[2]);
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(root);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void collect(JsonNode n, List<Object[]> out) {
        if (n.isObject()) {
            for (var e : n.properties()) {
                out.add(new Object[] {n, e.getKey(), e.getValue()});
                collect(e.getValue(), out);
            }
        } else if (n.isArray()) {
            for (int i = 0; i < n.size(); i++) {
                out.add(new Object[] {n, i, n.get(i)});
                collect(n.get(i), out);
            }
        }
    }

    private static void replace(JsonNode parent, Object key, JsonNode value) {
        if (parent instanceof ObjectNode o) {
            o.set((String) key, value);
        } else if (parent instanceof ArrayNode a) {
            a.set((Integer) key, value);
        }
    }

    /** A value of another JSON type than {@code node}'s. */
    private static JsonNode otherType(JsonNode node, Random r) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        List<JsonNode> candidates = new ArrayList<>(List.of(f.textNode("x"), f.textNode(""), f.numberNode(42), f.numberNode(-1),
                f.numberNode(1e308), f.numberNode(0.5), f.booleanNode(true), f.nullNode(), f.arrayNode(), f.objectNode(),
                f.arrayNode().add("a").add(1), f.objectNode().put("value", "x")));
        candidates.removeIf(c -> c.getNodeType() == node.getNodeType());
        return candidates.get(r.nextInt(candidates.size()));
    }

    private static String randomString(Random r) {
        String[] pool = {"", " ", "davinci", "DAVINCI", "da vinci", "达芬奇", "x;rm -rf ~", "../../etc/passwd", "\u0000", "\t\n",
                "code-training", "rlhf-ppo", "ESSAY", "null", "true", "1e400", "-5", "2021-13", "\uD83D\uDE00", "x".repeat(5000)};
        return pool[r.nextInt(pool.length)];
    }

    /** Stands for a value nested up to 3000 lists deep (written as text: Jackson's writer refuses depths over 1000). */
    private static final String DEEP = "deepnestplaceholder";

    private static byte[] nest(byte[] doc, Random r) {
        String text = new String(doc, StandardCharsets.UTF_8);
        if (!text.contains(DEEP)) {
            return doc;
        }
        int depth = r.nextInt(3000);
        String nested = "[".repeat(depth) + "\"deep\"" + "]".repeat(depth);
        return text.replaceFirst("[\"']?" + DEEP + "[\"']?", java.util.regex.Matcher.quoteReplacement(nested))
                .getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] insertGarbage(byte[] original, Random r) {
        int at = r.nextInt(original.length + 1);
        byte[] garbage = new byte[1 + r.nextInt(16)];
        String[] texty = {"{", "}", "[", "]", ",", ":", "\"", "\\", "\n", "#", "- ", "&a", "*a", "!!binary", "\t"};
        if (r.nextBoolean()) {
            r.nextBytes(garbage);
        } else {
            garbage = texty[r.nextInt(texty.length)].getBytes(StandardCharsets.UTF_8);
        }
        byte[] out = new byte[original.length + garbage.length];
        System.arraycopy(original, 0, out, 0, at);
        System.arraycopy(garbage, 0, out, at, garbage.length);
        System.arraycopy(original, at, out, at + garbage.length, original.length - at);
        return out;
    }

    private static byte[] deleteBytes(byte[] original, Random r) {
        int from = r.nextInt(original.length);
        int to = Math.min(original.length, from + 1 + r.nextInt(64));
        byte[] out = new byte[original.length - (to - from)];
        System.arraycopy(original, 0, out, 0, from);
        System.arraycopy(original, to, out, from, original.length - to);
        return out;
    }

    /** Repeats a random "key": value line of the pretty-printed JSON: the same key twice in one object. */
    private static byte[] duplicateKey(byte[] original, Random r) {
        String text = new String(original, StandardCharsets.UTF_8);
        List<int[]> lines = new ArrayList<>();
        Matcher m = KEY_LINE.matcher(text);
        while (m.find()) {
            lines.add(new int[] {m.start(), m.end()});
        }
        int[] line = lines.get(r.nextInt(lines.size()));
        String l = text.substring(line[0], line[1]);
        String copy = l.endsWith(",") ? l : l + ",";
        return (text.substring(0, line[0]) + copy + "\n" + text.substring(line[0])).getBytes(StandardCharsets.UTF_8);
    }
}
