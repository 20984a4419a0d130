package io.reactord.ctl;

import io.reactord.systemd.InstallUnits;
import io.reactord.systemd.UnitTemplates;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code reactorctl install-units --dir DIR}: writes reactord's unit templates and the shim they call
 * into DIR (for installs without the Debian package), filling in the shim's absolute path. Files that
 * are already identical are left alone. Prints one line per file; exits 0 on success, 1 when a file
 * cannot be written, 2 for a bad shim path.
 */
@Command(name = "install-units", mixinStandardHelpOptions = true,
        description = {"Install the systemd unit templates (drbd-services@.target, drbd-promote@.service, "
                + "drbd-demote-or-escalate@.service, ocf.rs@.service, reactord.service, reactord-reload.path/.service) "
                + "and the reactord-shim and reactord-ocf scripts (side by side).",
                "Identical files are left alone. Run 'systemctl daemon-reload' afterwards."})
public final class InstallUnitsCommand implements Callable<Integer> {

    @Option(names = "--dir", required = true, paramLabel = "DIR",
            description = "unit directory to write to, e.g. /etc/systemd/system")
    Path dir;

    @Option(names = "--shim", paramLabel = "PATH",
            description = "where to install the shim (default: DIR/" + UnitTemplates.SHIM + ")")
    Path shim;

    @Option(names = "--reactord", paramLabel = "PATH",
            description = "the reactord the service runs, when not /usr/sbin/reactord (e.g. bin/reactord of a checkout):"
                    + " written as the drop-in reactord.service.d/exec.conf")
    Path reactord;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Path unitDir = dir.toAbsolutePath().normalize();
        Path shimPath = (shim != null ? shim : unitDir.resolve(UnitTemplates.SHIM)).toAbsolutePath().normalize();
        for (Path p : List.of(unitDir, shimPath.getParent())) {
            Path parent = p.getParent();
            if (parent != null && !Files.isDirectory(parent)) {
                err.println("install-units: " + parent + " does not exist, so " + p + " is not created: check the path"
                        + " (systemd reads /etc/systemd/system); create the directory first if it is right");
                err.flush();
                return ExitCodes.USAGE;
            }
        }
        Path exec = reactord == null ? null : reactord.toAbsolutePath().normalize();
        if (exec != null && !Files.isExecutable(exec)) {
            err.println("install-units: --reactord " + reactord + " is not an executable file");
            err.flush();
            return ExitCodes.USAGE;
        }
        List<InstallUnits.Installed> installed;
        try {
            installed = new ArrayList<>(InstallUnits.install(unitDir, shimPath));
            if (exec != null) {
                installed.add(execDropIn(unitDir, exec));
            }
        } catch (IllegalArgumentException e) {
            err.println("install-units: " + e.getMessage());
            err.flush();
            return ExitCodes.USAGE;
        } catch (UncheckedIOException e) {
            err.println("install-units: " + e.getMessage());
            err.flush();
            return ExitCodes.FAILURE;
        }
        long written = installed.stream().filter(InstallUnits.Installed::written).count();
        for (InstallUnits.Installed i : installed) {
            out.println((i.written() ? "wrote     " : "unchanged ") + i.file());
        }
        if (written > 0) {
            out.println(written + " file(s) written; run 'systemctl daemon-reload'");
        }
        if (exec == null && !Files.isExecutable(Path.of("/usr/sbin/reactord"))) {
            out.println("note: reactord.service runs /usr/sbin/reactord, which is not installed here; from a checkout add"
                    + " --reactord /path/to/checkout/bin/reactord");
        }
        out.flush();
        return ExitCodes.OK;
    }

    /**
     * reactord.service.d/exec.conf: runs {@code exec} instead of /usr/sbin/reactord. The service's sandbox hides /root
     * and /home (ProtectHome) and /tmp (PrivateTmp); a checkout there is made visible again.
     */
    private static InstallUnits.Installed execDropIn(Path unitDir, Path exec) {
        Path file = unitDir.resolve("reactord.service.d/exec.conf");
        String text = "# Written by reactorctl install-units --reactord: run this reactord instead of /usr/sbin/reactord.\n"
                + "[Service]\nExecStart=\nExecStart=" + exec + "\n"
                + (exec.startsWith("/root") || exec.startsWith("/home") ? "ProtectHome=read-only\n" : "")
                + (exec.startsWith("/tmp") || exec.startsWith("/var/tmp") ? "PrivateTmp=no\n" : "");
        try {
            Files.createDirectories(file.getParent());
            boolean same = Files.exists(file) && Files.readString(file).equals(text);
            if (!same) {
                Path tmp = file.resolveSibling(".exec.conf.tmp");
                Files.writeString(tmp, text);
                Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            }
            return new InstallUnits.Installed(file, !same);
        } catch (java.io.IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
