package org.origins.cli;

import org.origins.explain.ModelSelection;
import picocli.CommandLine.Option;

/** The options that select models ({@code matrix}, {@code lineage}): organisation, series, hypothetical or real. */
final class Selection {
    @Option(names = "--organisation", paramLabel = "ORG", description = "Only the models of this organisation (e.g. OpenAI).")
    String organisation;

    @Option(names = "--series", paramLabel = "SERIES", description = "Only the models of this series (e.g. GPT-3, LLaMA).")
    String series;

    @Option(names = "--hypothetical", paramLabel = "yes|no", arity = "0..1", fallbackValue = "yes",
            description = "Only hypothetical models (yes), or only real ones (no).")
    String hypothetical;

    ModelSelection selection() {
        return ModelSelection.of(organisation, series, hypothetical);
    }
}
