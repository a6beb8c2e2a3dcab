package org.origins.facts;

import java.util.List;
import java.util.Set;

/**
 * One training stage of a model's own history. {@code kinds} holds the stage's kind and every
 * broader kind (a feedme stage is also a supervised-instruction-tuning and an instruction-tuning
 * stage). Sizes: {@code tokens} in billions, {@code codeShare} and {@code computeShare} as shares
 * from 0 to 1; unknown values are null.
 */
public record Stage(String model, int order, String kind, Set<String> kinds, Double tokens, Double codeShare,
                    Integer tasks, Integer examples, Double computeShare, List<String> corpus, String objective,
                    List<String> mixture) {

    /** "davinci#1". */
    public String id() {
        return model + "#" + order;
    }

    @Override
    public String toString() {
        return id() + " " + kind;
    }
}
