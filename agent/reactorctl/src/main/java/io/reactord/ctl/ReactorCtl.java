package io.reactord.ctl;

import io.reactord.agent.runtime.Version;
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
        footer = {"", "Without a command: status, as drbd-reactorctl.",
                "drbd-reactorctl's global options, before or after the command: --context NAME (its cluster context file),",
                "--nodes NODE[,NODE...] (only these nodes): run status, ls, cat, enable, disable, restart or rm on each node",
                "through the [peers] command (docs/reactorctl.md)."},
        subcommands = {CommandLine.HelpCommand.class})
public final class ReactorCtl implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** Reached only without a subcommand in a tree built by hand: {@link #main} runs {@code status} then. */
    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    /** The command tree; tests and the man-page generator use it too. */
    public static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new ReactorCtl());
        Subcommands.register(cl);
        return configure(cl);
    }

    /** The tree for one run: only the invoked subcommand when the arguments name one, else all of them. */
    static CommandLine commandLineFor(String[] args) {
        // completion describes the whole tree, so it needs all of it
        if (args.length == 0 || !Subcommands.has(args[0]) || Subcommands.canonical(args[0]).equals("generate-completion")) {
            return commandLine();
        }
        CommandLine cl = new CommandLine(new ReactorCtl());
        Subcommands.registerOnly(cl, args[0]);
        return configure(cl);
    }

    /**
     * drbd-reactorctl takes the configuration before the command ({@code reactorctl -c FILE status});
     * ours is an option of each command, so a leading {@code -c FILE}, {@code --config FILE},
     * {@code --config=FILE} or {@code -cFILE} moves behind the command name.
     */
    static String[] configFirst(String[] args) {
        int take;
        if (args.length >= 3 && (args[0].equals("-c") || args[0].equals("--config"))) {
            take = 2;
        } else if (args.length >= 2 && (args[0].startsWith("--config=") || args[0].matches("-c[^-].*"))) {
            take = 1;
        } else {
            return args;
        }
        if (!Subcommands.has(args[take])) {
            return args;
        }
        String[] out = new String[args.length];
        out[0] = args[take];
        System.arraycopy(args, 0, out, 1, take);
        System.arraycopy(args, take + 1, out, take + 1, args.length - take - 1);
        return out;
    }

    /**
     * drbd-reactorctl prints the status when no command is named: {@code reactorctl} and {@code reactorctl -c FILE}
     * become {@code … status}. Anything else (a command, {@code --help}, {@code --version}, a typo) stays as given.
     */
    static String[] statusByDefault(String[] args) {
        int i = 0;
        while (i < args.length) {
            String a = args[i];
            if (a.equals("-c") || a.equals("--config")) {
                i += 2;
            } else if (a.startsWith("--config=") || a.length() > 2 && a.startsWith("-c") && a.charAt(2) != '-') {
                i++;
            } else {
                return args;
            }
        }
        if (i > args.length) {
            return args; // "-c" without its value: picocli says so
        }
        String[] out = java.util.Arrays.copyOf(args, args.length + 1);
        out[args.length] = "status";
        return out;
    }

    private static CommandLine configure(CommandLine cl) {
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
        String[] a = configFirst(statusByDefault(args));
        System.exit(commandLineFor(a).execute(a));
    }
}
