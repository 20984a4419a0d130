package io.reactord.agent.status;

import io.reactord.events2.ClusterState;
import io.reactord.events2.Events2Parser;
import io.reactord.events2.ResourceInfo;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The cluster as this node's DRBD sees it right now, from one {@code drbdsetup events2 --now all}
 * run through the project's parser and reducer: the local role, disks and quorum and every peer's
 * role, disk and connection. Used when the daemon cannot be asked.
 */
public final class DrbdSnapshot {
    private final ClusterState state;
    private final Map<String, ResourceInfo> resources;
    private final String error;

    private DrbdSnapshot(ClusterState state, Map<String, ResourceInfo> resources, String error) {
        this.state = state;
        this.resources = resources;
        this.error = error;
    }

    private DrbdSnapshot(ClusterState state, String error) {
        this(state, state == null ? null : Map.copyOf(state.resources()), error);
    }

    /** The daemon's own view (its events2 state, copied on its event loop): no drbdsetup run. */
    public static DrbdSnapshot ofResources(Map<String, ResourceInfo> resources) {
        return new DrbdSnapshot(null, Map.copyOf(resources), null);
    }

    /** Whether the resources could be read. */
    public boolean ok() {
        return resources != null;
    }

    /** One resource, or null (not defined here, or nothing could be read). */
    public ResourceInfo resource(String name) {
        return resources == null ? null : resources.get(name);
    }

    /** Runs {@code drbdsetup events2 --now all} with the configured drbdsetup; never throws. */
    public static DrbdSnapshot take(String drbdsetup, long timeoutMs) {
        ProcessBuilder pb = new ProcessBuilder(drbdsetup, "events2", "--now", "all");
        pb.redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        Process p;
        try {
            p = pb.start();
        } catch (IOException e) {
            return failed("cannot run " + drbdsetup + ": " + e.getMessage());
        }
        StringBuilder errText = new StringBuilder();
        Thread err = new Thread(() -> {
            try (var in = p.getErrorStream()) {
                errText.append(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            } catch (IOException e) {
                // the exit status tells
            }
        }, "reactorctl-drbdsetup-stderr");
        err.setDaemon(true);
        err.start();
        ClusterState cs = new ClusterState();
        Thread read = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = r.readLine()) != null) {
                    synchronized (cs) {
                        cs.apply(Events2Parser.parse(line));
                    }
                }
            } catch (IOException e) {
                // the exit status tells
            }
        }, "reactorctl-drbdsetup");
        read.setDaemon(true);
        read.start();
        try {
            if (!p.waitFor(timeoutMs, TimeUnit.MILLISECONDS)) {
                p.destroyForcibly();
                return failed(drbdsetup + " events2 --now: no answer within " + timeoutMs + " ms");
            }
            read.join(timeoutMs);
            err.join(timeoutMs);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            p.destroyForcibly();
            return failed(drbdsetup + " events2 --now: " + e);
        }
        if (p.exitValue() != 0) {
            String msg = errText.toString().strip();
            return failed(drbdsetup + " events2 --now exited " + p.exitValue()
                    + (msg.isEmpty() ? "" : ": " + msg.lines().findFirst().orElse("")));
        }
        synchronized (cs) {
            return new DrbdSnapshot(cs, null);
        }
    }

    /** A snapshot built from lines (tests, or a capture). */
    public static DrbdSnapshot of(List<String> lines) {
        ClusterState cs = new ClusterState();
        for (String l : lines) {
            cs.apply(Events2Parser.parse(l));
        }
        return new DrbdSnapshot(cs, null);
    }

    public static DrbdSnapshot failed(String why) {
        return new DrbdSnapshot(null, why);
    }

    /** The parsed stream, or null when it could not be read or the snapshot is the daemon's. */
    public ClusterState state() {
        return state;
    }

    /** Why there is no state, or null. */
    public String error() {
        return error;
    }
}
