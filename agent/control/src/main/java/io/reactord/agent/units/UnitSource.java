package io.reactord.agent.units;

import java.util.List;
import java.util.Map;

/**
 * Where a status report reads unit states from: {@code systemctl show} in reactorctl ({@link Systemctl#show}),
 * the daemon's own D-Bus connection when the daemon renders the report.
 */
@FunctionalInterface
public interface UnitSource {
    /** The state of each unit, in the order asked; fails with a one-line message when systemd cannot be read. */
    Map<String, UnitState> read(List<String> units) throws Exception;
}
