package io.reactord.ctl;

import io.reactord.agent.control.ControlClient;
import io.reactord.agent.control.ControlRequest;
import io.reactord.agent.status.DrbdSnapshot;
import io.reactord.agent.control.status.Terminal;
import io.reactord.agent.files.ConfigFiles;
import io.reactord.config.NodeName;
import io.reactord.config.PeersConfig;
import io.reactord.ctl.evict.Evictor;
import io.reactord.ctl.evict.MovePeers;
import io.reactord.ctl.support.ConfigOption;
import io.reactord.events2.ConnectionInfo;
import io.reactord.events2.DiskState;
import io.reactord.events2.PeerDeviceInfo;
import io.reactord.events2.ResourceInfo;
import io.reactord.systemd.Systemctl;
import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code reactorctl move RES --to NODE}: a targeted, temporary move of a resource to one peer. */
@Command(name = "move", mixinStandardHelpOptions = true,
        description = {"Move a resource to a given peer, temporarily preferring it.",
                "Run it on the node where the resource is active. Every node's daemon is told (the peers through",
                "the [peers] command, e.g. ssh): NODE prefers itself, the others hold back, until the move lands",
                "or --for expires; this node releases the target (masked while it waits) and the mask is removed",
                "afterwards: nothing sticky remains."})
public final class MoveCommand implements Callable<Integer> {
    @Mixin
    ConfigOption config = new ConfigOption();

    @Parameters(paramLabel = "RES", description = "the promoter resource")
    String resource;

    @Option(names = "--to", required = true, paramLabel = "NODE", description = "the peer that should run it")
    String to;

    @Option(names = "--for", paramLabel = "DURATION", description = "how long the preference lasts: 90, 90s, 5m (default ${DEFAULT-VALUE})")
    String duration = "60s";

    @Option(names = {"-f", "--force"}, description = "move even when NODE is not connected with an UpToDate disk")
    boolean force;

    @Option(names = "--local", description = "only hand the move to this node's daemon (what move runs on each peer)")
    boolean local;

    Systemctl systemctl = Systemctl.fromEnvironment();
    Evictor.Sleeper sleeper = Thread::sleep;
    PrintStream out = System.out;
    PrintStream err = System.err;

    @Override
    public Integer call() {
        if (ResourceArg.invalid("move", resource, err)) {
            return ExitCodes.USAGE;
        }
        String badNode = to == null ? null : NodeName.error(to);
        if (badNode != null) {
            err.println("reactorctl move: --to: " + badNode);
            return ExitCodes.USAGE;
        }
        long seconds;
        try {
            seconds = seconds(duration);
        } catch (IllegalArgumentException e) {
            err.println("reactorctl move: " + e.getMessage());
            return ExitCodes.USAGE;
        }
        ConfigFiles cfg = config.load();
        if (local) {
            return local(cfg, seconds);
        }
        if (!cfg.resources().containsKey(resource)) {
            err.println("reactorctl move: no promoter resource named '" + resource + "' in " + cfg.mainFile());
            return ExitCodes.NOT_FOUND;
        }
        if (to.equals(cfg.hostname())) {
            err.println("reactorctl move: '" + to + "' is this node; run the move on the node where " + resource + " is active");
            return ExitCodes.USAGE;
        }
        DrbdSnapshot snap = DrbdSnapshot.take(cfg.drbdsetup(), 3000);
        if (snap.state() == null) {
            err.println("reactorctl move: cannot read DRBD state: " + Terminal.safe(snap.error()));
            return ExitCodes.FAILURE;
        }
        ResourceInfo r = snap.state().resource(resource);
        if (r == null) {
            err.println("reactorctl move: DRBD resource " + resource + " does not exist on this node");
            return ExitCodes.NOT_FOUND;
        }
        ConnectionInfo peer = r.connections().values().stream()
                .filter(c -> to.equals(c.connName())).findFirst().orElse(null);
        if (peer == null) {
            err.println("reactorctl move: '" + to + "' is not a peer of " + resource);
            return ExitCodes.NOT_FOUND;
        }
        if (!force && (!peer.isConnected() || !peer.peerDevices().values().stream()
                .allMatch((PeerDeviceInfo pd) -> pd.peerDisk() == DiskState.UP_TO_DATE))) {
            err.println("reactorctl move: '" + to + "' is not connected with UpToDate data; it could not take over (use --force to try anyway)");
            return ExitCodes.FAILURE;
        }
        ControlClient daemon = new ControlClient(cfg.socket(), Duration.ofSeconds(5));
        Evictor ev = new Evictor(systemctl, () -> DrbdSnapshot.take(cfg.drbdsetup(), 3000), daemon, cfg.hostname(), out, sleeper);
        String primary = ev.primary(resource);
        if (to.equals(primary)) {
            out.println(resource + " is already active on '" + to + "'");
            return ExitCodes.OK;
        }
        if (primary != null && !primary.equals(cfg.hostname())) {
            err.println("reactorctl move: " + resource + " is active on '" + Terminal.safe(primary) + "'; run the move there");
            return ExitCodes.FAILURE;
        }
        List<String> peers = new ArrayList<>();
        for (ConnectionInfo c : r.connections().values()) {
            if (c.connName() != null && !c.connName().equals(cfg.hostname())) {
                peers.add(c.connName());
            }
        }
        PeersConfig pc = cfg.config() == null ? PeersConfig.DEFAULT : cfg.config().peers();
        if (cfg.config() == null) {
            out.println("The configuration has errors: the default peer command is used");
        }
        new MovePeers(pc, out).tell(resource, to, seconds, peers);
        Evictor.Outcome o = ev.evict(resource, (int) Math.min(Integer.MAX_VALUE, seconds), false, to);
        String now = ev.primary(resource);
        out.flush();
        return o == Evictor.Outcome.TOOK_OVER && to.equals(now) ? ExitCodes.OK : ExitCodes.FAILURE;
    }

    /** {@code --local}: hands the move to this node's daemon only, as a peer does when the moving node asks it. */
    private int local(ConfigFiles cfg, long seconds) {
        try {
            new ControlClient(cfg.socket(), Duration.ofSeconds(5)).request(new ControlRequest.Move(resource, to, seconds));
        } catch (ControlClient.DaemonException e) {
            err.println("reactorctl move: " + Terminal.safe(e.getMessage()));
            if (e.kind() == ControlClient.DaemonException.Kind.UNREACHABLE) {
                return ExitCodes.DAEMON_UNREACHABLE;
            }
            return e.getMessage().startsWith("no such resource") ? ExitCodes.NOT_FOUND : ExitCodes.FAILURE;
        }
        out.println("reactord on " + cfg.hostname() + " took the move of " + resource + " to '" + to + "' for " + seconds + " s");
        out.flush();
        return ExitCodes.OK;
    }

    /** "90", "90s", "5m", "1h" as seconds. */
    static long seconds(String s) {
        String t = s.strip();
        long mult = 1;
        if (t.endsWith("s")) {
            t = t.substring(0, t.length() - 1);
        } else if (t.endsWith("m")) {
            mult = 60;
            t = t.substring(0, t.length() - 1);
        } else if (t.endsWith("h")) {
            mult = 3600;
            t = t.substring(0, t.length() - 1);
        }
        try {
            long v = Long.parseLong(t) * mult;
            if (v <= 0 || v > 86_400) {
                throw new IllegalArgumentException("--for must be between 1 s and 24 h, got " + s);
            }
            return v;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--for: not a duration: " + s + " (e.g. 90, 90s, 5m)");
        }
    }
}
