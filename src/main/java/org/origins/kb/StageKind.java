package org.origins.kb;

import java.util.List;

/** A kind of training stage (facts/stage-kinds.json); {@code isA} names broader kinds. */
public record StageKind(String id, String name, String nameZh, List<String> isA, boolean isAbstract,
                        String description, List<String> attributes) {

    public StageKind {
        isA = List.copyOf(isA);
        attributes = List.copyOf(attributes);
    }
}
