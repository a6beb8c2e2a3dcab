package org.origins.io;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** "Did you mean": near misses by edit distance, prefixes and substrings. */
class SuggestTest {
    private static final List<String> MODELS = List.of("davinci", "code-davinci-001", "code-davinci-002",
            "text-davinci-001", "text-davinci-002", "text-davinci-003", "chatgpt", "palm-540b", "flan-palm-540b");

    @Test
    void oneLetterMissingIsFound() {
        assertThat(Suggest.closest("parametrs", Set.of("id", "name", "parent", "parameters", "contextLength", "stages"))).contains("parameters");
    }

    @Test
    void oneTypoInAStageKindIsFound() {
        assertThat(Suggest.hint("code-trainig", Set.of("pretraining", "code-training", "feedme")))
                .isEqualTo("; did you mean \"code-training\"?");
    }

    @Test
    void caseIsIgnored() {
        assertThat(Suggest.closest("ChatGPT", MODELS)).contains("chatgpt");
    }

    @Test
    void closestComesFirstAndAtMostThreeAreOffered() {
        assertThat(Suggest.ranked("text-davinci-00", MODELS))
                .containsExactly("text-davinci-001", "text-davinci-002", "text-davinci-003");
    }

    @Test
    void aPrefixIsEnough() {
        assertThat(Suggest.ranked("flan", MODELS)).containsExactly("flan-palm-540b");
    }

    @Test
    void aNearMissInsideALongerIdIsFound() {
        assertThat(Suggest.ranked("davinci-0O2", MODELS)).containsExactly("code-davinci-002", "text-davinci-002");
    }

    @Test
    void nearInfixMatchesAreOnlyAFallback() {
        // "davinchi" is close to "davinci" as a whole, so the longer ids holding it are not offered
        assertThat(Suggest.ranked("davinchi", MODELS)).containsExactly("davinci");
    }

    @Test
    void infixDistanceIsTheDistanceToTheBestSubstring() {
        assertThat(Suggest.infixDistance("davinci-0o2", "code-davinci-002")).isEqualTo(1);
        assertThat(Suggest.infixDistance("davinci", "code-davinci-002")).isZero();
        assertThat(Suggest.infixDistance("palm", "chatgpt")).isEqualTo(3);
    }

    @Test
    void nothingCloseGivesNoHint() {
        assertThat(Suggest.ranked("llama", MODELS)).isEmpty();
        assertThat(Suggest.hint("llama", MODELS)).isEmpty();
    }

    @Test
    void distanceCountsEdits() {
        assertThat(Suggest.distance("kitten", "sitting")).isEqualTo(3);
        assertThat(Suggest.distance("", "abc")).isEqualTo(3);
        assertThat(Suggest.distance("same", "same")).isZero();
    }
}
