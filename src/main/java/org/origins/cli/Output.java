package org.origins.cli;

import org.origins.render.Format;
import org.origins.render.JsonRenderer;
import org.origins.render.Style;
import org.origins.render.TextRenderer;
import picocli.CommandLine.Model.CommandSpec;

import java.util.function.Function;

/** Hands an answer to the renderer chosen by --format and writes the result. */
final class Output {
    private Output() {
    }

    static void print(CommandSpec spec, Format format, Object answer, Function<TextRenderer, String> text) {
        String out = switch (format) {
            case JSON -> JsonRenderer.render(answer);
            case TEXT -> text.apply(new TextRenderer(Main.colours() ? Style.auto() : Style.plain()));
        };
        spec.commandLine().getOut().print(out);
        spec.commandLine().getOut().flush();
    }
}
