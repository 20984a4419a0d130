package io.reactord.ctl;

import io.reactord.agent.control.ControlClient;
import io.reactord.agent.control.ControlRequest;
import io.reactord.agent.status.DrbdSnapshot;
import io.reactord.agent.control.status.Terminal;
import io.reactord.agent.files.ConfigFiles;
import io.reactord.config.PromoterResource;
import io.reactord.ctl.doctor.Doctor;
import io.reactord.ctl.doctor.Finding;
import io.reactord.ctl.snippets.DaemonReload;
import io.reactord.ctl.support.ConfigOption;
import io.reactord.events2.ResourceInfo;
import io.reactord.systemd.Systemctl;
import io.reactord.systemd.SystemdNames;
import io.reactord.systemd.UnitState;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code reactorctl doctor}: finds what needs attention and says what to run. */
@Command(name = "doctor", mixinStandardHelpOptions = true,
        description = {"Find what needs attention and print the command to run for each.",
                "Checks the daemon, the configuration, the units and DRBD (connections, quorum, suspended I/O,",
                "data nobody can promote, options that defeat the promoter). Exit status 0 when healthy,",
                "1 when something needs attention."})
public final class DoctorCommand implements Callable<Integer> {
    @Mixin
    ConfigOption config = new ConfigOption();

    Systemctl systemctl = Systemctl.fromEnvironment();
    Terminal terminal = Terminal.detect();
    PrintStream out = System.out;
    PrintStream err = System.err;

    @Override
    public Integer call() {
        ConfigFiles cfg = config.load();
        Map<String, PromoterResource> resources = cfg.resources();
        List<String> units = new ArrayList<>(List.of(DaemonReload.SERVICE, io.reactord.ctl.doctor.Doctor.DRBD_REACTOR));
        Map<String, Path> files = new LinkedHashMap<>();
        for (PromoterResource r : resources.values()) {
            files.put(r.name(), r.source());
            units.add(SystemdNames.servicesTarget(r.name()));
            units.add(SystemdNames.promoteService(r.name()));
            r.startUnits().stream().filter(u -> !units.contains(u)).forEach(units::add);
        }
        Map<String, UnitState> states = new LinkedHashMap<>();
        List<String> errors = new ArrayList<>();
        cfg.errors().forEach(d -> errors.add(d.toString()));
        boolean systemdAnswers = true;
        try {
            states.putAll(systemctl.show(units));
        } catch (Systemctl.SystemctlException e) {
            systemdAnswers = false;
            err.println("reactorctl doctor: cannot read unit states: " + e.getMessage());
        }
        boolean active = states.getOrDefault(DaemonReload.SERVICE, UnitState.unknown(DaemonReload.SERVICE)).active();
        boolean answers = false;
        ControlClient daemon = new ControlClient(cfg.socket(), Duration.ofSeconds(2));
        if (daemon.socketExists()) {
            try {
                daemon.request(new ControlRequest.Status(null));
                answers = true;
            } catch (ControlClient.DaemonException e) {
                answers = e.kind() == ControlClient.DaemonException.Kind.REFUSED;
            }
        }
        DrbdSnapshot snap = resources.isEmpty() ? DrbdSnapshot.failed("no resources") : DrbdSnapshot.take(cfg.drbdsetup(), 3000);
        Map<String, ResourceInfo> drbd = snap.state() == null ? Map.of() : snap.state().resources();
        Map<String, String> shows = new LinkedHashMap<>();
        if (snap.state() != null) {
            for (String r : resources.keySet()) {
                if (drbd.containsKey(r)) {
                    String s = show(cfg.drbdsetup(), r);
                    if (s != null) {
                        shows.put(r, s);
                    }
                }
            }
        }
        Map<String, String> onDisk = new LinkedHashMap<>();
        Map<String, String> expected = new LinkedHashMap<>();
        if (cfg.config() != null) {
            for (PromoterResource r : resources.values()) {
                if (r.runner() != io.reactord.config.Runner.SYSTEMD) {
                    continue;
                }
                String target = SystemdNames.servicesTarget(r.name());
                try {
                    expected.put(r.name(), io.reactord.systemd.DropIns.render(
                            io.reactord.agent.core.SettingsMapper.toPlan(r), Path.of("/usr/lib/reactord/reactord-shim")).get(target));
                    Path f = cfg.config().unitDir().resolve(target + ".d").resolve("reactor.conf");
                    if (java.nio.file.Files.isRegularFile(f)) {
                        onDisk.put(r.name(), java.nio.file.Files.readString(f, StandardCharsets.UTF_8));
                    }
                } catch (IOException | RuntimeException e) {
                    // an unreadable drop-in or a plan the generator refuses: no drift verdict for it
                }
            }
        }
        List<Finding> findings = Doctor.check(new Doctor.Inputs(active || answers, answers || !daemon.socketExists() && !active,
                errors, resources, files, states, drbd, snap.state() == null && !resources.isEmpty() ? snap.error() : null, shows,
                onDisk, expected), Doctor.Host.detect(systemdAnswers));
        findings = new ArrayList<>(findings);
        findings.addAll(Doctor.directoryFindings(cfg.warnings()));
        if (findings.isEmpty()) {
            out.println(terminal.green("✓") + " nothing needs attention (" + resources.size() + " promoter resources checked)");
            return ExitCodes.OK;
        }
        for (Finding f : findings) {
            out.println(terminal.red("✗") + " " + (f.resource() == null ? "" : f.resource() + ": ") + f.problem());
            out.println("    run: " + f.fix());
        }
        out.println(findings.size() + " problem" + (findings.size() == 1 ? "" : "s") + " found");
        out.flush();
        return ExitCodes.FAILURE;
    }

    /** {@code drbdsetup show RES}, or null when it cannot be read. */
    static String show(String drbdsetup, String res) {
        try {
            Process p = new ProcessBuilder(drbdsetup, "show", res).redirectErrorStream(true)
                    .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null"))).start();
            String text = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(3, TimeUnit.SECONDS) || p.exitValue() != 0) {
                p.destroyForcibly();
                return null;
            }
            return text;
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }
}
