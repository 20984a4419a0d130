package io.reactord.ctl;

import io.reactord.agent.Version;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code reactorctl}: shows and steers reactord. Each subcommand is one small class registered in
 * {@link #commandLine()}; exit codes come from {@link ExitCodes}.
 */
@Command(
        name = "reactorctl",
        mixinStandardHelpOptions = true,
        versionProvider = Version.class,
        description = "Show and steer reactord, the DRBD high-availability agent.",
        subcommands = {CommandLine.HelpCommand.class})
public final class ReactorCtl implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    /** The command tree; tests and the man-page generator use it too. */
    public static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new ReactorCtl());
        Subcommands.register(cl);
        cl.setExitCodeExceptionMapper(t -> ExitCodes.FAILURE);
        return cl;
    }

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }
}
