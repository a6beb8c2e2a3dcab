package org.origins.reliability;

import org.origins.Cli;
import org.origins.TestKit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.lang.reflect.Field;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code origins add} saves all of a file's models or none, even when killed (SIGKILL) midway; a
 * model's id must be new among every loaded model, however it is saved (another file name, another
 * case or '_' for '-'); upper-case extensions are read as their lower-case ones.
 */
class AddAtomicityTest {
    @TempDir
    Path tmp;
    Path facts;
    Path hypothetical;

    @BeforeEach
    void setUp() {
        facts = TestKit.copyDir(Run.FACTS, tmp.resolve("facts"));
        hypothetical = facts.resolve("hypothetical");
    }

    private static String model(String id, String parent) {
        return "{ \"id\": \"" + id + "\", \"hypothetical\": true, \"parent\": \"" + parent + "\", \"stages\": [] }\n";
    }

    /** {@code n} models. */
    private Path many(String name, int n) throws IOException {
        String list = IntStream.range(0, n).mapToObj(i -> model("many-" + i, "opt-175b").strip())
                .collect(Collectors.joining(",\n", "[\n", "\n]\n"));
        return Files.writeString(tmp.resolve(name), list);
    }

    private Cli.Result add(String... args) {
        List<String> a = new ArrayList<>(List.of("add"));
        a.addAll(List.of(args));
        a.addAll(List.of("--facts", facts.toString()));
        return Cli.run(a.toArray(String[]::new));
    }

    private List<String> saved() throws IOException {
        if (!Files.isDirectory(hypothetical)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(hypothetical)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    private List<String> hiddenInFacts() throws IOException {
        try (Stream<Path> s = Files.list(facts)) {
            return s.map(p -> p.getFileName().toString()).filter(n -> n.startsWith(".")).toList();
        }
    }

    @Test
    void upperCaseExtensionsAreReadAsTheirLowerCaseOnes() throws IOException {
        Path yaml = Files.writeString(tmp.resolve("m.YAML"), "id: upper-yaml\nhypothetical: true\nparent: opt-175b\nstages: []\n");
        Path json = Files.writeString(tmp.resolve("m.Json"), model("upper-json", "opt-175b"));

        Cli.Result r = add(yaml.toString(), json.toString());

        assertThat(r.code()).as(r.err()).isZero();
        assertThat(Files.readString(hypothetical.resolve("upper-yaml.json"))).contains("\"id\" : \"upper-yaml\"").doesNotContain("null");
        assertThat(Cli.run("models", "--facts", facts.toString()).out()).contains("upper-yaml").contains("upper-json");
    }

    /** What is saved is what was read: an alias is its anchor's value (YAML 1.2), 0100 is one hundred. */
    @Test
    void aYamlAliasIsSavedAsItsValue() throws IOException {
        Path yaml = Files.writeString(tmp.resolve("alias.yaml"), """
                models:
                  - id: alias-one
                    hypothetical: true
                    parent: opt-175b
                    stages:
                      - kind: code-training
                        corpus: &mix [code, web-text]
                        tokens: 0100
                  - id: alias-two
                    hypothetical: true
                    parent: opt-175b
                    stages:
                      - kind: code-training
                        corpus: *mix
                """);
        Cli.Result r = add(yaml.toString());
        assertThat(r.code()).as(r.err()).isZero();
        String saved = Files.readString(hypothetical.resolve("alias-two.json"));
        assertThat(saved).contains("\"code\"").contains("\"web-text\"").doesNotContain("mix");
        assertThat(Files.readString(hypothetical.resolve("alias-one.json"))).contains("\"tokens\" : 100");
    }

    @Test
    void anIdSavedUnderAnotherFileNameIsTaken() throws IOException {
        Files.createDirectories(hypothetical);
        Files.writeString(hypothetical.resolve("renamed-by-the-user.json"), model("taken", "opt-175b"));
        Path again = Files.writeString(tmp.resolve("again.json"), model("taken", "davinci"));
        Path lookalike = Files.writeString(tmp.resolve("lookalike.json"), model("tak_en", "davinci"));
        Files.writeString(hypothetical.resolve("tak-en.json"), model("tak-en", "opt-175b"));

        Cli.Result r = add(again.toString());
        r.rejected(2);
        assertThat(r.err()).contains("renamed-by-the-user.json").contains("a hypothetical model \"taken\" is already saved here");
        Cli.Result l = add(lookalike.toString());
        l.rejected(2);
        assertThat(l.err()).contains("a hypothetical model \"tak-en\" is already saved here (a name the command line does not tell from \"tak_en\")");

        Cli.Result forced = add(again.toString(), "--force");
        assertThat(forced.code()).as(forced.err()).isZero();
        assertThat(saved()).containsExactly("tak-en.json", "taken.json");
        assertThat(Cli.run("models", "--facts", facts.toString()).code()).as("the knowledge base still loads").isZero();
    }

    @Test
    void aRealModelsIdIsTakenWhateverItsCase() throws IOException {
        Path real = Files.writeString(tmp.resolve("real.json"), model("text_davinci_002", "davinci"));
        Cli.Result r = add(real.toString(), "--force");
        r.rejected(2);
        assertThat(r.err()).contains("\"text_davinci_002\" is a real model of the knowledge base");
        assertThat(saved()).isEmpty();
    }

    /** A failure while the models are written (the second of three): none is saved, nothing is left behind. */
    @Test
    void aFailureMidwaySavesNone() throws Exception {
        Path three = many("three.json", 3);
        AtomicInteger written = new AtomicInteger();
        Field f = Class.forName("org.origins.io.AtomicFiles").getDeclaredField("steps");
        f.setAccessible(true);
        @SuppressWarnings("unchecked")
        Consumer<String> original = (Consumer<String>) f.get(null);
        f.set(null, (Consumer<String>) step -> {
            if (step.equals("written") && written.incrementAndGet() == 2) {
                throw new IllegalStateException("killed");
            }
        });
        try {
            Cli.Result r = add(three.toString());
            assertThat(r.code()).isNotZero();
        } finally {
            f.set(null, original);
        }
        assertThat(saved()).isEmpty();
        assertThat(hiddenInFacts()).isEmpty();
        assertThat(add(three.toString()).code()).as("a second try succeeds").isZero();
        assertThat(saved()).hasSize(3);
    }

    /**
     * A kill between the two renames leaves the folder renamed away and not yet replaced: the
     * loader reads the old content meanwhile, and the next add puts it back before its own change.
     */
    @Test
    void aKillBetweenTheRenamesLosesNothing() throws IOException {
        Files.createDirectories(hypothetical);
        Files.writeString(hypothetical.resolve("kept.json"), model("kept", "opt-175b"));
        Files.move(hypothetical, facts.resolve(".hypothetical.old-killed"));
        Files.createDirectories(facts.resolve(".hypothetical.staging-killed"));
        Files.writeString(facts.resolve(".hypothetical.staging-killed/half.json"), "{ \"id\": \"ha");

        assertThat(Cli.run("models", "--facts", facts.toString()).out()).contains("kept").doesNotContain("half");

        Path next = Files.writeString(tmp.resolve("next.json"), model("next", "kept"));
        Cli.Result r = add(next.toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(saved()).containsExactly("kept.json", "next.json");
        assertThat(hiddenInFacts()).isEmpty();
    }

    /** The real thing: a separate process adding 400 models, killed with SIGKILL at several moments. */
    @Test
    void sigkillMidwayLeavesAllOrNothing() throws Exception {
        Path file = many("many.json", 400);
        for (int delayMs : new int[] {300, 900, 1500, 2100, 2700}) {
            Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"), "org.origins.cli.Main",
                    "add", file.toString(), "--facts", facts.toString())
                    .redirectErrorStream(true).redirectOutput(tmp.resolve("out.txt").toFile()).start();
            boolean finished = p.waitFor(delayMs, TimeUnit.MILLISECONDS);
            if (!finished) {
                p.destroyForcibly();   // SIGKILL
                p.waitFor(30, TimeUnit.SECONDS);
            }
            List<String> saved = saved();
            assertThat(saved.size()).as("after a kill at %d ms (finished: %s)", delayMs, finished).isIn(0, 400);
            assertThat(Cli.run("models", "--facts", facts.toString()).code()).as("the knowledge base loads").isZero();
            if (saved.size() == 400) {
                return;   // it finished: nothing more to kill
            }
        }
        Cli.Result r = add(file.toString());
        assertThat(r.code()).as("an add after the kills: %s", r.err()).isZero();
        assertThat(saved()).hasSize(400);
        assertThat(hiddenInFacts()).isEmpty();
        Map<String, String> before = Run.hashes(facts);
        assertThat(add(file.toString()).code()).as("again: already saved").isEqualTo(2);
        assertThat(Run.hashes(facts)).isEqualTo(before);
    }
}
