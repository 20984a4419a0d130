package io.reactord.agent;

import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code reactord}: the per-node daemon. */
@Command(
        name = "reactord",
        mixinStandardHelpOptions = true,
        versionProvider = Version.class,
        description = "DRBD high-availability agent: tails drbdsetup events2 and starts/stops systemd targets.")
public final class ReactordMain implements Callable<Integer> {

    @CommandLine.Option(names = {"-c", "--config"}, description = "main configuration file (default: ${DEFAULT-VALUE})")
    String config = "/etc/reactord.toml";

    @Override
    public Integer call() {
        System.err.println("reactord: daemon not implemented yet");
        return 1;
    }

    public static void main(String[] args) {
        System.exit(new CommandLine(new ReactordMain()).execute(args));
    }
}
