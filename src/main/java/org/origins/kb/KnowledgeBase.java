package org.origins.kb;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The loaded, validated knowledge base: vocabularies, sources, models and observations. Immutable. */
public final class KnowledgeBase {
    private final Path directory;
    private final Map<String, Ability> abilities;
    private final Map<String, StageKind> stageKinds;
    private final Map<String, Source> sources;
    private final Map<String, ModelRecord> models;
    private final List<Observation> observations;
    private final Defaults defaults;

    KnowledgeBase(Path directory, Collection<Ability> abilities, Collection<StageKind> stageKinds,
                  Collection<Source> sources, Collection<ModelRecord> models, List<Observation> observations,
                  Defaults defaults) {
        this.defaults = defaults;
        this.directory = directory;
        this.abilities = index(abilities, Ability::id);
        this.stageKinds = index(stageKinds, StageKind::id);
        this.sources = index(sources, Source::id);
        Map<String, ModelRecord> byId = index(models, ModelRecord::id);
        this.models = index(ordered(byId), ModelRecord::id);
        this.observations = List.copyOf(observations);
    }

    /** Another set of models (and observations, defaults) over the same vocabularies: they are shared, not indexed again. */
    private KnowledgeBase(KnowledgeBase base, Collection<ModelRecord> models, List<Observation> observations, Defaults defaults) {
        this.defaults = defaults;
        this.directory = base.directory;
        this.abilities = base.abilities;
        this.stageKinds = base.stageKinds;
        this.sources = base.sources;
        this.closures.putAll(base.closures);
        this.models = index(ordered(index(models, ModelRecord::id)), ModelRecord::id);
        this.observations = List.copyOf(observations);
    }

    private static <T> Map<String, T> index(Collection<T> items, java.util.function.Function<T, String> id) {
        Map<String, T> m = new LinkedHashMap<>();
        for (T t : items) {
            m.putIfAbsent(id.apply(t), t);
        }
        return java.util.Collections.unmodifiableMap(m);
    }

    /** The evolution tree depth first: roots by release date (then id), each followed by its descendants. */
    private static List<ModelRecord> ordered(Map<String, ModelRecord> byId) {
        Comparator<ModelRecord> byDate = Comparator
                .comparing((ModelRecord m) -> m.released().value() == null ? "9999" : m.released().value())
                .thenComparing(ModelRecord::id);
        Map<String, List<ModelRecord>> children = new LinkedHashMap<>();
        List<ModelRecord> roots = new ArrayList<>();
        for (ModelRecord m : byId.values()) {
            String p = m.parent().value();
            if (p != null && byId.containsKey(p) && !p.equals(m.id())) {
                children.computeIfAbsent(p, k -> new ArrayList<>()).add(m);
            } else {
                roots.add(m);
            }
        }
        roots.sort(byDate);
        children.values().forEach(c -> c.sort(byDate));
        List<ModelRecord> out = new ArrayList<>();
        Set<String> placed = new LinkedHashSet<>();
        for (ModelRecord r : roots) {
            walk(r, children, placed, out);
        }
        for (ModelRecord m : byId.values()) {  // members of a cycle (rejected by the loader) still get listed
            walk(m, children, placed, out);
        }
        return out;
    }

    private static void walk(ModelRecord m, Map<String, List<ModelRecord>> children, Set<String> placed, List<ModelRecord> out) {
        if (!placed.add(m.id())) {
            return;
        }
        out.add(m);
        for (ModelRecord c : children.getOrDefault(m.id(), List.of())) {
            walk(c, children, placed, out);
        }
    }

    public Path directory() {
        return directory;
    }

    public List<Ability> abilities() {
        return List.copyOf(abilities.values());
    }

    public Optional<Ability> ability(String id) {
        return Optional.ofNullable(abilities.get(id));
    }

    public Map<String, StageKind> stageKinds() {
        return stageKinds;
    }

    /** The kind and every broader kind it is a case of. */
    public Set<String> kindClosure(String kind) {
        return closures.computeIfAbsent(kind, this::closure);
    }

    /** The closures asked for so far (a stage kind's broader kinds never change). */
    private final Map<String, Set<String>> closures = new java.util.concurrent.ConcurrentHashMap<>();

    private Set<String> closure(String kind) {
        Set<String> out = new LinkedHashSet<>();
        List<String> todo = new ArrayList<>(List.of(kind));
        while (!todo.isEmpty()) {
            String k = todo.remove(0);
            if (out.add(k) && stageKinds.containsKey(k)) {
                todo.addAll(stageKinds.get(k).isA());
            }
        }
        return java.util.Collections.unmodifiableSet(out);
    }

    public Map<String, Source> sources() {
        return sources;
    }

    public List<ModelRecord> models() {
        return List.copyOf(models.values());
    }

    public Optional<ModelRecord> model(String id) {
        return Optional.ofNullable(models.get(id));
    }

    public ModelRecord require(String id) {
        ModelRecord m = models.get(id);
        if (m == null) {
            throw new IllegalArgumentException("no model " + id);
        }
        return m;
    }

    public List<Observation> observations() {
        return observations;
    }

    /** What is assumed for attributes the model files leave out (facts/defaults.json). */
    public Defaults defaults() {
        return defaults;
    }

    /** The models from the root down to {@code id}, following chosen parents. */
    public List<ModelRecord> chain(String id) {
        List<ModelRecord> out = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        for (ModelRecord m = models.get(id); m != null && seen.add(m.id()); m = parentOf(m).orElse(null)) {
            out.add(0, m);
        }
        return out;
    }

    public Optional<ModelRecord> parentOf(ModelRecord m) {
        String p = m.parent().value();
        return p == null ? Optional.empty() : model(p);
    }

    /** A knowledge base holding only {@code model} and its ancestors. */
    public KnowledgeBase lineageOf(String model) {
        return restrictedTo(chain(model).stream().map(ModelRecord::id).toList());
    }

    /** A knowledge base holding only these models (and the observations about them). */
    public KnowledgeBase restrictedTo(Collection<String> ids) {
        Set<String> keep = new LinkedHashSet<>(ids);
        return new KnowledgeBase(this, models.values().stream().filter(m -> keep.contains(m.id())).toList(),
                observations.stream().filter(o -> keep.contains(o.model()) && (o.than() == null || keep.contains(o.than()))).toList(),
                defaults);
    }

    /** A knowledge base with these models replaced or added (validated by the caller). */
    public KnowledgeBase with(Collection<ModelRecord> extra) {
        Map<String, ModelRecord> all = new LinkedHashMap<>(models);
        for (ModelRecord m : extra) {
            all.put(m.id(), m);
        }
        return new KnowledgeBase(this, all.values(), observations, defaults);
    }
}
