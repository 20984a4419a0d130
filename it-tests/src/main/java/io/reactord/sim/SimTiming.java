package io.reactord.sim;

/**
 * How long DRBD's timed transitions take in the simulator, in milliseconds of virtual time. The live
 * {@link SimServer} runs virtual time at real speed, so these are also real delays there.
 *
 * @param detectCrashMs     a peer notices a crashed node (the TCP connection is reset; ping-timeout bound)
 * @param detectPartitionMs a peer notices a cut link (ping-int + ping-timeout; also the one-way case)
 * @param teardownStepMs    between NetworkFailure → Unconnected → Connecting
 * @param connectMs         Connecting → Connected once both directions of a link work (connect-int)
 * @param reconfirmMs       Consistent → UpToDate after an unclean loss of a Primary, in a quorate partition
 * @param resyncMs          duration of a resync (SyncTarget Inconsistent → UpToDate)
 */
public record SimTiming(long detectCrashMs, long detectPartitionMs, long teardownStepMs, long connectMs,
                        long reconfirmMs, long resyncMs) {

    public SimTiming {
        if (detectCrashMs < 0 || detectPartitionMs < 0 || teardownStepMs < 0 || connectMs < 0 || reconfirmMs < 0
                || resyncMs < 0) {
            throw new IllegalArgumentException("timings must be >= 0");
        }
    }

    /** Everything takes zero virtual time (still in the same order); for unit tests. */
    public static SimTiming instant() {
        return new SimTiming(0, 0, 0, 0, 0, 0);
    }

    /** Short delays (10–50 ms) for fast end-to-end tests. */
    public static SimTiming fast() {
        return new SimTiming(20, 40, 10, 50, 20, 200);
    }

    /**
     * Delays of the order DRBD's defaults produce: ping-timeout 0.5 s, ping-int 10 s (a cut link is typically
     * seen within a few seconds), connect-int 10 s (first retry sooner), a few seconds of resync.
     */
    public static SimTiming realistic() {
        return new SimTiming(500, 6000, 100, 3000, 500, 5000);
    }
}
