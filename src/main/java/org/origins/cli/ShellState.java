package org.origins.cli;

import org.origins.explain.Diff;
import org.origins.explain.WhatIf;
import org.origins.io.InputException;
import org.origins.io.Problem;
import org.origins.kb.KbLoader;
import org.origins.kb.KnowledgeBase;
import org.origins.reasoning.Reasoner;
import org.origins.reasoning.Reasoning;
import org.origins.rules.IncrementalRules;
import org.origins.rules.RuleBase;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

/**
 * The shell's last good rule base, knowledge base and reasoning. A reload recompiles what changed
 * (by content); if the new files are broken it keeps the last good state and reports the errors,
 * else it reports which conclusions changed.
 */
final class ShellState {
    /**
     * What a reload did; {@code recovered}: the files are good again after a failed reload (even
     * when they are back to the content answered from all along).
     */
    record Reload(boolean changed, List<Problem> problems, List<WhatIf.LevelChange> changes, long millis, boolean recovered) {
        Reload(boolean changed, List<Problem> problems, List<WhatIf.LevelChange> changes, long millis) {
            this(changed, problems, changes, millis, false);
        }
    }

    final Path factsDir;
    final Path rulesDir;
    final long maxFirings;
    private String rulesHash = "";
    private String factsHash = "";
    private KnowledgeBase kb;
    private RuleBase rules;
    private Reasoning reasoning;
    private IncrementalRules incremental;
    /** The files as the last failed reload found them (null: the last reload did not fail). */
    private String failedHashes;

    ShellState(Path factsDir, Path rulesDir, long maxFirings) {
        this.factsDir = factsDir;
        this.rulesDir = rulesDir;
        this.maxFirings = maxFirings;
    }

    synchronized KnowledgeBase kb() {
        return kb;
    }

    synchronized RuleBase rules() {
        return rules;
    }

    synchronized Reasoning reasoning() {
        return reasoning;
    }

    /** Loads or reloads; on bad input keeps the last good state (throws only on the first load). */
    synchronized Reload reload() {
        long t0 = System.nanoTime();
        String rh = hash(rulesDir, ".drl");
        String fh = hash(factsDir, ".json", ".yaml", ".yml");
        if (rh.equals(rulesHash) && fh.equals(factsHash)) {
            boolean recovered = failedHashes != null;   // a broken file put back as it was
            failedHashes = null;
            return new Reload(recovered, List.of(), List.of(), ms(t0), recovered);
        }
        KnowledgeBase newKb = kb;
        RuleBase newRules = rules;
        try {
            if (!fh.equals(factsHash)) {
                newKb = KbLoader.load(factsDir);
            }
            if (!rh.equals(rulesHash)) {
                newRules = compileRules();
            }
            Reasoning next = Reasoner.run(newKb, newRules, maxFirings);
            List<WhatIf.LevelChange> changes = reasoning == null ? List.of()
                    : Diff.levels(reasoning, next, Diff.allModels(next).stream()
                    .filter(m -> reasoning.kb().model(m).isPresent()).toList());
            kb = newKb;
            rules = newRules;
            reasoning = next;
            rulesHash = rh;
            factsHash = fh;
            boolean recovered = failedHashes != null;
            failedHashes = null;
            return new Reload(true, List.of(), changes, ms(t0), recovered);
        } catch (RuntimeException | StackOverflowError | OutOfMemoryError e) {
            if (reasoning == null) {
                throw e;
            }
            // whatever the new files do (bad input, a rule that hangs or crashes), the last good state answers on
            List<Problem> problems = e instanceof InputException ie ? ie.problems()
                    : List.of(Problem.error(null, 0, 0, null, e instanceof RuntimeException && e.getMessage() != null
                    ? e.getMessage() : "the rules could not be run: " + e));
            boolean again = (rh + fh).equals(failedHashes);
            failedHashes = rh + fh;
            return new Reload(!again, problems, List.of(), ms(t0));
        }
    }

    /** Only the changed rule files are compiled; an unexpected engine failure falls back to a full compile. */
    private RuleBase compileRules() {
        if (incremental == null) {
            incremental = IncrementalRules.start(rulesDir);
            return incremental.current();
        }
        try {
            return incremental.update();
        } catch (InputException e) {
            throw e;
        } catch (RuntimeException e) {
            incremental = IncrementalRules.start(rulesDir);
            return incremental.current();
        }
    }

    private static long ms(long t0) {
        return (System.nanoTime() - t0) / 1_000_000;
    }

    /** A digest of the names and contents of the matching files below dir. */
    static String hash(Path dir, String... endings) {
        try (Stream<Path> s = Files.walk(dir, 3)) {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            for (Path p : s.filter(Files::isRegularFile).filter(p -> {
                String n = p.getFileName().toString();
                if (n.startsWith(".")) {
                    return false;
                }
                for (String e : endings) {
                    if (n.toLowerCase(java.util.Locale.ROOT).endsWith(e)) {
                        return true;
                    }
                }
                return false;
            }).sorted().toList()) {
                md.update(p.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
                md.update(Files.readAllBytes(p));
            }
            return HexFormat.of().formatHex(md.digest());
        } catch (IOException | NoSuchAlgorithmException e) {
            return "unreadable:" + e.getMessage();
        }
    }
}
