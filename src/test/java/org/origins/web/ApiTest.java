package org.origins.web;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.origins.Cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The JSON API returns what {@code origins COMMAND --format json} prints for the same query, byte for
 * byte, and bad input gets the command line's message with a 400.
 */
class ApiTest {
    @TempDir
    static Path dir;
    static Served served;

    @BeforeAll
    static void serve() {
        served = Served.on(dir, false);
    }

    @AfterAll
    static void stop() {
        served.close();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "/api/why?model=code-davinci-002&ability=chain-of-thought | why code-davinci-002 chain-of-thought",
            "/api/why?model=davinci&ability=思维链&depth=1 | why davinci 思维链 --depth 1",
            "/api/why-not?model=davinci&ability=dialogue | why-not davinci dialogue",
            "/api/why-not?model=text-davinci-002&ability=chain-of-thought&level=strong | why-not text-davinci-002 chain-of-thought --level strong",
            "/api/matrix | matrix",
            "/api/matrix?observed=1&organisation=openai | matrix --observed --organisation openai",
            "/api/matrix?series=GPT-3.5&hypothetical=no | matrix --series GPT-3.5 --hypothetical no",
            "/api/model?model=text-davinci-003 | model text-davinci-003",
            "/api/model?model=code-davinci-002 | model code-davinci-002",
            "/api/abilities?model=chatgpt | abilities chatgpt",
            "/api/models | models",
            "/api/lineage?series=GPT-3.5 | lineage --series GPT-3.5",
            "/api/compare?a=davinci&b=code-davinci-002 | compare davinci code-davinci-002",
            "/api/what-if?model=text-davinci-003&without-stage=rlhf-ppo-with-lm-mix | what-if text-davinci-003 --without-stage rlhf-ppo-with-lm-mix",
            "/api/what-if?model=code-davinci-002&set=parameters=13 | what-if code-davinci-002 --set parameters=13",
            "/api/predict?name=opt-code&parent=opt-175b&stage=code-training:tokens%3D100B,codeShare%3D30%25&explain=chain-of-thought"
                    + " | predict --name opt-code --parent opt-175b --stage code-training:tokens=100B,codeShare=30% --explain chain-of-thought",
            "/api/predict?name=big&parameters=70B&stage=pretraining | predict --name big --parameters 70B --stage pretraining",
            "/api/rules | rules",
            "/api/test | test",
            "/api/recipe?model=davinci&ability=chain-of-thought | recipe davinci chain-of-thought",
            "/api/recipe?model=t5-11b&ability=dialogue&level=strong | recipe t5-11b dialogue=strong",
    })
    void theApiReturnsWhatTheCommandPrints(String path, String command) {
        Served.Reply reply = served.get(path);
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        assertThat(reply.header("Content-Type")).startsWith("application/json");
        Cli.Result cli = Cli.run(args(command, "--format", "json"));
        assertThat(cli.code()).as(cli.err()).isIn(0, 1);   // test exits 1 when a scenario fails; it still answers
        assertThat(reply.body()).isEqualTo(cli.out());
    }

    /** Issue 16 in the explorer: a proof below its top level offers "what would it take", and that page shows the recipes. */
    @org.junit.jupiter.api.Test
    void aProofBelowItsTopOffersWhatWouldItTake() {
        Served.Reply proof = served.get("/why?model=davinci&ability=chain-of-thought");
        assertThat(proof.body()).contains("href=\"/what-it-takes?model=davinci&amp;ability=chain-of-thought\"");

        Served.Reply takes = served.get("/what-it-takes?model=davinci&ability=chain-of-thought");
        assertThat(takes.status()).isEqualTo(200);
        assertThat(takes.body()).contains("What would it take: davinci · chain-of-thought").contains("add stage code-training")
                .contains("/api/recipe?model=davinci&amp;ability=chain-of-thought");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "/api/why?model=davinchi&ability=chain-of-thought | why davinchi chain-of-thought",
            "/api/why?model=davinci&ability=reasoning-ish | why davinci reasoning-ish",
            "/api/why?model=davinci&ability=dialogue&depth=-1 | why davinci dialogue --depth -1",
            "/api/why-not?model=davinci&ability=dialogue&level=superb | why-not davinci dialogue --level superb",
            "/api/matrix?organisation=OpenAl | matrix --organisation OpenAl",
            "/api/what-if?model=davinci&without-stage=rlhf | what-if davinci --without-stage rlhf",
            "/api/predict?name=x&parent=opt-175b&stage=code-trainin | predict --name x --parent opt-175b --stage code-trainin",
            "/api/predict?name=x&stage=code-training:tokens%3Dlots | predict --name x --stage code-training:tokens=lots",
            "/api/predict?name=Bad%20Id&parent=opt-175b | predict --name 'Bad Id' --parent opt-175b",
    })
    void badInputGetsA400WithTheCommandLinesMessage(String path, String command) throws IOException {
        Served.Reply reply = served.get(path);
        assertThat(reply.status()).isEqualTo(400);
        JsonNode body = Cli.JSON.readTree(reply.body());
        assertThat(body.get("schema").asText()).isEqualTo("origins.error/1");
        Cli.Result cli = Cli.run(args(command)).badInput();
        assertThat(String.join("\n", Cli.texts(body.get("errors"))) + "\n").isEqualTo(cli.err());
        assertThat(reply.body()).doesNotContain("Exception", "\tat ");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"/api/why?ability=dialogue, missing parameter model", "/api/compare?a=davinci, missing parameter b",
            "/api/why?model=davinci&ability=dialogue&depth=two, depth must be a whole number"})
    void aMissingOrMalformedParameterIsNamed(String path, String message) {
        Served.Reply reply = served.get(path);
        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.body()).contains(message);
    }

    private String[] args(String command, String... more) {
        List<String> a = new ArrayList<>(splitQuoted(command));
        a.addAll(List.of(more));
        a.addAll(served.folders());
        return a.toArray(String[]::new);
    }

    /** Words separated by spaces; 'quoted words' keep theirs. */
    private static List<String> splitQuoted(String s) {
        List<String> out = new ArrayList<>();
        var m = java.util.regex.Pattern.compile("'([^']*)'|(\\S+)").matcher(s);
        while (m.find()) {
            out.add(m.group(1) != null ? m.group(1) : m.group(2));
        }
        return out;
    }
}
