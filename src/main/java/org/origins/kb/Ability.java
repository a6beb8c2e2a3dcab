package org.origins.kb;

import java.util.List;

/** An ability of the vocabulary (facts/abilities.json). */
public record Ability(String id, String shortName, String name, String nameZh, List<String> aliases, String description,
                      List<String> claims) {

    public Ability {
        aliases = List.copyOf(aliases);
        claims = List.copyOf(claims);
    }
}
