package org.origins.cli;

import picocli.CommandLine;

/**
 * What one run of the command line knows besides its arguments: the shell's loaded state (null
 * outside the shell) and whether the terminal takes colours. Every command's {@link Options} is
 * made with it by picocli's factory ({@link #factory}); nothing is kept in a static field.
 */
record RunContext(ShellState shell, boolean colours) {
    static final RunContext PLAIN = new RunContext(null, false);

    /** Creates the objects picocli needs, the options of every command with this context. */
    CommandLine.IFactory factory() {
        return new CommandLine.IFactory() {
            @Override
            public <K> K create(Class<K> cls) throws Exception {
                return cls == Options.class ? cls.cast(new Options(RunContext.this)) : CommandLine.defaultFactory().create(cls);
            }
        };
    }
}
