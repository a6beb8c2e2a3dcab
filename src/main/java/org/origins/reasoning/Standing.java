package org.origins.reasoning;

import org.origins.kb.Grade;
import org.origins.kb.Level;

/** A model's level of an ability and its grade (null when nothing ever changed the level). */
public record Standing(Level level, Grade grade) {
}
