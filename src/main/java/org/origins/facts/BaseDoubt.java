package org.origins.facts;

/** The stated parent {@code base} of {@code model} is probably not its real base. */
public record BaseDoubt(String model, String base) {
}
