package io.reactord.ctl;

import io.reactord.agent.files.ConfigFiles;
import io.reactord.agent.files.Snippets;
import io.reactord.config.PromoterResource;
import io.reactord.ctl.support.ConfigOption;
import io.reactord.systemd.Systemctl;
import io.reactord.systemd.SystemdNames;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code reactorctl start-until N|UNIT FILE}: promotes and starts the first units of a (disabled) resource by hand. */
@Command(name = "start-until", mixinStandardHelpOptions = true,
        description = {"Start a resource by hand, up to a unit of its start list.",
                "Promotes (drbd-promote@RES.service), then starts the first N units of the start list, or those",
                "up to and including UNIT. Meant for a disabled snippet while debugging; prints how to return",
                "to normal operation."})
public final class StartUntilCommand implements Callable<Integer> {
    @Mixin
    ConfigOption config = new ConfigOption();

    @Parameters(index = "0", paramLabel = "N|UNIT", description = "how many start units, or the last unit to start")
    String until;

    @Parameters(index = "1", paramLabel = "FILE", description = "the snippet (usually disabled) or resource name")
    String file;

    Systemctl systemctl = Systemctl.fromEnvironment();
    PrintStream out = System.out;
    PrintStream err = System.err;

    @Override
    public Integer call() {
        ConfigFiles cfg = config.load();
        Snippets.Expansion ex = Snippets.expand(cfg, List.of(file), Snippets.Want.EITHER);
        if (ex.files().isEmpty()) {
            err.println("reactorctl start-until: no such snippet or resource: " + file);
            return ExitCodes.NOT_FOUND;
        }
        Path f = ex.files().get(0);
        List<PromoterResource> rs = cfg.resourcesOf(f);
        if (rs.isEmpty()) {
            err.println("reactorctl start-until: " + f + " defines no promoter resource");
            return ExitCodes.NOT_FOUND;
        }
        for (PromoterResource r : rs) {
            List<String> units;
            try {
                units = units(r.start(), until);
            } catch (IllegalArgumentException e) {
                err.println("reactorctl start-until: " + r.name() + ": " + e.getMessage());
                return ExitCodes.USAGE;
            }
            List<String> all = new ArrayList<>();
            all.add(SystemdNames.promoteService(r.name()));
            all.addAll(units);
            for (String u : all) {
                out.println(systemctl.command() + " start " + u);
                try {
                    systemctl.must("start", u);
                } catch (Systemctl.SystemctlException e) {
                    err.println(e.getMessage());
                    return ExitCodes.FAILURE;
                }
            }
            out.println("To return to normal operation:");
            out.println("- " + systemctl.command() + " start " + SystemdNames.servicesTarget(r.name()) + "   # on this node");
            if (Snippets.isDisabled(f)) {
                out.println("- reactorctl enable " + f.getFileName() + "   # on every node");
            }
        }
        return ExitCodes.OK;
    }

    /** The first N units, or those up to and including the named one. */
    static List<String> units(List<String> start, String until) {
        List<String> plain = new ArrayList<>();
        for (String s : start) {
            if (s.startsWith("ocf:")) {
                throw new IllegalArgumentException("OCF start entries are not supported: " + s);
            }
            plain.add(s.strip());
        }
        if (until.matches("\\d+")) {
            int n = Integer.parseInt(until);
            if (n > plain.size()) {
                throw new IllegalArgumentException("the start list has only " + plain.size() + " units");
            }
            return plain.subList(0, n);
        }
        int i = plain.indexOf(until);
        if (i < 0) {
            throw new IllegalArgumentException("'" + until + "' is not in the start list " + plain);
        }
        return plain.subList(0, i + 1);
    }
}
