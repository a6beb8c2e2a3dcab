package org.origins.recipe;

import org.origins.facts.Effect;
import org.origins.facts.Stage;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.origins.io.InputException;
import org.origins.io.Problem;
import org.origins.kb.JsonDoc;
import org.origins.kb.KnowledgeBase;
import org.origins.kb.Level;
import org.origins.kb.ModelRecord;
import org.origins.kb.ModelReader;
import org.origins.reasoning.LiveSession;
import org.origins.reasoning.Reasoning;
import org.origins.rules.RuleBase;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Judges drafts with the real rule base: one live session holds the model's lineage, and each
 * draft's model file, read by the one model reader, replaces the previous draft in it (truth
 * maintenance retracts what the old draft supported and derives what the new one does). Nothing
 * is judged twice.
 */
final class Evaluator implements AutoCloseable {
    private final KnowledgeBase lineage;
    private final ModelReader reader;
    private final LiveSession session;
    private final String ability;
    private final Map<String, Outcome> judged = new HashMap<>();
    private final Reasoning before;
    /** Where the facts of a draft come from, in proofs. */
    private static final Path PLACE = Path.of("<recipe>");

    /** A draft judged: what the rules concluded, and its level of the ability. */
    record Outcome(Draft draft, Reasoning reasoning, Level level) {
        Plan plan() {
            return draft.plan();
        }

        /**
         * Whether {@code rule} concluded an effect on the ability at the stage {@code change} is about:
         * the stage it adds (the last added), or the own stage it sets.
         */
        boolean fired(String rule, String ability, Change change) {
            for (Effect e : reasoning.derived(Effect.class)) {
                if (e.ability().equals(ability) && isAbout(e.stage(), change)
                        && reasoning.derivations(e).stream().anyMatch(d -> d.rule().name().equals(rule))) {
                    return true;
                }
            }
            return false;
        }

        private boolean isAbout(Stage s, Change change) {
            if (change instanceof Change.Set set) {
                var own = draft.ownStage(s);
                return own != null && own.order() == set.order();
            }
            return draft.added(s) && s.order() == history().stream().filter(x -> x.model().equals(draft.id()))
                    .mapToInt(Stage::order).max().orElse(-1);
        }

        List<Stage> history() {
            return reasoning.history(draft.id());
        }
    }

    Evaluator(KnowledgeBase kb, RuleBase rules, String model, String ability, long maxFirings) {
        this.lineage = kb.lineageOf(model);
        this.reader = ModelReader.against(lineage);
        this.ability = ability;
        this.session = LiveSession.open(lineage, rules, maxFirings);
        this.before = session.leanSnapshot();
    }

    /** The model's lineage as it is, judged. */
    Reasoning before() {
        return before;
    }

    /** How many drafts the rules judged. */
    int count() {
        return judged.size();
    }

    /** The draft judged by the rules; null when its file is not a valid model (a value the schema refuses). */
    Outcome judge(Draft d) {
        String key = d.plan().key();
        if (judged.containsKey(key)) {
            return judged.get(key);
        }
        ModelRecord m;
        try {
            m = read(d.json(""));
        } catch (InputException refused) {   // the reader's problems only: a rule that fails is the rules' error
            judged.put(key, null);
            return null;
        }
        session.replace(lineage.with(List.of(m)));
        Reasoning r = session.leanSnapshot();
        Outcome o = new Outcome(d, r, r.level(d.id(), ability));
        judged.put(key, o);
        return o;
    }

    /** The models of final recipe files, together in the lineage, read and judged once more, with proofs. */
    Reasoning verify(List<ModelRecord> models) {
        session.replace(lineage.with(models));
        return session.snapshot();
    }

    /** Reads a recipe's model file as {@code origins add} would; its facts' place is {@code <recipe>}. */
    ModelRecord read(ObjectNode file) {
        List<Problem> problems = new ArrayList<>();
        JsonDoc doc = JsonDoc.parse(PLACE, ("[" + file + "]").getBytes(StandardCharsets.UTF_8), problems)
                .orElseThrow(() -> new InputException(problems));
        return reader.inline(doc, "").get(0);
    }

    /**
     * The lineage with some models changed (an ingredient taken away), judged; restored by the next
     * call. The level of the ability for {@code model}.
     */
    Level without(List<ModelRecord> changed, String model) {
        session.replace(lineage.with(changed));
        return session.leanSnapshot().level(model, ability);
    }

    KnowledgeBase lineage() {
        return lineage;
    }

    @Override
    public void close() {
        session.close();
    }
}
