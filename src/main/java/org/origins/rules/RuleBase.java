package org.origins.rules;

import org.kie.api.KieBase;

import java.nio.file.Path;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The compiled rules of a folder and what each rule says about itself. */
public final class RuleBase {
    /** Where the compiled rules came from. */
    public enum From {
        /** The build's executable model of the bundled rules (the folder holds exactly those files). */
        PRECOMPILED,
        /** The on-disk cache of an earlier compilation of the same files. */
        CACHE,
        /** Compiled from the DRL files now. */
        DRL
    }

    private final Path directory;
    private final KieBase kieBase;
    private final From from;
    private final Map<String, RuleInfo> byName;
    private final Map<String, RuleInfo> byId;

    RuleBase(Path directory, KieBase kieBase, Collection<RuleInfo> rules, From from) {
        requireUniqueIds(rules);
        this.directory = directory;
        this.kieBase = kieBase;
        this.from = from;
        this.byName = new LinkedHashMap<>();
        this.byId = new LinkedHashMap<>();
        for (RuleInfo r : rules) {
            byName.put(r.name(), r);
            byId.putIfAbsent(r.id() == null ? r.name() : r.id(), r);
        }
    }

    /**
     * Two rules with one @id would make every answer that names the rule ambiguous (its claim, its
     * grade, why-not, scenarios' derived-by): refused, with both places, before anything runs.
     */
    static void requireUniqueIds(Collection<RuleInfo> rules) {
        Map<String, RuleInfo> first = new LinkedHashMap<>();
        List<org.origins.io.Problem> problems = new java.util.ArrayList<>();
        for (RuleInfo r : rules) {
            if (r.id() == null) {
                continue;
            }
            RuleInfo other = first.putIfAbsent(r.id(), r);
            if (other != null) {
                problems.add(org.origins.io.Problem.error(r.file(), r.line(), 0, null, "duplicate rule id \"" + r.id()
                        + "\" (also at " + org.origins.io.FilePaths.display(other.file()) + ":" + other.line()
                        + "); every rule needs an @id of its own"));
            }
        }
        if (!problems.isEmpty()) {
            throw new org.origins.io.InputException(problems);
        }
    }

    public Path directory() {
        return directory;
    }

    public KieBase kieBase() {
        return kieBase;
    }

    public From from() {
        return from;
    }

    public List<RuleInfo> rules() {
        return List.copyOf(byName.values());
    }

    /** By the DRL rule name (what the engine reports). */
    public Optional<RuleInfo> byName(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    public Optional<RuleInfo> byId(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    /** Rules whose right-hand side can conclude something about the ability. */
    public List<RuleInfo> concluding(String ability) {
        return byName.values().stream().filter(r -> r.abilities().contains(ability)).toList();
    }
}
