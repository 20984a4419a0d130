package io.reactord.ctl;

import io.reactord.ctl.cluster.ClusterArgs;
import io.reactord.ctl.status.QuickStatus;

/**
 * The entry point of {@code reactorctl}. A plain {@code status} while the daemon answers is printed from the
 * daemon's own report ({@link QuickStatus}): no command model, configuration parser or child process in the
 * short-lived JVM; a plain {@code replay} runs without the command model too ({@link QuickReplay}). Everything
 * else, and {@code status} without the daemon, runs {@link ReactorCtl}. No command
 * means {@code status}, as with drbd-reactorctl; drbd-reactorctl's {@code --context}/{@code --nodes} run the command
 * on other nodes too ({@link Clustered}), {@code --local} here only.
 */
public final class CtlMain {
    private CtlMain() {}

    public static void main(String[] args) {
        fastSelectorProvider();
        ClusterArgs ca = ClusterArgs.parse(args);
        if (ca.error() != null) {
            System.err.println("reactorctl: " + ca.error());
            System.exit(ExitCodes.USAGE);
        }
        String[] line = ReactorCtl.configFirst(ReactorCtl.statusByDefault(ca.restArray()));
        if (!ca.local()) {
            int rc = Clustered.run(ca, line, System.getenv(), System.out, System.err);
            if (rc >= 0) {
                System.exit(rc);
            }
        }
        int rc = QuickStatus.run(line, System.out, System.err);
        if (rc < 0) {
            rc = QuickReplay.run(line, System.out, System.err);
        }
        if (rc >= 0) {
            System.exit(rc);
        }
        ReactorCtl.main(line);
    }

    /**
     * Names the JDK's own socket provider, which it would otherwise look up as a service on the class path
     * (opening the jar: some 17 ms of a status run). Only when that class is there and nobody chose another.
     */
    static void fastSelectorProvider() {
        String key = "java.nio.channels.spi.SelectorProvider";
        String linux = "sun.nio.ch.EPollSelectorProvider";
        if (System.getProperty(key) != null) {
            return;
        }
        try {
            Class.forName(linux, false, null); // loaded anyway by the first socket
            System.setProperty(key, linux);
        } catch (ClassNotFoundException | LinkageError e) {
            // another JDK: the service lookup finds its provider
        }
    }
}
