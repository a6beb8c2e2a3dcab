package org.origins.kb;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Strict loading: each test breaks one thing in a copy of the real facts/ and checks that the
 * loader names the file, the line, the JSON pointer and what it expected.
 */
class KbLoaderTest {
    private static final String DAVINCI = "models/davinci.json";
    private static final String PALM = "models/palm-540b.json";
    private static final String COPILOT = "models/copilot-12b.json";
    private static final String OBSERVATIONS = "observations.json";

    @TempDir
    Path tmp;

    private FactsCopy facts() {
        return FactsCopy.of(tmp);
    }

    /** The one problem reported (with all problems in the failure message otherwise). */
    private static Problem only(List<Problem> problems) {
        assertThat(problems).as("problems reported: %s", problems).hasSize(1);
        return problems.get(0);
    }

    private static Problem at(List<Problem> problems, String file, String pointer) {
        return problems.stream()
                .filter(p -> p.file().getFileName().toString().equals(file) && pointer.equals(p.pointer()))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no problem in " + file + " at " + pointer + " among " + problems));
    }

    private static void assertProblem(Problem p, String file, int line, String pointer, String... messageParts) {
        assertThat(p.isError()).as("is an error: %s", p).isTrue();
        assertThat(p.file()).as("file of %s", p).isNotNull();
        assertThat(p.file().toString()).as("file of %s", p).endsWith(file);
        assertThat(p.line()).as("line of %s", p).isEqualTo(line);
        assertThat(p.column()).as("column of %s", p).isPositive();
        assertThat(p.pointer()).as("pointer of %s", p).isEqualTo(pointer);
        assertThat(p.message()).as("message of %s", p).contains(messageParts);
    }

    // ---- model fields ---------------------------------------------------------------------

    @Test
    void unknownFieldInModelIsReportedWithDidYouMean() {
        FactsCopy f = facts().replace(DAVINCI, "\"parameters\": {", "\"parametrs\": {");

        Problem p = only(f.loadFails());

        assertProblem(p, "davinci.json", f.lineOf(DAVINCI, "\"parametrs\""), "/parametrs",
                "unknown field \"parametrs\"", "did you mean \"parameters\"?");
    }

    @Test
    void unknownFieldWithoutNearMissListsTheExpectedFields() {
        FactsCopy f = facts().replace(COPILOT, "\"series\": \"comparison\"", "\"flavour\": \"comparison\"");

        Problem p = only(f.loadFails());

        assertProblem(p, "copilot-12b.json", 4, "/flavour", "unknown field \"flavour\"",
                "expected one of: apiName, base, contextLength");
    }

    @Test
    void parametersValueGivenAsAStringIsAWrongType() {
        FactsCopy f = facts().replace(DAVINCI, "\"value\": 175,", "\"value\": \"lots\",");

        Problem p = only(f.loadFails());

        assertProblem(p, "davinci.json", f.lineOf(DAVINCI, "\"lots\""), "/parameters/value",
                "expected a number of billions from 0.001 to 100000", "found the string \"lots\"");
    }

    @Test
    void parametersGivenAsABareStringInARealModelIsAWrongType() {
        FactsCopy f = facts().editJson(DAVINCI, m -> m.put("parameters", "lots"));

        Problem p = only(f.loadFails());

        assertProblem(p, "davinci.json", f.lineOf(DAVINCI, "\"parameters\" : \"lots\""), "/parameters",
                "expected a statement {\"value\": ..., \"source\": ...}", "found the string \"lots\"");
    }

    @Test
    void bareNumberInARealModelIsRejectedForWantOfASource() {
        FactsCopy f = facts().editJson(DAVINCI, m -> m.put("parameters", 175));

        Problem p = only(f.loadFails());

        assertProblem(p, "davinci.json", f.lineOf(DAVINCI, "\"parameters\" : 175"), "/parameters",
                "expected a statement {\"value\": ..., \"source\": ...}", "found the number 175");
    }

    @Test
    void negativeTokensAreOutOfRange() {
        FactsCopy f = facts().replace(PALM, "\"value\": 780,", "\"value\": -780,");

        Problem p = only(f.loadFails());

        assertProblem(p, "palm-540b.json", f.lineOf(PALM, "-780"), "/stages/0/tokens/value",
                "expected a number of billions of tokens from 0 to 1000000", "found the number -780");
    }

    @Test
    void codeShareAboveOneIsOutOfRange() {
        FactsCopy f = facts().replace(PALM, "\"value\": 0.08,", "\"value\": 1.5,");

        Problem p = only(f.loadFails());

        assertProblem(p, "palm-540b.json", f.lineOf(PALM, "1.5,"), "/stages/0/codeShare/2/value",
                "expected a number (a share) from 0 to 1", "found the number 1.5");
    }

    @Test
    void bareCodeShareAboveOneIsOutOfRange() {
        FactsCopy f = facts().editJson(PALM, m -> ((ObjectNode) m.get("stages").get(0)).put("codeShare", 1.5));

        Problem p = only(f.loadFails());

        assertProblem(p, "palm-540b.json", f.lineOf(PALM, "\"codeShare\" : 1.5"), "/stages/0/codeShare",
                "expected a number (a share) from 0 to 1", "found the number 1.5");
    }

    // ---- model ids ------------------------------------------------------------------------

    @ParameterizedTest
    @ValueSource(strings = {"copilot 12b", "copilot;rm -rf", "$(reboot)", "copilot|tee", "../copilot", "Copilot-12B",
            "-copilot", "copilot`id`", ""})
    void modelIdWithSpacesOrShellMetacharactersIsRejected(String id) {
        String json = FactsCopy.MAPPER.valueToTree(id).toString();
        FactsCopy f = facts().replace(COPILOT, "\"id\": \"copilot-12b\"", "\"id\": " + json);

        Problem p = only(f.loadFails());

        assertProblem(p, "copilot-12b.json", 2, "/id", "model id " + json,
                "must be lower-case letters, digits, '.', '_' or '-' (no spaces)");
    }

    @Test
    void missingParentIsReported() {
        FactsCopy f = facts().editJson(COPILOT, m -> m.remove("parent"));

        Problem p = only(f.loadFails());

        assertProblem(p, "copilot-12b.json", 1, "", "missing required field \"parent\"",
                "null for a model trained from scratch");
    }

    @Test
    void missingStagesIsReported() {
        FactsCopy f = facts().replace(COPILOT, "\"stages\": [],\n", "");

        Problem p = only(f.loadFails());

        assertProblem(p, "copilot-12b.json", 1, "", "missing required field \"stages\"");
    }

    @Test
    void duplicateModelIdAcrossTwoFilesNamesBothFiles() {
        FactsCopy f = facts();
        f.write("models/zz-davinci-copy.json", f.read(DAVINCI));

        Problem p = only(f.loadFails());

        assertProblem(p, "zz-davinci-copy.json", 2, "/id", "duplicate model id \"davinci\"", "already defined in",
                "davinci.json");
    }

    // ---- lineage --------------------------------------------------------------------------

    @Test
    void unknownParentIsReportedWithSuggestion() {
        FactsCopy f = facts().replace("models/text-davinci-002.json", "\"value\": \"code-davinci-002\"",
                "\"value\": \"davinci-0O2\"");

        Problem p = only(f.loadFails());

        assertProblem(p, "text-davinci-002.json", 9, "/parent/value", "unknown parent \"davinci-0O2\" (no such model)",
                "did you mean \"code-davinci-002\" or \"text-davinci-002\"?");
    }

    @Test
    void unknownParentInAListOfOneStatementPointsIntoTheList() {
        FactsCopy f = facts().editJson("models/davinci-instruct-beta.json",
                m -> m.set("parent", FactsCopy.MAPPER.createArrayNode().add(FactsCopy.statement("davinchi", "MODEL_INDEX"))));

        Problem p = only(f.loadFails());

        assertProblem(p, "davinci-instruct-beta.json", f.lineOf("models/davinci-instruct-beta.json", "\"davinchi\""),
                "/parent/0/value", "unknown parent \"davinchi\"", "did you mean \"davinci\"?");
    }

    @Test
    void unknownParentInTheSecondStatementPointsAtThatStatement() {
        FactsCopy f = facts().replace("models/chatgpt.json", "\"value\": \"code-davinci-002\"",
                "\"value\": \"code-davinci-0002\"");

        Problem p = only(f.loadFails());

        assertProblem(p, "chatgpt.json", f.lineOf("models/chatgpt.json", "code-davinci-0002"), "/parent/2/value",
                "unknown parent \"code-davinci-0002\"", "did you mean \"code-davinci-002\" or");
    }

    @Test
    void lineageCycleOfTwoModelsIsReportedForBoth() {
        // davinci (from scratch) -> text-davinci-001 -> davinci
        FactsCopy f = facts().replace(DAVINCI, "\"value\": null,\n    \"source\": \"GPT3\",\n    \"note\": \"pretrained",
                "\"value\": \"text-davinci-001\",\n    \"source\": \"GPT3\",\n    \"note\": \"pretrained");

        List<Problem> problems = f.loadFails();

        assertThat(problems).hasSize(2);
        assertProblem(at(problems, "davinci.json", "/parent"), "davinci.json", 8, "/parent",
                "lineage cycle: davinci → text-davinci-001 → davinci");
        assertProblem(at(problems, "text-davinci-001.json", "/parent"), "text-davinci-001.json", 8, "/parent",
                "lineage cycle: text-davinci-001 → davinci → text-davinci-001");
    }

    @Test
    void modelThatIsItsOwnParentIsReported() {
        FactsCopy f = facts().replace("models/davinci-instruct-beta.json", "\"value\": \"davinci\"",
                "\"value\": \"davinci-instruct-beta\"");

        Problem p = only(f.loadFails());

        assertProblem(p, "davinci-instruct-beta.json", 9, "/parent/value", "a model cannot be its own parent");
    }

    // ---- stages ---------------------------------------------------------------------------

    @Test
    void unknownStageKindIsReportedWithSuggestion() {
        FactsCopy f = facts().replace("models/code-davinci-001.json", "\"kind\": \"code-training\"",
                "\"kind\": \"code-trainig\"");

        Problem p = only(f.loadFails());

        assertProblem(p, "code-davinci-001.json", f.lineOf("models/code-davinci-001.json", "code-trainig"),
                "/stages/0/kind", "unknown stage kind \"code-trainig\"", "did you mean \"code-training\"?");
    }

    @Test
    void abstractStageKindIsRejected() {
        FactsCopy f = facts().replace("models/davinci-instruct-beta.json", "\"kind\": \"supervised-instruction-tuning\"",
                "\"kind\": \"instruction-tuning\"");

        Problem p = only(f.loadFails());

        assertProblem(p, "davinci-instruct-beta.json", f.lineOf("models/davinci-instruct-beta.json", "\"kind\""),
                "/stages/0/kind", "\"instruction-tuning\" is a family of stage kinds",
                "supervised-instruction-tuning, rlhf-ppo");
    }

    @Test
    void tasksOnAPretrainingStageDoesNotApply() {
        FactsCopy f = facts().replace(PALM, "\"objective\": \"causal-lm\"",
                "\"objective\": \"causal-lm\",\n      \"tasks\": 12");

        Problem p = only(f.loadFails());

        assertProblem(p, "palm-540b.json", f.lineOf(PALM, "\"tasks\""), "/stages/0/tasks",
                "\"tasks\" does not apply to a pretraining stage; it takes: tokens, codeShare, corpus, objective");
    }

    @Test
    void unknownMixturePartIsReported() {
        FactsCopy f = facts().replace("models/flan-palm-540b.json", "\"exemplars\",", "\"exemplar\",");

        Problem p = only(f.loadFails());

        assertProblem(p, "flan-palm-540b.json", f.lineOf("models/flan-palm-540b.json", "\"exemplar\""),
                "/stages/0/mixture/0", "unknown mixture part \"exemplar\"",
                "expected one of chain-of-thought, dialogue, exemplars", "Did you mean \"exemplars\"?");
    }

    // ---- sources --------------------------------------------------------------------------

    @Test
    void unknownSourceOfAStatementIsReportedWithSuggestion() {
        FactsCopy f = facts().replace(PALM, "\"value\": 540,\n    \"source\": \"PALM\"",
                "\"value\": 540,\n    \"source\": \"PALMM\"");

        Problem p = only(f.loadFails());

        assertProblem(p, "palm-540b.json", f.lineOf(PALM, "PALMM"), "/parameters/source",
                "unknown source \"PALMM\" (not in sources.json)", "did you mean \"PALM\"");
    }

    @Test
    void unknownSourceOfAStageIsReported() {
        FactsCopy f = facts().replace(COPILOT, "\"stages\": []",
                "\"stages\": [ { \"kind\": \"code-training\", \"sources\": [\"ESSAY\", \"NO_SUCH_PAPER\"] } ]");

        Problem p = only(f.loadFails());

        assertProblem(p, "copilot-12b.json", f.lineOf(COPILOT, "\"stages\""), "/stages/0/sources/1",
                "unknown source \"NO_SUCH_PAPER\" (not in sources.json)");
    }

    @Test
    void unknownSourceAfterABadStatementPointsAtItsOwnStatement() {
        // statement 0 is broken (wrong type), statement 1 has an unknown source: the pointer must say 1
        FactsCopy f = facts().editJson(COPILOT, m -> m.set("parameters", FactsCopy.MAPPER.createArrayNode()
                .add(FactsCopy.statement("twelve", "ESSAY"))
                .add(FactsCopy.statement(12, "NO_SUCH_PAPER"))));

        List<Problem> problems = f.loadFails();

        assertThat(problems).hasSize(2);
        assertProblem(at(problems, "copilot-12b.json", "/parameters/0/value"), "copilot-12b.json",
                f.lineOf(COPILOT, "\"twelve\""), "/parameters/0/value", "found the string \"twelve\"");
        assertProblem(at(problems, "copilot-12b.json", "/parameters/1/source"), "copilot-12b.json",
                f.lineOf(COPILOT, "\"NO_SUCH_PAPER\""), "/parameters/1/source", "unknown source \"NO_SUCH_PAPER\"");
    }

    // ---- observations ---------------------------------------------------------------------

    @Test
    void unknownAbilityInObservationsIsReportedWithSuggestion() {
        FactsCopy f = facts().replaceNth(OBSERVATIONS, "\"ability\": \"language-generation\"", 0,
                "\"ability\": \"language-generaton\"");

        Problem p = only(f.loadFails());

        assertProblem(p, "observations.json", f.lineOf(OBSERVATIONS, "language-generaton"), "/observations/0/ability",
                "unknown ability \"language-generaton\"", "did you mean \"language-generation\"?");
    }

    @Test
    void unknownModelInObservationsIsReportedWithSuggestion() {
        FactsCopy f = facts().replaceNth(OBSERVATIONS, "\"model\": \"davinci\"", 0, "\"model\": \"davinc\"");

        Problem p = only(f.loadFails());

        assertProblem(p, "observations.json", f.lineOf(OBSERVATIONS, "\"davinc\""), "/observations/0/model",
                "unknown model \"davinc\"", "did you mean \"davinci\"");
    }

    @Test
    void observationWithBothLevelAndThanIsRejected() {
        FactsCopy f = facts().replaceNth(OBSERVATIONS, "\"than\": \"code-davinci-002\"", 0,
                "\"than\": \"code-davinci-002\", \"level\": \"strong\"");

        Problem p = only(f.loadFails());

        assertThat(p.pointer()).matches("/observations/\\d+/than");
        assertProblem(p, "observations.json", f.lineOf(OBSERVATIONS, "\"than\": \"code-davinci-002\", \"level\""), p.pointer(),
                "either a \"level\" or an ordering \"than\" another model, not both");
    }

    @Test
    void observationWithNeitherLevelNorThanIsRejected() {
        FactsCopy f = facts().replaceNth(OBSERVATIONS, "\"level\": \"present\",", 0, "");

        Problem p = only(f.loadFails());

        assertProblem(p, "observations.json", 3, "/observations/0", "an observation needs either \"level\" or \"than\"");
    }

    @Test
    void observationComparingWithANonStringIsReportedOnce() {
        FactsCopy f = facts().replaceNth(OBSERVATIONS, "\"than\": \"code-davinci-002\"", 0, "\"than\": 2");

        Problem p = only(f.loadFails());

        assertProblem(p, "observations.json", f.lineOf(OBSERVATIONS, "\"than\": 2"), p.pointer(),
                "\"than\" must be a string, found the number 2");
        assertThat(p.pointer()).matches("/observations/\\d+/than");
    }

    // ---- the JSON itself ------------------------------------------------------------------

    @Test
    void trailingCommaIsASyntaxErrorWithLineAndColumn() {
        FactsCopy f = facts().replace(PALM, "\"objective\": \"causal-lm\"", "\"objective\": \"causal-lm\",");
        int line = f.lineOf(PALM, "causal-lm") + 1; // the '}' after the comma
        int column = f.read(PALM).split("\n", -1)[line - 1].indexOf('}') + 1;

        Problem p = only(f.loadFails());

        assertThat(p.file().toString()).endsWith("palm-540b.json");
        assertThat(p.line()).isEqualTo(line);
        assertThat(p.column()).isEqualTo(column);
        assertThat(p.pointer()).isNull();
        assertThat(p.message()).startsWith("JSON syntax error: ").contains("'}'", "was expecting double-quote");
        assertThat(p.toString()).contains("palm-540b.json:" + line + ":" + column + ": JSON syntax error");
    }

    @Test
    void truncatedFileIsASyntaxError() {
        FactsCopy f = facts();
        String text = f.read(DAVINCI);
        String head = text.substring(0, text.indexOf("\"stages\""));
        f.write(DAVINCI, head);
        int lastLine = head.split("\n", -1).length;

        Problem p = only(f.loadFails());

        assertThat(p.file().toString()).endsWith("davinci.json");
        assertThat(p.line()).isBetween(lastLine - 1, lastLine);
        assertThat(p.message()).startsWith("JSON syntax error: ").containsIgnoringCase("end-of-input");
    }

    @Test
    void emptyFileIsReported() {
        FactsCopy f = facts().write(DAVINCI, "");

        Problem p = only(f.loadFails());

        assertThat(p.file().toString()).endsWith("davinci.json");
        assertThat(p.line()).isEqualTo(1);
        assertThat(p.message()).isEqualTo("empty file: expected a JSON object");
    }

    @Test
    void whitespaceOnlyFileIsReportedAsEmpty() {
        FactsCopy f = facts().write(DAVINCI, " \n\t\n");

        Problem p = only(f.loadFails());

        assertThat(p.file().toString()).endsWith("davinci.json");
        assertThat(p.message()).isEqualTo("empty file: expected a JSON object");
    }

    @Test
    void fileWithUtf8ByteOrderMarkLoads() {
        FactsCopy f = facts();
        byte[] text = f.read(DAVINCI).getBytes(StandardCharsets.UTF_8);
        byte[] withBom = new byte[text.length + 3];
        withBom[0] = (byte) 0xEF;
        withBom[1] = (byte) 0xBB;
        withBom[2] = (byte) 0xBF;
        System.arraycopy(text, 0, withBom, 3, text.length);
        f.writeBytes(DAVINCI, withBom);

        KnowledgeBase kb = f.load();

        assertThat(kb.require("davinci").parameters().value()).isEqualTo(175.0);
        assertThat(kb.models()).hasSize(org.origins.TestKit.realModelCount());
    }

    @Test
    void fileWithByteOrderMarkStillReportsTheRightLine() {
        FactsCopy f = facts().replace(DAVINCI, "\"parameters\": {", "\"parametrs\": {");
        byte[] text = f.read(DAVINCI).getBytes(StandardCharsets.UTF_8);
        byte[] withBom = new byte[text.length + 3];
        withBom[0] = (byte) 0xEF;
        withBom[1] = (byte) 0xBB;
        withBom[2] = (byte) 0xBF;
        System.arraycopy(text, 0, withBom, 3, text.length);
        f.writeBytes(DAVINCI, withBom);

        Problem p = only(f.loadFails());

        assertProblem(p, "davinci.json", 15, "/parametrs", "unknown field \"parametrs\"");
    }

    @Test
    void binaryGarbageIsReportedNotThrown() {
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D, 'I', 'H', 'D', 'R'};
        FactsCopy f = facts().writeBytes(DAVINCI, png);

        Problem p = only(f.loadFails());

        assertThat(p.file().toString()).endsWith("davinci.json");
        assertThat(p.isError()).isTrue();
        assertThat(p.message()).startsWith("JSON syntax error: ");
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 42, 2024})
    void randomBytesAreReportedNotThrown(long seed) {
        byte[] bytes = new byte[512];
        new Random(seed).nextBytes(bytes);
        bytes[0] = (byte) 0xC3; // never starts like whitespace or a BOM
        FactsCopy f = facts().writeBytes(PALM, bytes);

        Problem p = only(f.loadFails());

        assertThat(p.file().toString()).endsWith("palm-540b.json");
        assertThat(p.message()).containsPattern("^(JSON syntax error|cannot read JSON): ");
    }

    /** Zero bytes and byte-order marks make the parser guess UTF-16 or UTF-32; "\0{\0}" is UTF-16 for "{}". */
    @ParameterizedTest
    @ValueSource(strings = {"\u0000\u0000\u0000\u0000", "\u0000\u0000\u00fe\u00ff", "\u00ff\u00fe\u0000\u0000",
            "\u00fe\u00ff\u0000{", "\u0000{\u0000}"})
    void bytesThatLookLikeOtherEncodingsAreReportedNotThrown(String latin1) {
        FactsCopy f = facts().writeBytes(PALM, latin1.getBytes(StandardCharsets.ISO_8859_1));

        List<Problem> problems = f.loadFails();

        assertThat(problems).allSatisfy(p -> {
            assertThat(p.file().toString()).endsWith("palm-540b.json");
            assertThat(p.message()).doesNotContain("[Source:").doesNotContain("\u0000");
        });
        assertThat(problems).anySatisfy(p -> assertThat(p.message())
                .containsPattern("^(JSON syntax error|cannot read JSON|expected a model|empty file|missing required field)"));
    }

    @Test
    void trailingContentAfterTheObjectIsASyntaxError() {
        FactsCopy f = facts();
        f.write(DAVINCI, f.read(DAVINCI).stripTrailing() + "\n}\n");
        int line = f.read(DAVINCI).split("\n", -1).length - 1;

        Problem p = only(f.loadFails());

        assertThat(p.file().toString()).endsWith("davinci.json");
        assertThat(p.line()).isEqualTo(line);
        assertThat(p.message()).startsWith("JSON syntax error: ").contains("'}'");
    }

    @Test
    void secondObjectInOneFileIsASyntaxError() {
        FactsCopy f = facts();
        String text = f.read(COPILOT).stripTrailing();
        f.write(COPILOT, text + "\n" + text + "\n");
        int line = text.split("\n", -1).length + 1;

        Problem p = only(f.loadFails());

        assertThat(p.file().toString()).endsWith("copilot-12b.json");
        assertThat(p.line()).isEqualTo(line);
        assertThat(p.message()).isEqualTo("JSON syntax error: unexpected content after the end of the top-level value");
    }

    @Test
    void duplicateKeyIsASyntaxError() {
        FactsCopy f = facts().replace(COPILOT, "\"series\": \"comparison\"", "\"name\": \"Copilot again\"");

        Problem p = only(f.loadFails());

        assertThat(p.file().toString()).endsWith("copilot-12b.json");
        assertThat(p.line()).isEqualTo(4);
        assertThat(p.message()).startsWith("JSON syntax error: ").contains("Duplicate field 'name'");
    }

    // ---- directories and vocabulary files --------------------------------------------------

    @Test
    void missingFactsDirectoryIsReported() {
        Path nowhere = tmp.resolve("no-such-facts");

        InputException e = catchThrowableOfType(InputException.class, () -> KbLoader.load(nowhere));

        Problem p = only(e.problems());
        assertThat(p.file()).isEqualTo(nowhere);
        assertThat(p.line()).isZero();
        assertThat(p.message()).startsWith("facts directory not found")
                .contains("abilities.json", "stage-kinds.json", "sources.json", "models/", "--facts DIR");
    }

    @Test
    void missingSourcesFileIsOneProblemNotOnePerCitation() {
        FactsCopy f = facts();
        f.file("sources.json").toFile().delete();

        Problem p = only(f.loadFails());

        assertThat(p.file().toString()).endsWith("sources.json");
        assertThat(p.message()).contains("file not found");
    }

    @Test
    void brokenAbilitiesFileDoesNotMakeEveryObservationUnknown() {
        FactsCopy f = facts().write("abilities.json", "{ \"abilities\": [ }");

        Problem p = only(f.loadFails());

        assertThat(p.file().toString()).endsWith("abilities.json");
        assertThat(p.line()).isEqualTo(1);
        assertThat(p.message()).startsWith("JSON syntax error: ");
    }

    @Test
    void syntaxErrorMessageGivesPositionsNotTheFilesBytes() {
        FactsCopy f = facts().write("abilities.json", "{ \"abilities\": [ }");

        Problem p = only(f.loadFails());

        assertThat(p.line()).isEqualTo(1);
        assertThat(p.column()).isEqualTo(18);
        assertThat(p.message()).isEqualTo("JSON syntax error: Unexpected close marker '}': expected ']' "
                + "(for Array starting at line 1, column 16)");
    }

    @Test
    void brokenStageKindsFileDoesNotMakeEveryStageUnknown() {
        FactsCopy f = facts().write("stage-kinds.json", "");

        Problem p = only(f.loadFails());

        assertThat(p.file().toString()).endsWith("stage-kinds.json");
        assertThat(p.message()).isEqualTo("empty file: expected a JSON object");
    }

    // ---- hypothetical models ---------------------------------------------------------------

    @Test
    void hypotheticalModelMayGiveBareValuesSourcedAsTheUsersAssumption() {
        FactsCopy f = facts().write("hypothetical/davinci-plus.json", """
                { "id": "davinci-plus", "hypothetical": true, "parent": "davinci", "parameters": 350,
                  "stages": [ { "kind": "code-training", "sources": ["USER"], "codeShare": 0.5 } ] }
                """);

        ModelRecord m = f.load().require("davinci-plus");

        assertThat(m.hypothetical()).isTrue();
        assertThat(m.parent().value()).isEqualTo("davinci");
        assertThat(m.parameters().value()).isEqualTo(350.0);
        assertThat(m.parameters().chosen()).get().extracting(Statement::source, Statement::status)
                .containsExactly("USER", Status.INFERRED);
        assertThat(m.stages().get(0).codeShare().value()).isEqualTo(0.5);
    }

    @Test
    void modelInHypotheticalFolderMustSayItIsHypothetical() {
        FactsCopy f = facts().write("hypothetical/davinci-plus.json", """
                { "id": "davinci-plus", "parent": { "value": "davinci", "source": "ESSAY" }, "stages": [] }
                """);

        Problem p = only(f.loadFails());

        assertProblem(p, "davinci-plus.json", 1, "", "a hypothetical model must say \"hypothetical\": true");
    }

    // ---- reporting everything at once -------------------------------------------------------

    @Test
    void errorsInTwoFilesAreReportedTogether() {
        FactsCopy f = facts()
                .replace(DAVINCI, "\"parameters\": {", "\"parametrs\": {")
                .replace(PALM, "\"value\": 780,", "\"value\": -780,");

        List<Problem> problems = f.loadFails();

        assertThat(problems).hasSize(2);
        assertProblem(at(problems, "davinci.json", "/parametrs"), "davinci.json", f.lineOf(DAVINCI, "parametrs"),
                "/parametrs", "unknown field \"parametrs\"");
        assertProblem(at(problems, "palm-540b.json", "/stages/0/tokens/value"), "palm-540b.json",
                f.lineOf(PALM, "-780"), "/stages/0/tokens/value", "found the number -780");
    }

    @Test
    void exceptionMessageListsEveryProblemInEditorFormat() {
        FactsCopy f = facts()
                .replace(DAVINCI, "\"parameters\": {", "\"parametrs\": {")
                .replace(PALM, "\"value\": 780,", "\"value\": -780,");

        InputException e = catchThrowableOfType(InputException.class, () -> KbLoader.load(f.dir));

        assertThat(e.getMessage().split("\n")).hasSize(2);
        assertThat(e.getMessage()).contains("davinci.json:" + f.lineOf(DAVINCI, "parametrs") + ":3: /parametrs: unknown field")
                .contains("palm-540b.json:" + f.lineOf(PALM, "-780") + ":");
    }

    @Test
    void anErrorInAModelDoesNotCascadeIntoItsChildrenAndObservations() {
        // davinci has children (text-davinci-001, code-davinci-001, ...) and observations
        FactsCopy f = facts().replace(DAVINCI, "\"value\": 175,", "\"value\": -175,");

        List<Problem> problems = f.loadFails();

        assertThat(problems).extracting(p -> p.file().getFileName().toString()).containsOnly("davinci.json");
        assertThat(problems).extracting(Problem::pointer).containsExactly("/parameters/value");
    }

    @Test
    void checkReturnsTheSameProblemsWithoutThrowing() {
        FactsCopy f = facts().replace(DAVINCI, "\"parameters\": {", "\"parametrs\": {");

        List<Problem> problems = KbLoader.check(f.dir);

        assertThat(problems).extracting(Problem::pointer).containsExactly("/parametrs");
    }
}
