package org.origins.render;

import java.util.Locale;

/**
 * The anchors of a document, stable across runs (made from ids only), shared by every writer and
 * by the diagrams' links: {@code model-ID}, {@code rule-ID}, {@code proof-MODEL--ABILITY}.
 */
public final class Anchors {
    private Anchors() {
    }

    /** An anchor-safe form of an id: lower case, runs of other characters as one '-'. */
    public static String slug(String id) {
        return id.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "");
    }

    public static String model(String model) {
        return "model-" + slug(model);
    }

    public static String rule(String rule) {
        return "rule-" + slug(rule);
    }

    public static String proof(String model, String ability) {
        return "proof-" + slug(model) + "--" + slug(ability);
    }

    /** A link to an anchor of the same page. */
    public static String href(String anchor) {
        return "#" + anchor;
    }
}
