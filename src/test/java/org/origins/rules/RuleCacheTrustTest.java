package org.origins.rules;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;
import org.origins.TestKit;
import org.origins.kb.Level;
import org.origins.reasoning.Reasoner;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The rule cache holds code (serialised compiled rules), so it trusts only what the user wrote: a
 * private folder and files of the user's own, and entries authenticated by the user's key. Another
 * user's compiled rules planted under the victim's key are never deserialised; the victim's answer
 * comes from the victim's rules.
 */
@EnabledOnOs({OS.LINUX, OS.MAC})
class RuleCacheTrustTest {
    @TempDir
    Path tmp;
    private String saved;

    @BeforeEach
    void ownCache() {
        saved = System.getProperty("origins.cache.dir");
    }

    @AfterEach
    void restore() {
        if (saved == null) {
            System.clearProperty("origins.cache.dir");
        } else {
            System.setProperty("origins.cache.dir", saved);
        }
    }

    private static void useCache(Path dir) {
        System.setProperty("origins.cache.dir", dir.toString());
    }

    /** A copy of the rules; {@code codeGives} is the level code training gives chain-of-thought (the real rule: weak). */
    private Path rules(String name, String codeGives) throws IOException {
        Path dir = TestKit.copyDir(TestKit.RULES, tmp.resolve(name));
        Path code = dir.resolve("code.drl");
        String text = Files.readString(code).replace("insertLogical(Effect.gives($s, \"chain-of-thought\", \"weak\"));",
                "insertLogical(Effect.gives($s, \"chain-of-thought\", \"" + codeGives + "\"));") + "\n// " + name + "\n";
        Files.writeString(code, text);
        return dir;
    }

    /** In the essay's view: the rule edited is the essay's, which a later rule supersedes in the default view. */
    private static Level cushmanChainOfThought(RuleBase rules) {
        return Reasoner.run(TestKit.kb(), rules.inView(View.ESSAY), 100_000).level("code-cushman-001", "chain-of-thought");
    }

    private static Path entry(Path cache) throws IOException {
        try (Stream<Path> s = Files.list(cache)) {
            return s.filter(p -> p.getFileName().toString().endsWith(".kb")).findFirst().orElseThrow();
        }
    }

    @Test
    void anotherUsersCompiledRulesPlantedUnderTheVictimsKeyAreNeverRun() throws IOException {
        Path attackerCache = tmp.resolve("attacker-cache");
        Path victimCache = tmp.resolve("victim-cache");
        Path attackerRules = rules("attacker", "strong");
        Path victimRules = rules("victim", "weak");

        useCache(attackerCache);
        assertThat(cushmanChainOfThought(RuleCompiler.compile(attackerRules))).isEqualTo(Level.STRONG);
        byte[] planted = Files.readAllBytes(entry(attackerCache));

        useCache(victimCache);
        RuleCompiler.compile(victimRules);   // the victim's cache: its folder and key exist
        List<Path> files = RuleCompiler.ruleFiles(victimRules);
        String victimKey = RuleCache.key(files, RuleCompiler.read(files));
        String attackerKey = new String(planted, 0, 200, StandardCharsets.ISO_8859_1).split("\n")[1];
        byte[] rekeyed = new String(planted, StandardCharsets.ISO_8859_1).replaceFirst(attackerKey, victimKey)
                .getBytes(StandardCharsets.ISO_8859_1);
        Files.write(victimCache.resolve(victimKey + ".kb"), rekeyed);   // the victim's own file, with the attacker's content

        RuleBase loaded = RuleCompiler.compile(victimRules);

        assertThat(loaded.from()).as("the planted entry is not used").isEqualTo(RuleBase.From.DRL);
        assertThat(cushmanChainOfThought(loaded)).as("the victim's rules answer").isEqualTo(Level.WEAK);
        assertThat(RuleCompiler.compile(victimRules).from()).as("replaced by the victim's own entry").isEqualTo(RuleBase.From.CACHE);
    }

    @Test
    void theCacheFolderIsPrivateAndItsKeyTheUsersOwn() throws IOException {
        Path cache = tmp.resolve("fresh/cache");
        useCache(cache);
        RuleCompiler.compile(rules("mine", "weak"));

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(cache))).isEqualTo("rwx------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(cache.resolve(CacheTrust.KEY)))).isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(entry(cache)))).isEqualTo("rw-------");
        assertThat(Files.size(cache.resolve(CacheTrust.KEY))).isEqualTo(32);
    }

    @Test
    void aFolderOthersCanWriteIsRefusedWithAMessageAndTheRulesStillAnswer() throws IOException {
        Path cache = Files.createDirectories(tmp.resolve("shared"));
        Files.setPosixFilePermissions(cache, PosixFilePermissions.fromString("rwxrwxrwx"));
        useCache(cache);
        Path mine = rules("shared-user", "present");

        String warning = stderrOf(() -> {
            assertThat(cushmanChainOfThought(RuleCompiler.compile(mine))).isEqualTo(Level.PRESENT);
            assertThat(RuleCompiler.compile(mine).from()).isEqualTo(RuleBase.From.DRL);
        });

        assertThat(warning).contains("not using the rule cache " + cache).contains("it is writable by others (rwxrwxrwx)")
                .contains("ORIGINS_CACHE_DIR");
        try (Stream<Path> s = Files.list(cache)) {
            assertThat(s.toList()).as("nothing written into it").isEmpty();
        }
    }

    @Test
    void aFolderOrEntryOfAnotherUserIsRefused() throws IOException {
        assumeTrue(CacheTrust.uid() == 0, "only root can give a file to another user");
        Path cache = tmp.resolve("theirs");
        useCache(cache);
        Path mine = rules("root-user", "present");
        RuleCompiler.compile(mine);
        Path entry = entry(cache);

        Files.setAttribute(entry, "unix:uid", 4242);
        assertThat(CacheTrust.untrusted(entry, false)).contains("belongs to another user (uid 4242)");
        assertThat(RuleCompiler.compile(mine).from()).isEqualTo(RuleBase.From.DRL);

        Files.setAttribute(cache, "unix:uid", 4242);
        assertThat(CacheTrust.of(cache)).isEmpty();
        assertThat(cushmanChainOfThought(RuleCompiler.compile(mine))).isEqualTo(Level.PRESENT);
    }

    @Test
    void pruningDeletesOnlyWhatTheCacheWrote() throws IOException {
        Path cache = tmp.resolve("pruned");
        useCache(cache);
        RuleCompiler.compile(rules("ours", "present"));
        Path ours = entry(cache);
        String hex = "ab".repeat(32);
        Path lookalike = Files.write(cache.resolve(hex + ".kb"), "origins-rule-cache/3\nnot ours\n".getBytes(StandardCharsets.UTF_8));
        Path users = Files.writeString(cache.resolve("notes.kb"), "a user's file\n");
        Path other = Files.writeString(cache.resolve("README"), "kept\n");

        RuleCache.prune(CacheTrust.of(cache).orElseThrow(), 0);

        assertThat(ours).doesNotExist();
        assertThat(lookalike).exists();
        assertThat(users).exists();
        assertThat(other).exists();
    }

    @Test
    void theHmacCoversEveryByte() throws IOException {
        CacheTrust trust = CacheTrust.of(tmp.resolve("mac")).orElseThrow();
        byte[] sealed = trust.seal("compiled rules".getBytes(StandardCharsets.UTF_8));
        assertThat(trust.open(sealed)).hasValueSatisfying(b -> assertThat(new String(b, StandardCharsets.UTF_8)).isEqualTo("compiled rules"));
        for (int i = 0; i < sealed.length; i++) {
            byte[] flipped = sealed.clone();
            flipped[i] ^= 1;
            assertThat(trust.open(flipped)).as("byte %d changed", i).isEmpty();
        }
        assertThat(trust.open(Arrays.copyOf(sealed, 10))).isEmpty();
        CacheTrust another = CacheTrust.of(tmp.resolve("another")).orElseThrow();
        assertThat(another.open(sealed)).as("another key").isEmpty();
    }

    private static String stderrOf(Runnable r) {
        PrintStream before = System.err;
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        System.setErr(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        try {
            r.run();
        } finally {
            System.setErr(before);
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }
}
