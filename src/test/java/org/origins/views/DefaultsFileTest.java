package org.origins.views;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.origins.TestKit;
import org.origins.facts.Compute;
import org.origins.kb.KbLoader;
import org.origins.kb.KnowledgeBase;
import org.origins.reasoning.Reasoner;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** facts/defaults.json is read as strictly as every fact file; without it nothing is assumed. */
class DefaultsFileTest {

    private static ViewsTest.Run modelsWith(Path tmp, String defaults) throws IOException {
        Path facts = TestKit.copyDir(TestKit.FACTS, tmp.resolve("facts"));
        Files.writeString(facts.resolve("defaults.json"), defaults);
        return ViewsTest.run("models", "--facts", facts.toString());
    }

    private static String one(String fields) {
        return "{ \"defaults\": [ { \"id\": \"t\", \"field\": \"tokens\", \"stageKinds\": [\"pretraining\"], " + fields
                + " } ], \"probes\": { \"tokens\": [100] } }";
    }

    @Test
    void aMistakeInTheDefaultsIsReportedWithItsPlace(@TempDir Path tmp) throws IOException {
        ViewsTest.Run source = modelsWith(tmp.resolve("a"), one("\"value\": 300, \"source\": \"CHINCHILA\""));
        assertThat(source.code()).isEqualTo(2);
        assertThat(source.err()).contains("defaults.json:1:").contains("/defaults/0/source")
                .contains("unknown source \"CHINCHILA\"").contains("did you mean \"CHINCHILLA\"");

        ViewsTest.Run both = modelsWith(tmp.resolve("b"), one("\"value\": 300, \"perParameter\": 20, \"source\": \"CHINCHILLA\""));
        assertThat(both.err()).contains("a default gives either \"value\" or \"perParameter\"");

        ViewsTest.Run kind = modelsWith(tmp.resolve("c"), one("\"value\": 300, \"source\": \"CHINCHILLA\"").replace("[\"pretraining\"]",
                "[\"pretrainig\"]"));
        assertThat(kind.err()).contains("/defaults/0/stageKinds/0").contains("did you mean \"pretraining\"");

        ViewsTest.Run field = modelsWith(tmp.resolve("d"), one("\"value\": 300, \"source\": \"CHINCHILLA\", \"releasedBefor\": \"2022\""));
        assertThat(field.err()).contains("unknown field \"releasedBefor\"").contains("did you mean \"releasedBefore\"");

        ViewsTest.Run probe = modelsWith(tmp.resolve("e"), one("\"value\": 300, \"source\": \"CHINCHILLA\"")
                .replace("\"tokens\": [100]", "\"codeShare\": [2]"));
        assertThat(probe.err()).contains("/probes/codeShare").contains("not a value of codeShare");
    }

    @Test
    void withoutTheFileNothingIsAssumed(@TempDir Path tmp) {
        Path facts = TestKit.copyDir(TestKit.FACTS, tmp.resolve("facts"));
        facts.resolve("defaults.json").toFile().delete();
        KnowledgeBase kb = KbLoader.load(facts);

        var r = Reasoner.run(kb, TestKit.rules());
        // Mistral 7B's tokens are undisclosed: no compute, so no scale threshold and no scale-gated ability
        assertThat(r.derived(Compute.class)).noneMatch(c -> c.model().equals("mistral-7b"));
        assertThat(r.derived(Compute.class)).anyMatch(c -> c.model().equals("llama-2-7b"));
    }
}
