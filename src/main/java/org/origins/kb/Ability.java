package org.origins.kb;

import java.util.ArrayList;
import java.util.List;

/** An ability of the vocabulary (facts/abilities.json). */
public record Ability(String id, String shortName, String name, String nameZh, List<String> aliases, String description,
                      List<String> claims) {

    public Ability {
        aliases = List.copyOf(aliases);
        claims = List.copyOf(claims);
    }

    /** Every name a user may type for it: the id, the English and Chinese names, the aliases. */
    public List<String> names() {
        List<String> n = new ArrayList<>();
        n.add(id);
        n.add(name);
        if (nameZh != null) {
            n.add(nameZh);
        }
        n.addAll(aliases);
        return n.stream().distinct().toList();
    }
}
