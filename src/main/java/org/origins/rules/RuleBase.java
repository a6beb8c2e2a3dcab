package org.origins.rules;

import org.kie.api.KieBase;
import org.kie.api.runtime.rule.AgendaFilter;

import java.nio.file.Path;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

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
    private final View view;
    /** The rules' view metadata (shared by the views of one compiled rule base). */
    private final RuleViews views;
    /** The names of the rules this view leaves out. */
    private final Set<String> inactive;

    RuleBase(Path directory, KieBase kieBase, Collection<RuleInfo> rules, From from) {
        this(directory, kieBase, checked(rules), from, View.DEFAULT, new RuleViews(kieBase));
    }

    private RuleBase(Path directory, KieBase kieBase, Collection<RuleInfo> rules, From from, View view, RuleViews views) {
        this.directory = directory;
        this.kieBase = kieBase;
        this.from = from;
        this.view = view;
        this.views = views;
        this.byName = new LinkedHashMap<>();
        this.byId = new LinkedHashMap<>();
        for (RuleInfo r : rules) {
            byName.put(r.name(), r);
            byId.putIfAbsent(r.id() == null ? r.name() : r.id(), r);
        }
        this.inactive = inactive();
    }

    private static Collection<RuleInfo> checked(Collection<RuleInfo> rules) {
        requireUniqueIds(rules);
        return rules;
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

    /** Every compiled rule, in either view (lint, reports, the shell's reload). */
    public List<RuleInfo> rules() {
        return List.copyOf(byName.values());
    }

    // ---- views -------------------------------------------------------------------------------

    public View view() {
        return view;
    }

    /** The same compiled rules answering in another view (the engine's rule base is shared). */
    public RuleBase inView(View v) {
        return v == view ? this : new RuleBase(directory, kieBase, byName.values(), from, v, views);
    }

    /** Whether a rule is marked {@code @view("later")}: supported by papers after the essay. */
    public boolean isLater(RuleInfo r) {
        return views.of(r.name()).later();
    }

    /** The raw {@code @view} value of a rule (null when it has none), for lint. */
    public String viewOf(RuleInfo r) {
        return views.of(r.name()).view();
    }

    /** The ids of the essay rules a later rule revises ({@code @supersedes}). */
    public List<String> supersedes(RuleInfo r) {
        return views.of(r.name()).supersedes();
    }

    /** The later rules that supersede the rule with this id. */
    public List<RuleInfo> supersededBy(String id) {
        return byName.values().stream().filter(r -> supersedes(r).contains(id)).toList();
    }

    /** Whether the rule takes part in this view's answers. */
    public boolean isActive(String ruleName) {
        return !inactive.contains(ruleName);
    }

    /** The rules that take part in this view's answers. */
    public List<RuleInfo> activeRules() {
        return byName.values().stream().filter(r -> isActive(r.name())).toList();
    }

    /** The essay view leaves out the later rules; the default view the essay rules a later rule supersedes. */
    private Set<String> inactive() {
        Set<String> out = new HashSet<>();
        Set<String> superseded = new HashSet<>();
        for (RuleInfo r : byName.values()) {
            superseded.addAll(supersedes(r));
        }
        for (RuleInfo r : byName.values()) {
            boolean later = isLater(r);
            if (view == View.ESSAY ? later : !later && superseded.contains(r.id() == null ? r.name() : r.id())) {
                out.add(r.name());
            }
        }
        return Set.copyOf(out);
    }

    /** What a session fires with in this view: every rule but the inactive ones; null when all take part. */
    public AgendaFilter agendaFilter() {
        return inactive.isEmpty() ? null : match -> !inactive.contains(match.getRule().getName());
    }

    /** By the DRL rule name (what the engine reports). */
    public Optional<RuleInfo> byName(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    public Optional<RuleInfo> byId(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    /** Rules of this view whose right-hand side can conclude something about the ability. */
    public List<RuleInfo> concluding(String ability) {
        return byName.values().stream().filter(r -> r.abilities().contains(ability) && isActive(r.name())).toList();
    }
}
