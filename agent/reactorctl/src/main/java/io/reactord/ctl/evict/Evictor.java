package io.reactord.ctl.evict;

import io.reactord.agent.control.ControlClient;
import io.reactord.agent.control.ControlRequest;
import io.reactord.agent.status.DrbdSnapshot;
import io.reactord.agent.control.status.Terminal;
import io.reactord.events2.ConnectionInfo;
import io.reactord.events2.ResourceInfo;
import io.reactord.events2.Role;
import io.reactord.systemd.Systemctl;
import io.reactord.systemd.SystemdNames;
import java.io.PrintStream;
import java.util.function.Supplier;

/**
 * Releases a resource from this node: mask the target at runtime, stop it, wait for a peer to take over,
 * then unmask unless the mask is to stay. The daemon, when it answers, is told first (so it neither
 * counts the stop as a failure nor fights it); without it the systemd steps alone do the job.
 */
public final class Evictor {
    /** How an eviction ended. */
    public enum Outcome { TOOK_OVER, NOT_HERE, UNKNOWN_STATE, STILL_PRIMARY, NOBODY, FAILED }

    private final Systemctl sc;
    private final Supplier<DrbdSnapshot> drbd;
    private final ControlClient daemon;
    private final String me;
    private final PrintStream out;
    private final Sleeper sleeper;

    /** Waits between DRBD polls; tests pass one that does not sleep. */
    @FunctionalInterface
    public interface Sleeper {
        void sleep(long ms) throws InterruptedException;
    }

    public Evictor(Systemctl sc, Supplier<DrbdSnapshot> drbd, ControlClient daemon, String me, PrintStream out, Sleeper sleeper) {
        this.sc = sc;
        this.drbd = drbd;
        this.daemon = daemon;
        this.me = me;
        this.out = out;
        this.sleeper = sleeper;
    }

    /** The Primary's node name ({@code me} for this node), or null when nobody is Primary or DRBD cannot be read. */
    public String primary(String res) {
        DrbdSnapshot s = drbd.get();
        if (s.state() == null) {
            return null;
        }
        ResourceInfo r = s.state().resource(res);
        if (r == null) {
            return null;
        }
        if (r.role() == Role.PRIMARY) {
            return me;
        }
        for (ConnectionInfo c : r.connections().values()) {
            if (c.peerRole() == Role.PRIMARY) {
                return c.connName() == null ? "node-" + c.peerNodeId() : c.connName();
            }
        }
        return null;
    }

    /**
     * Evicts {@code res}: waits up to {@code delaySeconds} for a peer (or, with {@code wanted}, that peer)
     * to become Primary. With {@code keepMasked} the target stays masked.
     */
    public Outcome evict(String res, int delaySeconds, boolean keepMasked, String wanted) {
        out.println("Evicting " + res);
        String primary = primary(res);
        if (primary == null) {
            out.println("  state of " + res + " unknown or nobody Primary; nothing to evict here");
            return Outcome.UNKNOWN_STATE;
        }
        if (!primary.equals(me)) {
            out.println("  active on '" + Terminal.safe(primary) + "', nothing to do on this node");
            return Outcome.NOT_HERE;
        }
        tellDaemon(res, keepMasked, delaySeconds, wanted);
        String target = SystemdNames.servicesTarget(res);
        Outcome outcome;
        try {
            sc.must("mask", "--runtime", target);
            out.println("  masked " + target + " (runtime)");
            sc.must("daemon-reload");
            sc.must("stop", target);
            out.println("  stopped " + target);
            outcome = await(res, delaySeconds, wanted);
        } catch (Systemctl.SystemctlException e) {
            out.println("  failed: " + Terminal.safe(e.getMessage()));
            outcome = Outcome.FAILED;
        }
        if (!keepMasked) {
            unmaskTarget(res);
        } else {
            out.println("  " + target + " stays masked; clear with: reactorctl evict --unmask " + res);
        }
        return outcome;
    }

    private Outcome await(String res, int delaySeconds, String wanted) {
        StringBuilder countdown = new StringBuilder("  waiting for a peer:");
        String primary = null;
        for (int left = delaySeconds; left >= 0; left--) {
            primary = primary(res);
            if (primary != null && !primary.equals(me)) {
                break;
            }
            countdown.append(' ').append(left);
            if (left > 0) {
                try {
                    sleeper.sleep(1000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
        }
        if (countdown.indexOf(" ", "  waiting for a peer:".length()) >= 0) {
            out.println(countdown);
        }
        if (primary == null) {
            out.println("  no other node took over within " + delaySeconds + " s; " + res + " runs nowhere");
            return Outcome.NOBODY;
        }
        if (primary.equals(me)) {
            out.println("  this node is still DRBD Primary: not every service stopped in time");
            return Outcome.STILL_PRIMARY;
        }
        if (wanted != null && !wanted.equals(primary)) {
            out.println("  node '" + Terminal.safe(primary) + "' took over (not '" + Terminal.safe(wanted) + "')");
            return Outcome.TOOK_OVER;
        }
        out.println("  node '" + Terminal.safe(primary) + "' took over");
        return Outcome.TOOK_OVER;
    }

    /**
     * Removes the runtime mask and reloads systemd, and lets the daemon manage the resource here again
     * ({@code enable}, which ends a kept eviction); the target is not started here (the daemon decides).
     */
    public boolean unmask(String res) {
        if (daemon != null && daemon.socketExists()) {
            try {
                daemon.request(new ControlRequest.Enable(res));
                out.println("  reactord manages " + res + " here again");
            } catch (ControlClient.DaemonException e) {
                out.println("  reactord did not take the enable request (" + Terminal.safe(e.getMessage()) + ")");
            }
        }
        return unmaskTarget(res);
    }

    private boolean unmaskTarget(String res) {
        String target = SystemdNames.servicesTarget(res);
        try {
            sc.must("unmask", "--runtime", target);
            sc.must("daemon-reload");
            out.println("  unmasked " + target);
            return true;
        } catch (Systemctl.SystemctlException e) {
            out.println("  cannot unmask " + target + ": " + Terminal.safe(e.getMessage()));
            return false;
        }
    }

    private void tellDaemon(String res, boolean keepMasked, int delaySeconds, String wanted) {
        if (daemon == null || !daemon.socketExists()) {
            out.println("  reactord is not running; using systemd only");
            return;
        }
        ControlRequest req = wanted == null ? new ControlRequest.Evict(res, keepMasked)
                : new ControlRequest.Move(res, wanted, delaySeconds);
        try {
            daemon.request(req);
            out.println("  reactord acknowledged the " + req.cmd());
        } catch (ControlClient.DaemonException e) {
            out.println("  reactord did not take the " + req.cmd() + " request (" + Terminal.safe(e.getMessage()) + "); using systemd only");
        }
    }
}
