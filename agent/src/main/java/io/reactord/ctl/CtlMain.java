package io.reactord.ctl;

import io.reactord.ctl.status.QuickStatus;

/**
 * The entry point of {@code reactorctl}. A plain {@code status} while the daemon answers is printed from the
 * daemon's own report ({@link QuickStatus}): no command model, configuration parser or child process in the
 * short-lived JVM. Everything else, and {@code status} without the daemon, runs {@link ReactorCtl}.
 */
public final class CtlMain {
    private CtlMain() {}

    public static void main(String[] args) {
        int rc = QuickStatus.run(args, System.out, System.err);
        if (rc >= 0) {
            System.exit(rc);
        }
        ReactorCtl.main(args);
    }
}
