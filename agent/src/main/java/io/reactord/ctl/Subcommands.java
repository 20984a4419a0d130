package io.reactord.ctl;

import picocli.CommandLine;

/** The one list of reactorctl subcommands. Add a line per command class. */
final class Subcommands {
    private Subcommands() {}

    static void register(CommandLine cl) {
        // subcommands are added here, one per line
        cl.addSubcommand(new CheckCommand());
        cl.addSubcommand(new ReplayCommand());
        cl.addSubcommand(new WhyCommand());
        cl.addSubcommand(new EventsCommand());
        cl.addSubcommand(new InstallUnitsCommand());
        cl.addSubcommand(new StatusCommand());
        cl.addSubcommand(new LsCommand());
        cl.addSubcommand(new CatCommand());
        cl.addSubcommand(new EnableCommand());
        cl.addSubcommand(new DisableCommand());
        cl.addSubcommand(new RestartCommand());
        cl.addSubcommand(new RmCommand());
        cl.addSubcommand(new EditCommand());
        cl.addSubcommand(new StartUntilCommand());
        cl.addSubcommand(new EvictCommand());
        cl.addSubcommand(new MoveCommand());
        cl.addSubcommand(new DoctorCommand());
        cl.addSubcommand("completion", new picocli.AutoComplete.GenerateCompletion());
    }
}
