package io.reactord.systemd;

import java.util.List;
import java.util.Map;

/**
 * Where unit states are read from: the daemon's D-Bus connection ({@link DbusUnitStates}) or the forked
 * {@code systemctl show}/{@code busctl} of reactorctl ({@link Systemctl}). A status report reads through this port
 * and does not know which.
 */
@FunctionalInterface
public interface UnitStateSource {
    /**
     * The state of each unit, keyed by name in the order asked; a unit the source cannot name (an invalid name) may
     * be left out. Fails with a one-line message when systemd cannot be read.
     */
    Map<String, UnitState> read(List<String> units) throws Unreadable;

    /** systemd could not be read; the message is one line. */
    final class Unreadable extends Exception {
        private static final long serialVersionUID = 1L;

        public Unreadable(String message) {
            super(message);
        }
    }
}
