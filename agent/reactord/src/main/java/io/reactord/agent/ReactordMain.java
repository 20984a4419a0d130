package io.reactord.agent;

import io.reactord.agent.daemon.Daemon;
import io.reactord.agent.daemon.Signals;
import io.reactord.agent.runtime.Logging;
import io.reactord.agent.runtime.Version;
import io.reactord.config.ConfigLoader;
import io.reactord.config.HostInfo;
import io.reactord.config.LoadResult;
import io.reactord.systemd.UnitTemplates;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code reactord}: the per-node daemon. */
@Command(
        name = "reactord",
        mixinStandardHelpOptions = true,
        versionProvider = Version.class,
        description = "DRBD high-availability agent: tails drbdsetup events2 and starts/stops systemd targets.")
public final class ReactordMain implements Callable<Integer> {

    @Option(names = {"-c", "--config"}, description = "main configuration file (default: ${DEFAULT-VALUE})")
    Path config = ConfigLoader.DEFAULT_MAIN_FILE;

    @Option(names = "--allow-tty", description = "run although stdin is a terminal (reactord is meant to be started by systemd)")
    boolean allowTty;

    @Option(names = {"-v", "--verbose"}, description = "log at debug level")
    boolean verbose;

    @Option(names = "--log-level", description = "error, warn, info, debug or trace (default: the [[log]] tables of the"
            + " configuration, else info)")
    String logLevel;

    @Option(names = "--hostname", description = "this node's name as DRBD peers know it (default: uname -n)")
    String hostname;

    @Option(names = "--shim", description = "absolute path of reactord-shim used in drop-ins (default: ${DEFAULT-VALUE})")
    Path shim = UnitTemplates.DEFAULT_SHIM;

    @Option(names = "--drbdadm", description = "drbdadm command for adjust-resource-on-start (default: ${DEFAULT-VALUE})")
    String drbdadm = "drbdadm";

    @Override
    public Integer call() {
        if (System.console() != null && !allowTty) {
            System.err.println("reactord: refusing to run on a terminal; it is started by systemd"
                    + " (use --allow-tty to run it by hand, or 'reactorctl' to talk to it)");
            return 2;
        }
        Logging.configure(verbose ? "debug" : logLevel != null ? logLevel : "info");
        String host = hostname != null ? hostname : HostInfo.detect().hostname();
        if (host == null || host.isEmpty()) {
            System.err.println("reactord: cannot determine this node's name; pass --hostname");
            return 2;
        }
        boolean root = HostInfo.detect().asRoot();
        Supplier<LoadResult> loader = () -> ConfigLoader.withHost(host, root).loadMain(config);
        long loadStart = System.currentTimeMillis();
        LoadResult lr = loader.get();
        lr.warnings().forEach(w -> System.err.println("reactord: warning: " + w));
        if (!lr.ok()) {
            lr.errors().forEach(e -> System.err.println("reactord: " + e));
            if (lr.usable() == null) {
                return 1;
            }
            System.err.println("reactord: " + lr.rejected().size() + " configuration file(s) rejected, managing the"
                    + " resources of the others: " + lr.rejected());
        }
        if (!verbose && logLevel == null) {
            Logging.apply(lr.usable().logs()).forEach(p -> System.err.println("reactord: warning: " + p));
        }
        Daemon daemon = new Daemon(lr.usable(), new Daemon.Options(host, shim, drbdadm, loader, verbose || logLevel != null,
                loadStart));
        Signals.install(daemon);
        return daemon.run();
    }

    public static void main(String[] args) {
        System.exit(new CommandLine(new ReactordMain()).execute(args));
    }
}
