package org.origins;

import org.origins.kb.KbLoader;
import org.origins.kb.KnowledgeBase;
import org.origins.reasoning.Reasoner;
import org.origins.reasoning.Reasoning;
import org.origins.rules.RuleBase;
import org.origins.rules.RuleCompiler;

import java.nio.file.Path;

/**
 * The project's real facts/ and rules/, loaded once and shared by every test class of the JVM:
 * compiling the rules takes a couple of seconds. Tests run with the project root as working
 * directory (surefire's workingDirectory).
 */
public final class TestKit {
    public static final Path FACTS = Path.of("facts");
    public static final Path RULES = Path.of("rules");
    /** Two hypothetical models as YAML: opt-code (code training on opt-175b) and opt-code-inst (tuned from it). */
    public static final String TWO_HYPOTHETICAL_MODELS = """
            models:
              - id: opt-code
                hypothetical: true
                parent: opt-175b
                stages:
                  - kind: code-training
                    sources: [USER]
                    tokens: 100
                    codeShare: 0.3
              - id: opt-code-inst
                hypothetical: true
                parent: opt-code
                stages:
                  - kind: supervised-instruction-tuning
                    sources: [USER]
                    tasks: 1800
            """;

    private static KnowledgeBase kb;
    private static RuleBase rules;
    private static Reasoning reasoning;

    private TestKit() {
    }

    /** The knowledge base of facts/. */
    public static synchronized KnowledgeBase kb() {
        if (kb == null) {
            kb = KbLoader.load(FACTS);
        }
        return kb;
    }

    /** The compiled rules of rules/. */
    public static synchronized RuleBase rules() {
        if (rules == null) {
            rules = RuleCompiler.compile(RULES);
        }
        return rules;
    }

    /** One reasoning run of the essay's rules alone (--view essay) over kb(). */
    public static synchronized Reasoning essayReasoning() {
        if (essayReasoning == null) {
            essayReasoning = Reasoner.run(kb(), rules().inView(org.origins.rules.View.ESSAY));
        }
        return essayReasoning;
    }

    private static Reasoning essayReasoning;

    /** One reasoning run of rules() over kb(), without assumptions. */
    public static synchronized Reasoning reasoning() {
        if (reasoning == null) {
            reasoning = Reasoner.run(kb(), rules());
        }
        return reasoning;
    }

    /** The observations kept aside to judge the rules (issue 12): no test reads them. */
    public static final String HELD_OUT = "observations-heldout.json";

    /** The essay's twenty models; facts/models also holds the published models added for issue 12. */
    public static final java.util.List<String> ESSAY_MODELS = java.util.List.of(
            "bloom-176b", "chatgpt", "code-cushman-001", "code-davinci-001", "code-davinci-002",
            "codex-initial-12b", "copilot-12b", "davinci-instruct-beta", "davinci", "flan-137b",
            "flan-palm-540b", "flan-t5-xxl", "instructgpt-paper", "opt-175b", "palm-540b", "t0-11b",
            "t5-11b", "text-davinci-001", "text-davinci-002", "text-davinci-003");

    /** How many model files facts/models holds: counted, so that adding a model does not break a test. */
    public static int realModelCount() {
        try (java.util.stream.Stream<Path> s = java.nio.file.Files.list(FACTS.resolve("models"))) {
            return (int) s.filter(p -> p.getFileName().toString().endsWith(".json")).count();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** A copy of facts/ in {@code target} that keeps only the essay's twenty models; returns {@code target}. */
    public static Path essayFacts(Path target) {
        copyDir(FACTS, target);
        try (java.util.stream.Stream<Path> s = java.nio.file.Files.list(target.resolve("models"))) {
            for (Path p : s.toList()) {
                String name = p.getFileName().toString();
                if (name.endsWith(".json") && !ESSAY_MODELS.contains(name.substring(0, name.length() - ".json".length()))) {
                    java.nio.file.Files.delete(p);
                }
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return target;
    }

    /** Copies a folder recursively (e.g. facts/ or rules/) to {@code target}; returns {@code target}. */
    public static Path copyDir(Path source, Path target) {
        Path from = source.toAbsolutePath();
        try (java.util.stream.Stream<Path> all = java.nio.file.Files.walk(from)) {
            for (Path p : all.sorted(java.util.Comparator.naturalOrder()).toList()) {
                Path to = target.resolve(from.relativize(p).toString());
                if (p.getFileName().toString().equals(HELD_OUT)) {
                    continue; // tests never read the held-out observations, nor report agreement on them
                }
                if (java.nio.file.Files.isDirectory(p)) {
                    java.nio.file.Files.createDirectories(to);
                } else {
                    java.nio.file.Files.copy(p, to);
                }
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return target;
    }
}
