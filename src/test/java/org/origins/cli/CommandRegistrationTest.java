package org.origins.cli;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.io.PrintWriter;
import java.io.StringWriter;

import static org.assertj.core.api.Assertions.assertThat;

/** A run registers only the command it runs; help, suggestions and usage stay as with every command registered. */
class CommandRegistrationTest {
    @Test
    void eachCommandIsRegisteredUnderTheNameOfItsAnnotation() {
        Main.COMMANDS.forEach((name, type) ->
                assertThat(type.getAnnotation(Command.class).name()).as(type.getSimpleName()).isEqualTo(name));
        assertThat(Main.commandLine().getSubcommands().keySet()).containsExactlyElementsOf(Main.COMMANDS.keySet());
    }

    @Test
    void aRunOfOneCommandRegistersThatCommandOnly() {
        assertThat(Main.commandLine("why", RunContext.PLAIN).getSubcommands().keySet()).containsExactly("why");
        for (String notOne : new String[] {null, "help", "--help", "wyh", "-V"}) {
            assertThat(Main.commandLine(notOne, RunContext.PLAIN).getSubcommands().keySet()).as(notOne)
                    .containsExactlyElementsOf(Main.COMMANDS.keySet());
        }
    }

    @Test
    void aCommandsUsageIsTheSameRegisteredAloneOrWithAll() {
        for (String name : Main.COMMANDS.keySet()) {
            CommandLine alone = Main.commandLine(name, RunContext.PLAIN).getSubcommands().get(name);
            CommandLine amongAll = Main.commandLine().getSubcommands().get(name);
            assertThat(alone.getUsageMessage(CommandLine.Help.Ansi.OFF)).as(name)
                    .isEqualTo(amongAll.getUsageMessage(CommandLine.Help.Ansi.OFF));
        }
    }

    @Test
    void theTopLevelHelpListsEveryCommand() {
        StringWriter out = new StringWriter();
        assertThat(Main.run(new String[] {"--help"}, new PrintWriter(out), new PrintWriter(new StringWriter()), false))
                .isZero();
        for (String name : Main.COMMANDS.keySet()) {
            assertThat(out.toString()).contains("  " + name + " ");
        }
    }
}
