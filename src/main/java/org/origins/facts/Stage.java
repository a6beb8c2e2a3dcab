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

    /**
     * The model and the order: equal stages have equal ones, so this agrees with the record's
     * equals. Stages are hashed whenever the engine stores a conclusion about one (truth
     * maintenance in equality mode keys every Effect, Earlier and Mechanism by its content);
     * hashing all twelve components, sets and lists included, was 7% of a batch prediction's CPU.
     */
    @Override
    public int hashCode() {
        return 31 * model.hashCode() + order;
    }

    @Override
    public String toString() {
        return id() + " " + kind;
    }
}
