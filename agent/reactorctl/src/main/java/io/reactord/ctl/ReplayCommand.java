package io.reactord.ctl;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code reactorctl replay}: runs a captured events2 stream through the real promoter on a virtual
 * clock and prints each decision as one JSON line; {@code --state} prints the final cluster state.
 */
@Command(name = "replay", mixinStandardHelpOptions = true,
        description = {"Run a captured drbdsetup events2 stream through the real promoter on a virtual clock.",
                "Prints one JSON line per unit command: {\"time_ms\",\"resource\",\"action\",\"unit\",\"reason\"}.",
                "Time comes from --timestamps prefixes (relative to the first line); 0 without them.",
                "Every command is assumed to succeed. A line longer than 64 KiB is skipped with a warning (the daemon",
                "drops it too); input with a line of more than 64 MiB is refused (exit 1)."})
public final class ReplayCommand implements Callable<Integer> {
    @Option(names = {"-c", "--config"}, description = "configuration whose promoter resources are replayed")
    Path config;

    @Option(names = "--events", required = true, description = "events2 capture ('-' for stdin)")
    String events;

    @Option(names = "--hostname", description = "node name standing in for uname -n (default: this host)")
    String hostname;

    @Option(names = "--state", description = "print the final cluster state as JSON after the decisions")
    boolean state;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        return ReplayRun.run(config, events, hostname, state, spec.commandLine().getOut(), spec.commandLine().getErr());
    }
}
