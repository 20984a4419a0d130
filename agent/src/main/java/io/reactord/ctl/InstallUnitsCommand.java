package io.reactord.ctl;

import io.reactord.systemd.InstallUnits;
import io.reactord.systemd.UnitTemplates;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
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

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Path unitDir = dir.toAbsolutePath().normalize();
        Path shimPath = (shim != null ? shim : unitDir.resolve(UnitTemplates.SHIM)).toAbsolutePath().normalize();
        List<InstallUnits.Installed> installed;
        try {
            installed = InstallUnits.install(unitDir, shimPath);
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
        out.flush();
        return ExitCodes.OK;
    }
}
