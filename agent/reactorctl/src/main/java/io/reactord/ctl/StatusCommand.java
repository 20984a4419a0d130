package io.reactord.ctl;

import io.reactord.agent.control.status.Terminal;
import io.reactord.ctl.status.LocalStatus;
import io.reactord.ctl.support.ConfigOption;
import io.reactord.systemd.Systemctl;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code reactorctl status}: per promoter resource, where it runs, its units, and the cluster as DRBD sees it. */
@Command(name = "status", mixinStandardHelpOptions = true,
        description = {"Show where each promoter resource runs, its units and the cluster as DRBD sees it.",
                "Per resource: its snippet, the node it is active on, the unit tree with systemctl's symbols",
                "(● active, ○ inactive, × failed, ↻ reloading) and freezer state, the peers' roles, disks and",
                "connections, and the daemon's promoter state; then the prometheus, debugger, umh and agentx tables.",
                "Works without the daemon, and says so. --json: drbd-reactorctl's schema, reactord's report under 'reactord'."})
public final class StatusCommand implements Callable<Integer> {
    @Mixin
    ConfigOption config = new ConfigOption();

    @Parameters(paramLabel = "FILE", arity = "0..*", description = "snippets (or resource names) to show; default: all")
    List<String> files = new ArrayList<>();

    @Option(names = {"-r", "--resource"}, paramLabel = "RES", arity = "1..*", description = "only these promoter resources")
    List<String> resources = new ArrayList<>();

    @Option(names = {"-v", "--verbose"}, description = "unit sub-states and the daemon's last journal entries")
    boolean verbose;

    @Option(names = "--json", description = "print everything as one JSON object (drbd-reactorctl's members, plus 'reactord')")
    boolean json;

    Systemctl systemctl = Systemctl.fromEnvironment();
    Terminal terminal = Terminal.detect();
    PrintStream out = System.out;
    PrintStream err = System.err;

    @Override
    public Integer call() {
        return LocalStatus.run(config.file(), files, resources, verbose, json, systemctl, terminal, out, err);
    }
}
