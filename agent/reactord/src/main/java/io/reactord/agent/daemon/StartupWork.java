package io.reactord.agent.daemon;

import io.reactord.config.PromoterResource;
import io.reactord.config.QuorumLossPolicy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Start-up work per resource, before the events2 stream starts: {@code drbdadm adjust RES} (after
 * waiting, bounded, for the backing devices {@code drbdadm sh-ll-dev RES} names) and the DRBD option
 * check. Runs on the main thread before the event loop decides anything.
 */
final class StartupWork {
    private static final Logger LOG = LoggerFactory.getLogger(StartupWork.class);
    static final long BACKING_WAIT_MS = 60_000;

    private final String drbdsetup;
    private final String drbdadm;
    private boolean warnedUnreadable;

    StartupWork(String drbdsetup, String drbdadm) {
        this.drbdsetup = drbdsetup;
        this.drbdadm = drbdadm;
    }

    /** {@code drbdadm adjust RES}, after waiting for the backing devices. Never throws. */
    void adjust(PromoterResource r) {
        Exec.Result ll = Exec.run(List.of(drbdadm, "sh-ll-dev", r.name()), 10);
        if (ll.status() == -1) {
            LOG.warn("{}: cannot run {} ({}); skipping adjust-resource-on-start", r.name(), drbdadm, ll.error());
            return;
        }
        List<Path> missing = new ArrayList<>();
        for (String line : ll.stdout().split("\n")) {
            String dev = line.strip();
            if (dev.startsWith("/") && !dev.equals("none")) {
                missing.add(Path.of(dev));
            }
        }
        long deadline = System.nanoTime() + BACKING_WAIT_MS * 1_000_000;
        missing.removeIf(Files::exists);
        if (!missing.isEmpty()) {
            LOG.info("{}: waiting up to {} s for backing devices {}", r.name(), BACKING_WAIT_MS / 1000, missing);
            while (!missing.isEmpty() && System.nanoTime() < deadline) {
                try {
                    Thread.sleep(500);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
                missing.removeIf(Files::exists);
            }
            if (!missing.isEmpty()) {
                LOG.warn("{}: backing devices {} did not appear within {} s; adjusting anyway", r.name(), missing, BACKING_WAIT_MS / 1000);
            }
        }
        Exec.Result a = Exec.run(List.of(drbdadm, "adjust", r.name()), 60);
        if (a.status() != 0) {
            LOG.warn("{}: 'drbdadm adjust {}' failed (status {}{})", r.name(), r.name(), a.status(),
                    a.error().isEmpty() ? "" : ", " + a.error());
        } else {
            LOG.info("{}: drbdadm adjust done", r.name());
        }
    }

    /**
     * Reads and checks the DRBD options of several resources with one {@code drbdsetup show all} (a start with a
     * hundred resources spawns one process, not a hundred); a resource missing from that output, or every resource
     * when it fails, is read on its own. Logs the warnings.
     */
    Map<String, DrbdOptions> checkAll(List<PromoterResource> rs) {
        Map<String, DrbdOptions> out = new LinkedHashMap<>();
        Map<String, DrbdOptions> all = Map.of();
        if (rs.size() > 1) {
            Exec.Result s = Exec.run(List.of(drbdsetup, "show", "all", "--show-defaults", "--json"), 10);
            all = s.status() == 0 ? DrbdOptions.parseAll(s.stdout()) : Map.of();
        }
        for (PromoterResource r : rs) {
            DrbdOptions o = all.get(r.name());
            out.put(r.name(), o == null ? check(r) : warn(r, o));
        }
        return out;
    }

    /** Reads and checks the DRBD options; logs the warnings. */
    DrbdOptions check(PromoterResource r) {
        Exec.Result s = Exec.run(List.of(drbdsetup, "show", r.name(), "--show-defaults", "--json"), 10);
        DrbdOptions o = s.status() == 0 ? DrbdOptions.parse(s.stdout()) : DrbdOptions.ASSUMED;
        if (!o.readable()) {
            if (!warnedUnreadable) {
                warnedUnreadable = true;
                LOG.warn("cannot read DRBD options ('{} show {} --show-defaults --json' {}); proceeding as with quorum majority"
                        + " and no fencing (logged once)", drbdsetup, r.name(),
                        s.status() == 0 ? "printed no JSON" : "failed: " + (s.error().isEmpty() ? "status " + s.status() : s.error()));
            }
            return o;
        }
        return warn(r, o);
    }

    private static DrbdOptions warn(PromoterResource r, DrbdOptions o) {
        for (String w : o.warnings(r.name(), QuorumLossPolicy.valueOf(r.onQuorumLoss().name()))) {
            LOG.warn(w);
        }
        return o;
    }
}
