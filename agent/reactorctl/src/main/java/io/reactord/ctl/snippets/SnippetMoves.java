package io.reactord.ctl.snippets;

import io.reactord.agent.files.ConfigFiles;
import io.reactord.agent.files.Snippets;
import io.reactord.config.ConfigLoader;
import io.reactord.config.LoadResult;
import io.reactord.config.PromoterResource;
import io.reactord.systemd.Systemctl;
import io.reactord.systemd.SystemdNames;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;

/** Enabling and disabling snippets (renames within the snippets directory) and stopping their targets. */
public final class SnippetMoves {
    private SnippetMoves() {}

    /**
     * Renames each enabled snippet to {@code .toml.disabled}; returns the new paths. Problems are printed
     * to {@code err} and counted in {@code failures}.
     */
    public static List<Path> disable(List<Path> files, PrintStream out, PrintStream err, int[] failures) {
        List<Path> done = new ArrayList<>();
        for (Path f : files) {
            if (Snippets.isDisabled(f)) {
                err.println("'" + f + "' is already disabled");
                continue;
            }
            Path to = Snippets.disabledPath(f);
            if (Files.exists(to)) {
                err.println("'" + to + "' already exists; not disabling " + f);
                failures[0]++;
                continue;
            }
            try {
                Files.move(f, to, StandardCopyOption.ATOMIC_MOVE);
                out.println("Disabled " + f + " (now " + to.getFileName() + ")");
                done.add(to);
            } catch (IOException e) {
                err.println("cannot disable " + f + ": " + e.getMessage());
                failures[0]++;
            }
        }
        return done;
    }

    /** Renames each disabled snippet back to {@code .toml} after checking it loads; returns the new paths. */
    public static List<Path> enable(List<Path> files, PrintStream out, PrintStream err, int[] failures) {
        List<Path> done = new ArrayList<>();
        for (Path f : files) {
            if (!Snippets.isDisabled(f)) {
                err.println("'" + f + "' is already enabled");
                continue;
            }
            Path to = Snippets.enabledPath(f);
            if (Files.exists(to)) {
                err.println("'" + to + "' already exists; not enabling " + f);
                failures[0]++;
                continue;
            }
            LoadResult r = ConfigLoader.loadSnippets(List.of(f));
            if (!r.ok()) {
                err.println("not enabling " + f + ", it has errors:");
                r.errors().forEach(e -> err.println("  " + e));
                failures[0]++;
                continue;
            }
            try {
                Files.move(f, to, StandardCopyOption.ATOMIC_MOVE);
                out.println("Enabled " + to);
                done.add(to);
            } catch (IOException e) {
                err.println("cannot enable " + f + ": " + e.getMessage());
                failures[0]++;
            }
        }
        return done;
    }

    /** Stops the services target of every promoter resource defined in {@code files}. */
    public static void stopTargets(ConfigFiles cfg, List<Path> files, Systemctl sc, PrintStream out, PrintStream err, int[] failures) {
        for (Path f : files) {
            for (PromoterResource r : cfg.resourcesOf(f)) {
                String target = SystemdNames.servicesTarget(r.name());
                try {
                    sc.must("stop", target);
                    out.println("Stopped " + target);
                } catch (Systemctl.SystemctlException e) {
                    err.println(e.getMessage());
                    failures[0]++;
                }
            }
        }
    }

    /**
     * Tells a running daemon {@code disable} (with {@code now}) or {@code enable} for every promoter
     * resource of {@code files} over the control socket, so it acts at once however it was started; the
     * reload through systemd then makes the file change stick. Without a daemon nothing is sent.
     */
    public static void tellDaemon(ConfigFiles cfg, List<String> resources, String cmd, boolean now, PrintStream out) {
        io.reactord.agent.control.ControlClient d = new io.reactord.agent.control.ControlClient(cfg.socket(), java.time.Duration.ofSeconds(5));
        if (!d.socketExists()) {
            return;
        }
        for (String name : resources) {
            io.reactord.agent.control.ControlRequest req = "disable".equals(cmd)
                    ? new io.reactord.agent.control.ControlRequest.Disable(name, now)
                    : new io.reactord.agent.control.ControlRequest.Enable(name);
            try {
                d.request(req);
                out.println("reactord: " + cmd + (now ? " --now " : " ") + name);
            } catch (io.reactord.agent.control.ControlClient.DaemonException e) {
                out.println("reactord did not take '" + cmd + " " + name + "': " + e.getMessage());
            }
        }
    }

    /** The promoter resources the files define (read now, before they are renamed). */
    public static List<String> names(ConfigFiles cfg, List<Path> files) {
        List<String> out = new ArrayList<>();
        for (Path f : files) {
            cfg.resourcesOf(f).forEach(r -> out.add(r.name()));
        }
        return out;
    }

    /** Reloads the daemon and prints what happened; a failure is counted. */
    public static void reload(Systemctl sc, PrintStream out, PrintStream err, int[] failures) {
        try {
            out.println(DaemonReload.reload(sc));
        } catch (Systemctl.SystemctlException e) {
            err.println("cannot reload reactord: " + e.getMessage());
            failures[0]++;
        }
    }
}
