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
        cl.setExitCodeExceptionMapper(
                t -> t instanceof CommandLine.ParameterException ? ExitCodes.USAGE : ExitCodes.FAILURE);
        cl.setExecutionExceptionHandler(ReactorCtl::oneLineError);
        return cl;
    }

    /** A command that fails unexpectedly prints one line, not a stack trace (REACTORCTL_DEBUG=1 shows it). */
    private static int oneLineError(Exception e, CommandLine cl, CommandLine.ParseResult parsed) {
        String msg = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        cl.getErr().println(cl.getCommandSpec().qualifiedName() + ": " + msg.replaceAll("[\\r\\n]+", " "));
        if (System.getenv("REACTORCTL_DEBUG") != null) {
            e.printStackTrace(cl.getErr());
        }
        cl.getErr().flush();
        return ExitCodes.FAILURE;
    }

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }
}
