package org.origins.rules;

import org.drools.kiesession.rulebase.InternalKnowledgeBase;
import org.kie.api.definition.KiePackage;
import org.kie.api.io.ResourceType;
import org.kie.internal.builder.KnowledgeBuilder;
import org.kie.internal.builder.KnowledgeBuilderFactory;
import org.kie.internal.builder.KnowledgeBuilderResult;
import org.kie.internal.io.ResourceFactory;
import org.origins.io.InputException;
import org.origins.io.Problem;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Keeps a rule base current as rule files change, for the shell: only the files whose text changed
 * are compiled (against the live rule base), their old rules are removed and the new ones added.
 * A file that does not compile leaves the rule base exactly as it was.
 */
public final class IncrementalRules {
    private final Path dir;
    private final InternalKnowledgeBase kieBase;
    private final Map<Path, String> texts = new LinkedHashMap<>();
    private final Map<Path, List<RuleInfo>> infos = new LinkedHashMap<>();

    private IncrementalRules(Path dir, InternalKnowledgeBase kieBase) {
        this.dir = dir;
        this.kieBase = kieBase;
    }

    /**
     * Starts from a full compile of the folder (from DRL, or the cache of it: the build's
     * precompiled rules are another kind of package, which DRL packages are not merged into).
     */
    public static IncrementalRules start(Path dir) {
        RuleBase full = RuleCompiler.compile(dir, false);
        IncrementalRules inc = new IncrementalRules(dir, (InternalKnowledgeBase) full.kieBase());
        Map<Path, List<RuleInfo>> byFile = new LinkedHashMap<>();
        for (RuleInfo r : full.rules()) {  // what the compile parsed: not parsed again
            byFile.computeIfAbsent(r.file(), f -> new ArrayList<>()).add(r);
        }
        for (Path f : RuleCompiler.ruleFiles(dir)) {
            inc.texts.put(f, read(f));
            inc.infos.put(f, List.copyOf(byFile.getOrDefault(f, List.of())));
        }
        return inc;
    }

    /** The rule base as it stands. */
    public RuleBase current() {
        List<RuleInfo> all = new ArrayList<>();
        infos.values().forEach(all::addAll);
        return new RuleBase(dir, kieBase, all, RuleBase.From.DRL);
    }

    /**
     * Brings the rule base up to date with the folder; throws {@link InputException} (changing
     * nothing) when a changed file does not compile.
     */
    public synchronized RuleBase update() {
        List<Path> files = RuleCompiler.ruleFiles(dir);
        Map<Path, String> changed = new LinkedHashMap<>();
        for (Path f : files) {
            String text = read(f);
            if (!text.equals(texts.get(f))) {
                changed.put(f, text);
            }
        }
        List<Path> removed = texts.keySet().stream().filter(f -> !files.contains(f)).toList();
        if (changed.isEmpty() && removed.isEmpty()) {
            return current();
        }
        Map<Path, Collection> compiled = new LinkedHashMap<>();
        List<Problem> problems = new ArrayList<>();
        for (var e : changed.entrySet()) {
            KnowledgeBuilder kb = KnowledgeBuilderFactory.newKnowledgeBuilder();
            kb.add(ResourceFactory.newByteArrayResource(e.getValue().getBytes(StandardCharsets.UTF_8))
                    .setSourcePath(e.getKey().toString()), ResourceType.DRL);
            List<RuleInfo> parsed = RuleParser.parse(e.getKey(), e.getValue());
            if (kb.hasErrors()) {
                List<Problem> found = new ArrayList<>();
                for (KnowledgeBuilderResult r : kb.getErrors()) {
                    int line = r.getLines() == null || r.getLines().length == 0 ? 0 : r.getLines()[0];
                    found.add(RuleCompiler.problem(e.getKey(), line, r.getMessage(), parsed));   // as a full compile words it
                }
                problems.addAll(RuleCompiler.withoutEcho(found));
            } else {
                compiled.put(e.getKey(), new Collection(kb.getKnowledgePackages(), parsed));
            }
        }
        if (!problems.isEmpty()) {
            throw new InputException(problems);
        }
        List<RuleInfo> next = new ArrayList<>();   // the rules after the update: checked before anything changes
        infos.forEach((f, list) -> {
            if (!removed.contains(f) && !compiled.containsKey(f)) {
                next.addAll(list);
            }
        });
        compiled.values().forEach(c -> next.addAll(c.infos()));
        RuleBase.requireUniqueIds(next);
        for (Path f : removed) {
            drop(f);
            texts.remove(f);
            infos.remove(f);
        }
        for (var e : compiled.entrySet()) {
            drop(e.getKey());
            kieBase.addPackages(e.getValue().packages());
            texts.put(e.getKey(), changed.get(e.getKey()));
            infos.put(e.getKey(), e.getValue().infos());
        }
        return current();
    }

    private record Collection(java.util.Collection<KiePackage> packages, List<RuleInfo> infos) {
    }

    /** Removes the rules a file defined. */
    private void drop(Path f) {
        for (RuleInfo r : infos.getOrDefault(f, List.of())) {
            for (KiePackage p : kieBase.getKiePackages()) {
                if (p.getRules().stream().anyMatch(x -> x.getName().equals(r.name()))) {
                    kieBase.removeRule(p.getName(), r.name());
                }
            }
        }
    }

    private static String read(Path f) {
        try {
            return Files.readString(f, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new InputException(List.of(Problem.error(f, 0, 0, null, "cannot read: " + e.getMessage())));
        }
    }
}
