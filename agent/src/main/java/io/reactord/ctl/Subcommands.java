package io.reactord.ctl;

import picocli.CommandLine;

/** The one list of reactorctl subcommands. Add a line per command class. */
final class Subcommands {
    private Subcommands() {}

    static void register(CommandLine cl) {
        // subcommands are added here, one per line
        cl.addSubcommand(new CheckCommand());
        cl.addSubcommand(new InstallUnitsCommand());
    }
}
