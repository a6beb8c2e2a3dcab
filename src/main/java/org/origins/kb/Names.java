package org.origins.kb;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.origins.io.InputException;
import org.origins.io.Suggest;

/**
 * Resolves what a user typed to a model or ability id: case-insensitive, with the abilities'
 * English and Chinese names and aliases; an unknown name is an input error with suggestions.
 */
public final class Names {
    private Names() {
    }

    private static String norm(String s) {
        return s.strip().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static String model(KnowledgeBase kb, String typed) {
        Map<String, String> names = new LinkedHashMap<>();
        for (ModelRecord m : kb.models()) {
            names.put(norm(m.id()), m.id());
            if (m.apiName() != null) {
                names.putIfAbsent(norm(m.apiName()), m.id());
            }
        }
        String id = names.get(norm(typed));
        if (id == null) {
            throw new InputException("unknown model \"" + typed + "\""
                    + orList(typed, kb.models().stream().map(ModelRecord::id).toList()));
        }
        return id;
    }

    public static String ability(KnowledgeBase kb, String typed) {
        Map<String, String> names = new LinkedHashMap<>();
        for (Ability a : kb.abilities()) {
            for (String n : a.names()) {
                names.putIfAbsent(norm(n), a.id());
                names.putIfAbsent(norm(n).replace(' ', '-'), a.id());
            }
        }
        String id = names.get(norm(typed));
        if (id == null) {
            id = names.get(norm(typed).replace(' ', '-'));
        }
        if (id == null) {
            List<String> all = kb.abilities().stream().flatMap(a -> a.names().stream()).toList();
            String hint = Suggest.hint(typed, all);
            throw new InputException("unknown ability \"" + typed + "\"" + (hint.isEmpty()
                    ? "; known abilities: " + String.join(", ", kb.abilities().stream().map(Ability::id).toList()) : hint));
        }
        return id;
    }

    private static String orList(String typed, List<String> candidates) {
        String hint = Suggest.hint(typed, candidates);
        return hint.isEmpty() ? "; `origins models` lists them" : hint;
    }
}
