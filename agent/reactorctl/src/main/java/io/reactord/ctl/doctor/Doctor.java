package io.reactord.ctl.doctor;

import io.reactord.config.PromoterResource;
import io.reactord.config.QuorumLossPolicy;
import io.reactord.events2.ConnectionInfo;
import io.reactord.events2.ConnectionState;
import io.reactord.events2.DeviceInfo;
import io.reactord.events2.DiskState;
import io.reactord.events2.PeerDeviceInfo;
import io.reactord.events2.ResourceInfo;
import io.reactord.systemd.SystemdNames;
import io.reactord.systemd.UnitState;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The checks of {@code reactorctl doctor}, over inputs gathered by the command. */
public final class Doctor {
    private static final Pattern OPTION = Pattern.compile("^\\s*([a-z-]+)\\s+([^;\\s]+)\\s*;", Pattern.MULTILINE);

    private Doctor() {}

    /**
     * What the checks look at. {@code drbdShow} maps a resource to its {@code drbdsetup show} text;
     * {@code targetDropIns} maps it to the target's drop-in on disk ({@code <unit-dir>/drbd-services@RES.target.d/reactor.conf},
     * absent key: no such file) and {@code expectedDropIns} to what the configuration generates for it.
     */
    public record Inputs(boolean daemonActive, boolean daemonAnswers, List<String> configErrors,
            Map<String, PromoterResource> resources, Map<String, Path> files, Map<String, UnitState> units,
            Map<String, ResourceInfo> drbd, String drbdError, Map<String, String> drbdShow,
            Map<String, String> targetDropIns, Map<String, String> expectedDropIns) {

        /** Inputs without drop-in knowledge (no drift check). */
        public Inputs(boolean daemonActive, boolean daemonAnswers, List<String> configErrors,
                Map<String, PromoterResource> resources, Map<String, Path> files, Map<String, UnitState> units,
                Map<String, ResourceInfo> drbd, String drbdError, Map<String, String> drbdShow) {
            this(daemonActive, daemonAnswers, configErrors, resources, files, units, drbd, drbdError, drbdShow, Map.of(), Map.of());
        }
    }

    /**
     * What this host has, so that the advice names commands that exist here.
     *
     * @param systemd   a systemd manager answers (it is the init system, or systemctl reached one)
     * @param drbdUtils drbd-utils' {@code drbdadm} is on the PATH
     */
    public record Host(boolean systemd, boolean drbdUtils) {
        /** A DRBD node as the package expects it. */
        public static final Host NODE = new Host(true, true);

        /** This host; {@code systemdAnswers}: systemctl read the unit states (also a manager that is not PID 1). */
        public static Host detect(boolean systemdAnswers) {
            boolean drbdadm = false;
            for (String dir : System.getenv().getOrDefault("PATH", "/usr/sbin:/usr/bin:/sbin:/bin").split(":")) {
                if (!dir.isEmpty() && java.nio.file.Files.isExecutable(Path.of(dir, "drbdadm"))) {
                    drbdadm = true;
                    break;
                }
            }
            return new Host(systemdAnswers || java.nio.file.Files.isDirectory(Path.of("/run/systemd/system")), drbdadm);
        }
    }

    /** The checks, with advice for a DRBD node run by systemd. */
    public static List<Finding> check(Inputs in) {
        return check(in, Host.NODE);
    }

    public static List<Finding> check(Inputs in, Host host) {
        List<Finding> out = new ArrayList<>();
        if (!in.daemonActive()) {
            out.add(new Finding(null, "reactord is not running: nothing promotes or fails over on this node",
                    host.systemd() ? "systemctl start reactord.service   (why it stopped: journalctl -u reactord.service -n 50)"
                            : "this host does not run systemd, which reactord needs to start and stop units: run reactord"
                            + " on a node booted with systemd"));
        } else if (!in.daemonAnswers()) {
            out.add(new Finding(null, "reactord.service is active but does not answer on its control socket",
                    "systemctl restart reactord.service   (services keep running: a restart adopts them)"));
        }
        otherAgent(in.units().get(DRBD_REACTOR), out);
        for (String e : in.configErrors()) {
            out.add(new Finding(null, "configuration error: " + e, "reactorctl check   (then reactorctl edit the snippet)"));
        }
        if (in.drbdError() != null && !in.resources().isEmpty()) {
            out.add(new Finding(null, "cannot read DRBD state: " + in.drbdError(), host.drbdUtils() ? "drbdadm status"
                    : "install drbd-utils (apt-get install drbd-utils) and load the DRBD 9 kernel module (modprobe drbd)"));
        }
        for (PromoterResource r : in.resources().values()) {
            units(r, in, out);
            if (in.drbdError() == null) {
                drbd(r, in.drbd().get(r.name()), out);
            }
            drift(r, in, out);
            String show = in.drbdShow().get(r.name());
            if (show != null) {
                options(r, show, out);
            }
        }
        return out;
    }

    /** drbd-reactor's service, which manages the same resources with the same units. */
    public static final String DRBD_REACTOR = "drbd-reactor.service";

    /**
     * drbd-reactor running or enabled next to reactord: two agents promote and write the same drop-ins. The units
     * conflict (reactord.service has {@code Conflicts=drbd-reactor.service}), so a start of one stops the other,
     * and with both enabled the boot transaction decides which one runs.
     */
    private static void otherAgent(UnitState u, List<Finding> out) {
        if (u == null || "not-found".equals(u.loadState()) || "unknown".equals(u.loadState())) {
            return;
        }
        if (u.active()) {
            out.add(new Finding(null, DRBD_REACTOR + " is active: drbd-reactor and reactord would manage the same resources",
                    "systemctl disable --now " + DRBD_REACTOR + " && systemctl restart reactord.service   (docs/packaging.md,"
                            + " migration)"));
        } else if (u.unitFileState().startsWith("enabled")) {
            out.add(new Finding(null, DRBD_REACTOR + " is enabled: at the next boot it conflicts with reactord.service and"
                    + " one of the two agents is stopped", "systemctl disable " + DRBD_REACTOR));
        }
    }

    private static void units(PromoterResource r, Inputs in, List<Finding> out) {
        String target = SystemdNames.servicesTarget(r.name());
        Path file = in.files().get(r.name());
        UnitState t = in.units().get(target);
        if (t != null && t.masked()) {
            out.add(new Finding(r.name(), target + " is masked: " + r.name() + " cannot start on this node",
                    "reactorctl evict --unmask " + (file == null ? r.name() : file.getFileName())));
        }
        List<String> all = new ArrayList<>(List.of(target, SystemdNames.promoteService(r.name())));
        all.addAll(r.startUnits()); // OCF entries as their ocf.rs@ units
        for (String u : all) {
            UnitState s = in.units().get(u);
            if (s == null) {
                continue;
            }
            if (s.failed()) {
                out.add(new Finding(r.name(), u + " has failed" + (s.result().isEmpty() ? "" : " (" + s.result() + ")"),
                        "journalctl -u " + u + " -n 50; then systemctl reset-failed " + u));
            } else if (!u.equals(target) && s.masked()) {
                out.add(new Finding(r.name(), u + " is masked: the target cannot start", "systemctl unmask " + u));
            } else if ("not-found".equals(s.loadState())) {
                out.add(new Finding(r.name(), u + " does not exist (start list of " + r.name() + ")",
                        "install the unit, or fix the start list: reactorctl edit " + (file == null ? r.name() : file.getFileName())));
            }
            if (s.frozen() && !"active".equals(in.units().getOrDefault(target, UnitState.unknown(target)).activeState())) {
                out.add(new Finding(r.name(), u + " is frozen", "systemctl thaw " + u));
            }
        }
    }

    private static void drbd(PromoterResource r, ResourceInfo info, List<Finding> out) {
        String res = r.name();
        if (info == null) {
            out.add(new Finding(res, "DRBD resource " + res + " does not exist on this node", "drbdadm up " + res));
            return;
        }
        if (info.isSuspended()) {
            out.add(new Finding(res, "I/O is suspended (" + String.join(",", info.suspended()) + "): writers hang",
                    info.suspended().contains("quorum") ? "bring peers back to restore quorum (drbdadm status " + res + ")"
                            : "drbdadm resume-io " + res));
        }
        if (!info.devices().isEmpty() && info.devices().values().stream().anyMatch(d -> Boolean.FALSE.equals(d.quorum()))) {
            out.add(new Finding(res, "this node has lost quorum: it cannot be Primary",
                    "check the peers' connections: drbdadm status " + res));
        }
        boolean anyUpToDate = info.devices().values().stream().anyMatch(d -> d.disk() == DiskState.UP_TO_DATE);
        for (ConnectionInfo c : info.connections().values()) {
            String peer = c.connName() == null ? "node-" + c.peerNodeId() : c.connName();
            if (c.connection() == ConnectionState.STAND_ALONE) {
                out.add(new Finding(res, "connection to " + peer + " is StandAlone (no reconnect attempts; split brain?)",
                        "check the kernel log (journalctl -k | grep -i split-brain), then drbdadm connect " + res + ":" + peer));
            } else if (c.connection() == ConnectionState.CONNECTING) {
                out.add(new Finding(res, "connection to " + peer + " is Connecting (peer unreachable or refusing)",
                        "check the network and the peer: drbdadm status " + res + " on " + peer));
            }
            for (PeerDeviceInfo pd : c.peerDevices().values()) {
                if (pd.peerDisk() == DiskState.UP_TO_DATE) {
                    anyUpToDate = true;
                }
            }
        }
        boolean allBad = !info.devices().isEmpty() && info.devices().values().stream()
                .allMatch(d -> d.disk() == DiskState.OUTDATED || d.disk() == DiskState.INCONSISTENT);
        if (allBad && !anyUpToDate) {
            out.add(new Finding(res, "no node with UpToDate data is visible: nobody can promote",
                    "find the node with the newest data, then there: drbdadm primary --force " + res + " (data loss elsewhere!)"));
        }
        for (DeviceInfo d : info.devices().values()) {
            if (d.disk() == DiskState.DISKLESS && d.client() != io.reactord.events2.TriState.YES) {
                out.add(new Finding(res, "volume " + d.volume() + " has no local disk (detached)",
                        "drbdadm attach " + res + "   (check the backing device first)"));
            }
        }
    }

    /** The target's drop-in differs from what the configuration generates: the daemon runs an older configuration. */
    private static void drift(PromoterResource r, Inputs in, List<Finding> out) {
        String expected = in.expectedDropIns().get(r.name());
        String target = SystemdNames.servicesTarget(r.name());
        UnitState t = in.units().get(target);
        if (expected == null) {
            return;
        }
        String onDisk = in.targetDropIns().get(r.name());
        if (onDisk == null) {
            if (t != null && t.active()) {
                out.add(new Finding(r.name(), target + " is active without reactord's drop-in (started by hand or by another agent)",
                        "systemctl reload reactord.service   (writes the drop-ins; the running services are adopted)"));
            }
        } else if (!onDisk.equals(expected)) {
            out.add(new Finding(r.name(), "the drop-ins on disk differ from the configuration (changed since reactord last applied it)",
                    "systemctl reload reactord.service"));
        }
    }

    /** DRBD options that defeat the promoter, from {@code drbdsetup show RES}. */
    static void options(PromoterResource r, String show, List<Finding> out) {
        String res = r.name();
        Map<String, String> opts = new java.util.HashMap<>();
        Matcher m = OPTION.matcher(show);
        while (m.find()) {
            opts.putIfAbsent(m.group(1), m.group(2));
        }
        if ("yes".equals(opts.get("auto-promote"))) {
            out.add(new Finding(res, "auto-promote yes: any process opening the device can make this node Primary",
                    "set 'auto-promote no;' in the options of " + res + ", then drbdadm adjust " + res));
        }
        String quorum = opts.getOrDefault("quorum", "off");
        if ("off".equals(quorum)) {
            out.add(new Finding(res, "quorum off: the promoter relies on DRBD quorum; two nodes could both promote",
                    "set 'quorum majority;' (and on-no-quorum) in the options of " + res + ", then drbdadm adjust " + res));
        }
        String onNoQuorum = opts.getOrDefault("on-no-quorum", "suspend-io");
        if (r.onQuorumLoss() == QuorumLossPolicy.FREEZE && !"suspend-io".equals(onNoQuorum)) {
            out.add(new Finding(res, "on-quorum-loss = freeze needs DRBD on-no-quorum suspend-io, but it is " + onNoQuorum,
                    "set 'on-no-quorum suspend-io;' for " + res + ", then drbdadm adjust " + res));
        } else if (r.onQuorumLoss() != QuorumLossPolicy.FREEZE && "suspend-io".equals(onNoQuorum) && !"off".equals(quorum)) {
            out.add(new Finding(res, "on-no-quorum suspend-io with on-quorum-loss = shutdown: stopping services can hang on suspended I/O",
                    "set 'on-no-quorum io-error;' for " + res + ", then drbdadm adjust " + res));
        }
    }

    /**
     * The loader's warnings about a configuration directory others can write (the snippets directory, the main
     * file's directory): problem and fix as the loader words them (docs/security.md).
     */
    public static List<Finding> directoryFindings(List<io.reactord.config.Diagnostic> warnings) {
        List<Finding> out = new ArrayList<>();
        for (io.reactord.config.Diagnostic w : warnings) {
            String m = w.message();
            int fix = m.indexOf("; fix with: ");
            if (fix > 0 && (m.startsWith("snippets directory is ") || m.startsWith("the main file's directory is "))) {
                out.add(new Finding(null, w.file() + ": " + m.substring(0, fix), m.substring(fix + "; fix with: ".length())));
            }
        }
        return out;
    }
}
