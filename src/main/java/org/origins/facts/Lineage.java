package org.origins.facts;

/** {@code ancestor} is {@code model} itself (distance 0), its parent (1), grandparent (2), ... */
public record Lineage(String model, String ancestor, int distance) {
}
