package io.reactord.systemd;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Unit states over an open D-Bus connection ({@link SystemdClient#unitStates}: one {@code ListUnitsByNames} and the
 * few property reads it lacks), waiting at most the given time. The daemon's {@link UnitStateSource}.
 */
public final class DbusUnitStates implements UnitStateSource {
    private final SystemdClient client;
    private final long timeoutSeconds;

    public DbusUnitStates(SystemdClient client, long timeoutSeconds) {
        this.client = client;
        this.timeoutSeconds = timeoutSeconds;
    }

    @Override
    public Map<String, UnitState> read(List<String> units) throws Unreadable {
        try {
            Map<String, UnitState> out = new LinkedHashMap<>();
            for (UnitState u : client.unitStates(units).get(timeoutSeconds, TimeUnit.SECONDS)) {
                out.put(u.unit(), u);
            }
            return out;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Unreadable("interrupted");
        } catch (ExecutionException e) {
            throw new Unreadable(String.valueOf(e.getCause()));
        } catch (TimeoutException e) {
            throw new Unreadable("systemd did not answer within " + timeoutSeconds + " s");
        }
    }
}
