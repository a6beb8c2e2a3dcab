package org.origins.kb;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** What users type, resolved against the real knowledge base. */
class NamesTest {
    private static KnowledgeBase kb;

    @BeforeAll
    static void load() {
        kb = KbLoader.load(FactsCopy.REAL_FACTS);
    }

    private static String message(InputException e) {
        assertThat(e).as("an InputException").isNotNull();
        assertThat(e.problems()).hasSize(1);
        return e.problems().get(0).message();
    }

    @ParameterizedTest
    @CsvSource({
            "code-davinci-002, code-davinci-002",
            "Code-Davinci-002, code-davinci-002",
            "CODE-DAVINCI-002, code-davinci-002",
            "'  text-davinci-003 ', text-davinci-003",
            "code_davinci_002, code-davinci-002",
            "ChatGPT, chatgpt",
            "Flan-PaLM-540B, flan-palm-540b"})
    void modelNamesAreCaseInsensitive(String typed, String id) {
        assertThat(Names.model(kb, typed)).isEqualTo(id);
    }

    @ParameterizedTest
    @CsvSource({
            "CoT, chain-of-thought",
            "cot, chain-of-thought",
            "思维链, chain-of-thought",
            "chain of thought, chain-of-thought",
            "上下文学习, in-context-learning",
            "ICL, in-context-learning",
            "few-shot, in-context-learning",
            "In-Context Learning, in-context-learning",
            "in_context_learning, in-context-learning",
            "代码生成, code-generation",
            "zero-shot, zero-shot-generalization"})
    void abilityNamesResolveInEnglishChineseAndAliases(String typed, String id) {
        assertThat(Names.ability(kb, typed)).isEqualTo(id);
    }

    @Test
    void unknownAbilitySuggestsTheNearMiss() {
        InputException e = catchThrowableOfType(InputException.class, () -> Names.ability(kb, "chain-of-thougt"));

        assertThat(e.problems()).singleElement().satisfies(p -> {
            assertThat(p.message()).isEqualTo("unknown ability \"chain-of-thougt\"; did you mean \"chain-of-thought\"?");
            assertThat(p.file()).isNull();
            assertThat(p.isError()).isTrue();
        });
    }

    @Test
    void unknownModelSuggestsANearMiss() {
        InputException e = catchThrowableOfType(InputException.class, () -> Names.model(kb, "davinci-02"));

        assertThat(message(e)).startsWith("unknown model \"davinci-02\"; did you mean \"davinci\"");
    }

    @Test
    void unknownModelWithATypoInTheMiddleSuggestsTheModel() {
        InputException e = catchThrowableOfType(InputException.class, () -> Names.model(kb, "text-davinci-03"));

        assertThat(message(e)).startsWith("unknown model \"text-davinci-03\"; did you mean \"text-davinci-003\"");
    }

    @Test
    void unknownModelFarFromAnyPointsToTheModelsCommand() {
        InputException e = catchThrowableOfType(InputException.class, () -> Names.model(kb, "whisper-large-v3"));

        assertThat(message(e)).isEqualTo("unknown model \"whisper-large-v3\"; `origins models` lists them");
    }

    @Test
    void unknownAbilityFarFromAnyListsTheAbilities() {
        InputException e = catchThrowableOfType(InputException.class, () -> Names.ability(kb, "juggling"));

        assertThat(message(e)).startsWith("unknown ability \"juggling\"; known abilities: language-generation, ")
                .contains("chain-of-thought", "dialogue");
    }
}
