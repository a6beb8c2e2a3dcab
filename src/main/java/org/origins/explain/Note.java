package org.origins.explain;

import org.origins.kb.Grade;

/** A side conclusion shown with an answer (a mechanism, a doubt about a base), with the rule behind it. */
public record Note(String text, String rule, Grade grade) {
}
