package org.origins.explain;

import org.origins.kb.Status;

import java.util.List;

/**
 * One field of a stated fact as a proof shows it: its value, who says so, and whether it is
 * disputed (with the alternatives), inherited or assumed. {@code derived}: no file states the value
 * for this fact; it was inherited from the parent, filled by a default of facts/defaults.json, or
 * summed along the lineage ({@code trainedTokens}), and {@code note} says how.
 */
public record FieldNote(String field, String value, String source, Status status, String note, boolean disputed,
                        List<String> alternatives, String inheritedFrom, boolean assumed, boolean derived) {

    public FieldNote {
        alternatives = List.copyOf(alternatives);
    }
}
