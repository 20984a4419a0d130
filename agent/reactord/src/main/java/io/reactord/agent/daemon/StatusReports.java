package io.reactord.agent.daemon;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.reactord.agent.control.ReportAnswer;
import io.reactord.agent.control.ReportRequest;
import io.reactord.agent.status.DaemonState;
import io.reactord.agent.status.DaemonViews;
import io.reactord.agent.status.DrbdSnapshot;
import io.reactord.agent.status.StatusCollector;
import io.reactord.agent.status.StatusRun;
import io.reactord.agent.control.status.Terminal;
import io.reactord.agent.files.ConfigFiles;
import io.reactord.events2.ResourceInfo;
import io.reactord.systemd.DbusUnitStates;
import io.reactord.systemd.Systemctl;
import io.reactord.systemd.UnitState;
import io.reactord.systemd.UnitStateSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code report} request: the daemon produces {@code reactorctl status} itself, so the command only
 * prints it (no configuration parsing, no child process and no JSON library in a short-lived JVM). The
 * report is the one reactorctl would gather: the configuration files as they are now, the units from this
 * daemon's D-Bus connection instead of a {@code systemctl show} (which reads every property of every unit),
 * DRBD from this daemon's events2 state instead of a {@code drbdsetup} run, and the promoter state from
 * this daemon.
 */
final class StatusReports {
    private static final Logger LOG = LoggerFactory.getLogger(StatusReports.class);

    /** The configuration of the last report, reused while no file of it changed (reports run one at a time). */
    private final ConfigCache cache = new ConfigCache();

    private final Daemon d;
    private final DaemonControl control;

    StatusReports(Daemon d, DaemonControl control) {
        this.d = d;
        this.control = control;
    }

    ObjectNode answer(ReportRequest req) {
        Path mine = d.config().mainFile().toAbsolutePath().normalize();
        if (req.config() != null && !req.config().toAbsolutePath().normalize().equals(mine)) {
            throw new IllegalArgumentException("this reactord runs with " + mine);
        }
        synchronized (cache) {
            return render(req, cache.config(mine)).toJson();
        }
    }

    private ReportAnswer render(ReportRequest req, ConfigFiles cfg) {
        StatusCollector c = new StatusCollector(cfg, this::units, this::drbd, new Own(cfg.socket()));
        StatusRun.Output o = StatusRun.run(c, req.files(), req.resources(), req.verbose(), req.json(), new Terminal(req.colour()));
        return new ReportAnswer(o.stdout(), o.stderr(), o.exit());
    }

    /**
     * The units from this daemon's D-Bus connection (one {@code ListUnitsByNames} and a few property reads);
     * without a connection, or when that fails, from {@code systemctl show}, which may still reach the manager.
     */
    private Map<String, UnitState> units(List<String> names) throws UnitStateSource.Unreadable {
        try {
            return new DbusUnitStates(d.systemd(), DaemonControl.LOOP_TIMEOUT_S).read(names);
        } catch (UnitStateSource.Unreadable e) {
            if (Thread.currentThread().isInterrupted()) {
                throw e;
            }
            LOG.debug("status report: unit states over D-Bus failed ({}); asking systemctl", e.getMessage());
            return Systemctl.fromEnvironment().read(names);
        }
    }

    /** This daemon's events2 state, copied on the event loop (its resource trees are immutable). */
    private DrbdSnapshot drbd() {
        try {
            Map<String, ResourceInfo> rs = d.loop().call(() -> Map.copyOf(d.core().cluster().resources()))
                    .get(DaemonControl.LOOP_TIMEOUT_S, TimeUnit.SECONDS);
            return d.core().dumpComplete() ? DrbdSnapshot.ofResources(rs)
                    : DrbdSnapshot.failed("reactord has not read the initial events2 state yet");
        } catch (Exception e) {
            return DrbdSnapshot.failed("the event loop did not answer: " + e);
        }
    }

    /** This daemon's promoter state and journal for the report, read directly (no request to itself). */
    private final class Own implements DaemonState {
        private final Path socket;

        Own(Path socket) {
            this.socket = socket;
        }

        @Override
        public Path socket() {
            return socket;
        }

        @Override
        public boolean present() {
            return true;
        }

        @Override
        public Map<String, Map<String, Object>> resources() throws Unavailable {
            try {
                return DaemonViews.resources(control.statusAnswer());
            } catch (RuntimeException e) {
                throw new Unavailable(e.getMessage());
            }
        }

        @Override
        public List<Object> journal(String resource, int limit) throws Unavailable {
            try {
                return DaemonViews.records(control.journalAnswer(resource, limit));
            } catch (RuntimeException e) {
                throw new Unavailable(e.getMessage());
            }
        }
    }

    /**
     * The configuration as reactorctl reads it, parsed again only when the main file or an entry of the
     * snippets directory changed (name, size or modification time), or the directory itself did.
     */
    private static final class ConfigCache {
        private List<String> signature;
        private ConfigFiles config;

        ConfigFiles config(Path main) {
            List<String> now = config == null ? null : signature(main, config.snippetsDir());
            if (now == null || !now.equals(signature)) {
                config = ConfigFiles.load(main);
                signature = signature(main, config.snippetsDir());
            }
            return config;
        }

        private static List<String> signature(Path main, Path dir) {
            List<String> out = new ArrayList<>();
            out.add(stamp(main));
            out.add(stamp(dir));
            try (java.util.stream.Stream<Path> s = Files.list(dir)) {
                s.sorted().forEach(p -> out.add(stamp(p)));
            } catch (IOException | RuntimeException e) {
                out.add("unlisted");
            }
            return out;
        }

        private static String stamp(Path p) {
            try {
                BasicFileAttributes a = Files.readAttributes(p, BasicFileAttributes.class);
                return p + " " + a.size() + " " + a.lastModifiedTime().toMillis() + " " + a.fileKey();
            } catch (IOException e) {
                return p + " missing";
            }
        }
    }
}
