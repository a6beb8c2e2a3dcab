package org.origins.rules;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.origins.TestKit;
import org.origins.explain.ExperimentsQuery;
import org.origins.explain.MatrixQuery;
import org.origins.explain.WhyQuery;
import org.origins.kb.Ability;
import org.origins.kb.KnowledgeBase;
import org.origins.kb.Level;
import org.origins.kb.ModelRecord;
import org.origins.reasoning.Reasoner;
import org.origins.reasoning.Reasoning;
import org.origins.render.JsonWriter;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Where a rule base comes from (the build's precompiled model, the on-disk cache, a DRL compile)
 * never changes what it concludes, and a cache or model that does not match the folder is not used.
 */
class RuleLoadingTest {
    @TempDir
    Path tmp;
    private String cacheDir;

    @BeforeEach
    void ownCache() {
        cacheDir = System.getProperty("origins.cache.dir");
        System.setProperty("origins.cache.dir", tmp.resolve("cache").toString());
    }

    @AfterEach
    void restoreCache() {
        if (cacheDir == null) {
            System.clearProperty("origins.cache.dir");
        } else {
            System.setProperty("origins.cache.dir", cacheDir);
        }
    }

    private Path copyOfRules() throws IOException {
        return copyOfRules("rules");
    }

    private Path copyOfRules(String name) throws IOException {
        Path dir = tmp.resolve(name);
        TestKit.copyDir(TestKit.RULES, dir);
        return dir;
    }

    /** Two rules' conclusion changed: long-range dependency from code becomes "strong" (a rule of both views). */
    private static void editOneRule(Path dir) throws IOException {
        Path code = dir.resolve("code.drl");
        String text = Files.readString(code);
        String edited = text.replace("insertLogical(Effect.gives($s, \"long-range-dependency\", \"present\"));",
                "insertLogical(Effect.gives($s, \"long-range-dependency\", \"strong\"));");
        assertThat(edited).isNotEqualTo(text);
        Files.writeString(code, edited);
    }

    @Test
    void theBundledRulesComeFromTheBuildsPrecompiledModel() throws IOException {
        assertThat(RuleCompiler.compile(TestKit.RULES).from()).isEqualTo(RuleBase.From.PRECOMPILED);
        // the model is keyed by the files' names and contents, not by the folder
        assertThat(RuleCompiler.compile(copyOfRules()).from()).isEqualTo(RuleBase.From.PRECOMPILED);
    }

    @Test
    void thePrecompiledModelConcludesWhatTheDrlConcludes() {
        RuleBase precompiled = RuleCompiler.compile(TestKit.RULES, true);
        RuleBase drl = RuleCompiler.compile(TestKit.RULES, false);
        assertThat(precompiled.from()).isEqualTo(RuleBase.From.PRECOMPILED);
        assertThat(drl.from()).isNotEqualTo(RuleBase.From.PRECOMPILED);
        assertThat(precompiled.rules()).isEqualTo(drl.rules());

        KnowledgeBase kb = TestKit.kb();
        Reasoning a = Reasoner.run(kb, precompiled, 100_000, true);
        Reasoning b = Reasoner.run(kb, drl, 100_000, true);
        assertThat(JsonWriter.write(MatrixQuery.of(a))).isEqualTo(JsonWriter.write(MatrixQuery.of(b)));
        assertThat(JsonWriter.write(ExperimentsQuery.all(a))).isEqualTo(JsonWriter.write(ExperimentsQuery.all(b)));
        for (ModelRecord m : kb.models()) {
            for (Ability ability : kb.abilities()) {
                assertThat(JsonWriter.write(WhyQuery.why(a, m.id(), ability.id(), 50)))
                        .as("why %s %s", m.id(), ability.id())
                        .isEqualTo(JsonWriter.write(WhyQuery.why(b, m.id(), ability.id(), 50)));
            }
        }
    }

    @Test
    void anEditedFolderIsCompiledFromDrlOnceThenReadFromTheCache() throws IOException {
        Path dir = copyOfRules();
        editOneRule(dir);

        RuleBase first = RuleCompiler.compile(dir);
        RuleBase second = RuleCompiler.compile(dir);

        assertThat(first.from()).isEqualTo(RuleBase.From.DRL);
        assertThat(second.from()).isEqualTo(RuleBase.From.CACHE);
        assertThat(second.rules()).isEqualTo(first.rules());
        assertThat(second.rules()).allMatch(r -> r.file().getParent().equals(dir));
        for (RuleBase rules : List.of(first, second)) {
            assertThat(Reasoner.run(TestKit.kb(), rules, 100_000).level("code-cushman-001", "long-range-dependency"))
                    .isEqualTo(Level.STRONG);
        }
    }

    @Test
    void aCorruptCacheFileIsIgnoredAndReplaced() throws IOException {
        Path dir = copyOfRules();
        editOneRule(dir);
        RuleCompiler.compile(dir);
        Path cached = onlyCacheFile();
        byte[] whole = Files.readAllBytes(cached);

        for (byte[] broken : List.of(new byte[0], java.util.Arrays.copyOf(whole, whole.length / 2),
                "origins-rule-cache/2\nnot the key\n".getBytes(), garbageAfterHeader(whole))) {
            Files.write(cached, broken);
            RuleBase rules = RuleCompiler.compile(dir);
            assertThat(rules.from()).as("a broken cache file of %d bytes", broken.length).isEqualTo(RuleBase.From.DRL);
            assertThat(Reasoner.run(TestKit.kb(), rules, 100_000).level("code-cushman-001", "long-range-dependency"))
                    .isEqualTo(Level.STRONG);
            assertThat(RuleCompiler.compile(dir).from()).as("rewritten").isEqualTo(RuleBase.From.CACHE);
        }
    }

    private static byte[] garbageAfterHeader(byte[] whole) {
        byte[] b = whole.clone();
        int second = new String(b, java.nio.charset.StandardCharsets.ISO_8859_1).indexOf('\n', 21) + 1;
        for (int i = second; i < b.length; i += 7) {
            b[i] ^= 0x5a;
        }
        return b;
    }

    private Path onlyCacheFile() throws IOException {
        try (Stream<Path> files = Files.list(tmp.resolve("cache"))) {
            List<Path> all = files.filter(f -> f.toString().endsWith(".kb")).toList();
            assertThat(all).hasSize(1);
            return all.get(0);
        }
    }

    @Test
    void aChangeOfNameOrContentMissesThePrecompiledModel() throws IOException {
        Path dir = copyOfRules();
        Files.writeString(dir.resolve("code.drl"), Files.readString(dir.resolve("code.drl")) + "\n// a comment\n");
        assertThat(RuleCompiler.compile(dir).from()).isEqualTo(RuleBase.From.DRL);

        Path renamed = copyOfRules("renamed");
        Files.move(renamed.resolve("code.drl"), renamed.resolve("code2.drl"));
        RuleBase rules = RuleCompiler.compile(renamed);
        assertThat(rules.from()).isNotEqualTo(RuleBase.From.PRECOMPILED);
        assertThat(rules.rules()).anyMatch(r -> r.file().equals(renamed.resolve("code2.drl")));
    }

    @Test
    void ruleInfosSurviveTheirEncoding() throws IOException {
        List<Path> files = RuleCompiler.ruleFiles(TestKit.RULES);
        List<RuleInfo> infos = new java.util.ArrayList<>();
        List<String> texts = RuleCompiler.read(files);
        for (int i = 0; i < files.size(); i++) {
            infos.addAll(RuleParser.parse(files.get(i), texts.get(i)));
        }
        byte[] bytes = RuleInfoCodec.encode(infos);

        assertThat(RuleInfoCodec.decode(bytes, 0, bytes.length, files)).isEqualTo(infos);
        Path elsewhere = tmp.resolve("elsewhere");
        List<Path> moved = files.stream().map(f -> elsewhere.resolve(f.getFileName())).toList();
        assertThat(RuleInfoCodec.decode(bytes, 0, bytes.length, moved))
                .allMatch(r -> r.file().getParent().equals(elsewhere));
    }
}
