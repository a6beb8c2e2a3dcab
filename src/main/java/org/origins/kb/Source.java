package org.origins.kb;

/** A bibliography entry (facts/sources.json). */
public record Source(String id, String title, String authors, Integer year, String kind, String url,
                     String where) {
}
