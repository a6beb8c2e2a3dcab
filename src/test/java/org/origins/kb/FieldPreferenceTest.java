package org.origins.kb;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The stated preference among disagreeing statements: value over null, published over inferred, first wins. */
class FieldPreferenceTest {

    private static <T> Statement<T> published(T value, String source) {
        return Statement.of(value, source, Status.PUBLISHED);
    }

    private static <T> Statement<T> inferred(T value, String source) {
        return Statement.of(value, source, Status.INFERRED);
    }

    @Test
    void aValueBeatsUndisclosedEvenWhenUndisclosedIsPublishedAndFirst() {
        Field<Integer> f = new Field<>("contextLength", List.of(published(null, "VENDOR"), inferred(4096, "ESSAY")));

        assertThat(f.value()).isEqualTo(4096);
        assertThat(f.chosen()).get().extracting(Statement::source).isEqualTo("ESSAY");
    }

    @Test
    void publishedBeatsInferredEvenWhenInferredIsFirst() {
        Field<Integer> f = new Field<>("contextLength", List.of(inferred(8192, "ESSAY"), published(8001, "DOC")));

        assertThat(f.value()).isEqualTo(8001);
        assertThat(f.chosen()).get().extracting(Statement::source).isEqualTo("DOC");
    }

    @Test
    void firstAmongEqualsWins() {
        Field<Double> f = new Field<>("codeShare", List.of(inferred(0.05, "A"), inferred(0.08, "B"), inferred(0.1, "C")));

        assertThat(f.value()).isEqualTo(0.05);
        assertThat(f.chosen()).get().extracting(Statement::source).isEqualTo("A");
    }

    @Test
    void firstAmongEqualPublishedStatementsWins() {
        Field<String> f = new Field<>("parent", List.of(inferred("x", "E"), published("b", "P1"), published("c", "P2")));

        assertThat(f.value()).isEqualTo("b");
    }

    @Test
    void onlyUndisclosedStatementsGiveNoValue() {
        Field<Integer> f = new Field<>("parameters", List.of(published(null, "A"), inferred(null, "B")));

        assertThat(f.value()).isNull();
        assertThat(f.isPresent()).isFalse();
        assertThat(f.chosen()).get().extracting(Statement::source).isEqualTo("A");
        assertThat(f.isDisputed()).isFalse();
    }

    @Test
    void absentFieldHasNoChoice() {
        Field<Integer> f = Field.absent("tokens");

        assertThat(f.chosen()).isEmpty();
        assertThat(f.value()).isNull();
        assertThat(f.isDisputed()).isFalse();
        assertThat(f.alternatives()).isEmpty();
        assertThat(f.values()).isEmpty();
    }

    @Test
    void agreeingStatementsAreNotDisputed() {
        Field<Double> f = new Field<>("codeShare", List.of(published(0.05, "PALM"), inferred(0.05, "ESSAY")));

        assertThat(f.isDisputed()).isFalse();
        assertThat(f.alternatives()).isEmpty();
        assertThat(f.values()).containsExactly(0.05);
    }

    @Test
    void alternativesAreTheOtherValuesInOrderAndExcludeNull() {
        Field<Double> f = new Field<>("codeShare",
                List.of(inferred(0.08, "E1"), published(null, "X"), published(0.05, "P"), inferred(0.1, "E2")));

        assertThat(f.value()).isEqualTo(0.05);
        assertThat(f.isDisputed()).isTrue();
        assertThat(f.alternatives()).extracting(Statement::source).containsExactly("E1", "E2");
        assertThat(f.values()).containsExactly(0.05, 0.08, 0.1);
    }
}
