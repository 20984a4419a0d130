package io.reactord.it;

import io.reactord.it.inprocess.InProcessBackend;
import io.reactord.it.real.RealSystemdBackend;
import io.reactord.sim.SimTiming;
import java.util.function.Supplier;

/** Names of the timing profiles and backends used on command lines. */
public final class Profiles {
    private Profiles() {
    }

    /** {@code fast} or {@code realistic} (see {@link SimTiming}). */
    public static SimTiming timing(String name) {
        return switch (name) {
            case "fast" -> SimTiming.fast();
            case "realistic" -> SimTiming.realistic();
            default -> throw new IllegalArgumentException("unknown timing profile '" + name
                    + "' (fast, realistic)");
        };
    }

    /** {@code in-process} or {@code real-systemd}. */
    public static Supplier<Backend> backend(String name) {
        return switch (name) {
            case "in-process" -> InProcessBackend::new;
            case "real-systemd" -> RealSystemdBackend::new;
            default -> throw new IllegalArgumentException("unknown backend '" + name
                    + "' (in-process, real-systemd)");
        };
    }
}
