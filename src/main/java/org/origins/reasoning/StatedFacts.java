package org.origins.reasoning;

import org.origins.facts.Model;
import org.origins.facts.Stage;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The facts built from a knowledge base for one session, with their provenance. */
public record StatedFacts(List<Model> models, List<Stage> stages, Map<Object, FactOrigin> origins) {

    public StatedFacts {
        models = List.copyOf(models);
        stages = List.copyOf(stages);
    }

    static Map<Object, FactOrigin> newOriginMap() {
        return new HashMap<>();
    }
}
