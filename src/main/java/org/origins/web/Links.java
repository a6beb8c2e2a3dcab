package org.origins.web;

import org.origins.kb.Ability;
import org.origins.kb.KnowledgeBase;
import org.origins.kb.ModelRecord;
import org.origins.render.Anchors;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * Where a document's anchors lead in the explorer: {@code #model-ID} to the model's page,
 * {@code #proof-MODEL--ABILITY} to the proof, {@code #rule-ID} to the rule on the rules page. Anchors
 * are made from ids by {@link Anchors#slug}; the ids are found again through the knowledge base's.
 * Any other link is left as it is.
 */
final class Links implements UnaryOperator<String> {
    private final Map<String, String> models = new HashMap<>();
    private final Map<String, String> abilities = new HashMap<>();

    Links(KnowledgeBase kb) {
        for (ModelRecord m : kb.models()) {
            models.putIfAbsent(Anchors.slug(m.id()), m.id());
        }
        for (Ability a : kb.abilities()) {
            abilities.putIfAbsent(Anchors.slug(a.id()), a.id());
        }
    }

    @Override
    public String apply(String target) {
        if (target.startsWith("#model-")) {
            String model = models.get(target.substring("#model-".length()));
            return model == null ? target : model(model);
        }
        if (target.startsWith("#proof-")) {
            String rest = target.substring("#proof-".length());
            int cut = rest.indexOf("--");   // a slug never holds "--"
            String model = cut < 0 ? null : models.get(rest.substring(0, cut));
            String ability = cut < 0 ? null : abilities.get(rest.substring(cut + 2));
            return model == null || ability == null ? target : proof(model, ability);
        }
        if (target.startsWith("#rule-")) {
            return "/rules" + target;
        }
        return target;
    }

    static String model(String model) {
        return "/model?model=" + enc(model);
    }

    static String proof(String model, String ability) {
        return "/why?model=" + enc(model) + "&ability=" + enc(ability);
    }

    static String whatItTakes(String model, String ability) {
        return "/what-it-takes?model=" + enc(model) + "&ability=" + enc(ability);
    }

    static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
