package io.reactord.systemd.harness;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * A private, real systemd service manager ({@code systemd --user}, run as root) with its own D-Bus
 * bus, for integration tests on a machine whose PID 1 need not be systemd.
 *
 * <p>How it is contained: the launcher first moves itself into fresh cgroups of its own (one per
 * hierarchy, below the test JVM's cgroups) — systemd moves every process of the cgroup it starts in
 * into its {@code init.scope}, and started in a shared cgroup it would take the host's processes
 * along. It then enters a private mount namespace with a tmpfs on {@code /run/systemd} (systemd
 * refuses to run as a user instance unless {@code /run/systemd/system} exists) and execs systemd.
 * The manager runs its own {@code dbus.socket}/{@code dbus.service}, like a real user session; it
 * finds units in {@code <state>/run/systemd/user} (where runtime masks go), then in {@link #unitDir()},
 * then in {@code /usr/lib/systemd/user}.
 *
 * <p>{@link #close()} stops the manager, kills leftovers by PID within its cgroups and removes the
 * cgroups; the mount namespace ends with its last process. A JVM shutdown hook closes managers a
 * test left running. Several managers can run side by side.
 */
public final class PrivateSystemd implements AutoCloseable {
    /** Set to 1 (CI does) to make tests fail instead of skip when no private systemd can run. */
    public static final String REQUIRE_ENV = "REACTORD_REQUIRE_SYSTEMD";

    private static final Path SYSTEMD = Path.of("/lib/systemd/systemd");
    private static final Path DBUS_DAEMON = Path.of("/usr/bin/dbus-daemon");
    private static final Path CGROUP_ROOT = Path.of("/sys/fs/cgroup");
    private static final List<String> SKIPPED_HIERARCHIES =
            List.of("cpuset", "net_cls", "net_prio", "net_cls,net_prio", "perf_event", "hugetlb", "rdma", "misc");
    private static final AtomicInteger SEQ = new AtomicInteger();

    private final Path state;
    private final List<Path> cgroups;
    private final Process process;
    private final Thread shutdownHook;
    private volatile boolean closed;

    private PrivateSystemd(Path state, List<Path> cgroups, Process process) {
        this.state = state;
        this.cgroups = cgroups;
        this.process = process;
        this.shutdownHook = new Thread(this::closeQuietly, "private-systemd-cleanup");
        Runtime.getRuntime().addShutdownHook(shutdownHook);
    }

    /** Why a private systemd cannot run here, or empty when it can. */
    public static Optional<String> availability() {
        if (!isRoot()) {
            return Optional.of("needs root (to create cgroups and a mount namespace)");
        }
        if (!Files.isExecutable(SYSTEMD)) {
            return Optional.of("no systemd binary at " + SYSTEMD);
        }
        if (!Files.isExecutable(DBUS_DAEMON)) {
            return Optional.of("no dbus-daemon at " + DBUS_DAEMON);
        }
        for (String tool : List.of("unshare", "setsid", "systemctl", "busctl", "mount")) {
            if (Commands.which(tool).isEmpty()) {
                return Optional.of("no '" + tool + "' in PATH");
            }
        }
        if (!Files.exists(Path.of("/usr/lib/systemd/user/basic.target"))) {
            return Optional.of("no /usr/lib/systemd/user/basic.target");
        }
        if (Cgroups.hierarchies(CGROUP_ROOT, SKIPPED_HIERARCHIES).isEmpty()) {
            return Optional.of("no writable cgroup hierarchy under " + CGROUP_ROOT);
        }
        return Optional.empty();
    }

    /** Skips the calling test when no private systemd can run, or fails it when {@value #REQUIRE_ENV}=1. */
    public static void assumeSystemdOrFail() {
        Optional<String> why = availability();
        if (why.isEmpty()) {
            return;
        }
        if ("1".equals(System.getenv(REQUIRE_ENV))) {
            Assertions.fail(REQUIRE_ENV + "=1 but a private systemd cannot run here: " + why.get());
        }
        Assumptions.abort("private systemd unavailable, test skipped: " + why.get());
    }

    /** Starts a manager keeping its state (units, runtime dir, log) in {@code stateDir}. */
    public static PrivateSystemd start(Path stateDir) throws IOException {
        return start(stateDir, List.of());
    }

    /**
     * Like {@link #start(Path)}, with the launch command prefixed by {@code prefix}, which must exec
     * (not fork) its argument, e.g. {@code nsenter --net=/run/netns/node1} to run the manager and its
     * units in a network namespace.
     */
    public static PrivateSystemd start(Path stateDir, List<String> prefix) throws IOException {
        return start(stateDir, prefix, Map.of());
    }

    /**
     * Like {@link #start(Path, List)}, with files bind-mounted over existing ones inside the manager's
     * private mount namespace (key: the file seen by the units, value: what it shows), e.g. a fake
     * {@code drbdsetup} over {@code /usr/sbin/drbdsetup} for units that call it by absolute path.
     */
    public static PrivateSystemd start(Path stateDir, List<String> prefix, Map<Path, Path> binds) throws IOException {
        Path state = Files.createDirectories(stateDir).toRealPath();
        for (String d : List.of("run", "units", "config", "cache", "data")) {
            Files.createDirectories(state.resolve(d));
        }
        Files.setPosixFilePermissions(state.resolve("run"), PosixFilePermissions.fromString("rwx------"));
        Files.deleteIfExists(state.resolve("run/bus"));
        Path log = state.resolve("systemd.log");
        Files.writeString(log, "");
        writeBusUnits(state.resolve("units"));

        String id = "reactord-sd-" + ProcessHandle.current().pid() + "-" + SEQ.incrementAndGet() + "-"
                + Long.toHexString(System.nanoTime() & 0xffffff);
        List<Path> cgroups = Cgroups.create(CGROUP_ROOT, SKIPPED_HIERARCHIES, id);
        Process p;
        try {
            Path inner = state.resolve("launch.sh");
            Files.writeString(inner, launchScript(state, cgroups, binds));
            Files.setPosixFilePermissions(inner, PosixFilePermissions.fromString("rwx------"));
            List<String> cmd = new ArrayList<>(prefix);
            // run by /bin/sh, not executed: a child forked meanwhile by another thread may still hold the script's
            // write descriptor, and exec would then fail with "Text file busy"
            cmd.addAll(List.of("setsid", "unshare", "--mount", "--propagation", "private", "/bin/sh", inner.toString()));
            ProcessBuilder pb = new ProcessBuilder(cmd);
            pb.redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()));
            pb.redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
            pb.redirectErrorStream(true);
            p = pb.start();
        } catch (IOException | RuntimeException e) {
            Cgroups.killAndRemove(cgroups);
            throw e;
        }
        PrivateSystemd sd = new PrivateSystemd(state, cgroups, p);
        try {
            // generous: with two CI runs and two busy loops on 2 cores (CI run 21) a manager once needed more than
            // 15 s to open its bus; a boot that never comes up still fails here, with the manager's log
            sd.awaitRunning(60_000);
        } catch (IOException | RuntimeException e) {
            sd.close();
            throw e;
        }
        return sd;
    }

    /** The bus address, e.g. {@code unix:path=/tmp/x/run/bus}. */
    public String busAddress() {
        return "unix:path=" + state.resolve("run/bus");
    }

    /** The first directory of the manager's unit search path. */
    public Path unitDir() {
        return state.resolve("units");
    }

    public Path stateDir() {
        return state;
    }

    /** The manager's own log (systemd writes it to the console, which is this file). */
    public Path logFile() {
        return state.resolve("systemd.log");
    }

    /** The manager's PID. */
    public long pid() {
        return process.pid();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** Runs {@code systemctl --user ARGS} against this manager. */
    public Commands.Result systemctl(String... args) {
        List<String> cmd = new ArrayList<>(List.of("systemctl", "--user", "--no-pager"));
        cmd.addAll(List.of(args));
        return Commands.run(cmd, env(), 30);
    }

    /** {@code systemctl --user set-environment}: units started afterwards see these variables. */
    public void setEnvironment(Map<String, String> vars) {
        List<String> args = new ArrayList<>(List.of("set-environment"));
        vars.forEach((k, v) -> args.add(k + "=" + v));
        systemctl(args.toArray(String[]::new)).orThrow();
    }

    /** {@code systemctl --user daemon-reload}. */
    public void daemonReload() {
        systemctl("daemon-reload").orThrow();
    }

    /** Environment for a client program: session and system bus point at this manager. */
    public Map<String, String> env() {
        return Map.of("DBUS_SESSION_BUS_ADDRESS", busAddress(), "DBUS_SYSTEM_BUS_ADDRESS", busAddress(),
                "XDG_RUNTIME_DIR", state.resolve("run").toString());
    }

    /** Stops the manager and its units, then removes every trace outside the state directory. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            if (process.isAlive()) {
                Commands.run(List.of("systemctl", "--user", "exit"), env(), 10);
                if (!waitFor(process, 10_000)) {
                    process.destroy();
                    if (!waitFor(process, 3_000)) {
                        process.destroyForcibly();
                        waitFor(process, 3_000);
                    }
                }
            }
        } finally {
            Cgroups.killAndRemove(cgroups);
            try {
                Runtime.getRuntime().removeShutdownHook(shutdownHook);
            } catch (IllegalStateException e) {
                // the JVM is shutting down and this runs from the hook
            }
        }
    }

    /** Kills the manager at once (SIGKILL), as a crash would; {@link #close()} still cleans up. */
    public void kill() {
        process.destroyForcibly();
        waitFor(process, 5_000);
        Cgroups.killAll(cgroups);
    }

    private void closeQuietly() {
        try {
            close();
        } catch (RuntimeException e) {
            System.err.println("private systemd cleanup: " + e);
        }
    }

    private void awaitRunning(long timeoutMillis) throws IOException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
        String last = "";
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IOException("private systemd exited (" + process.exitValue() + "): " + tail());
            }
            if (Files.exists(state.resolve("run/bus"))) {
                Commands.Result r = Commands.run(List.of("busctl", "--address=" + busAddress(), "get-property",
                        "org.freedesktop.systemd1", "/org/freedesktop/systemd1", "org.freedesktop.systemd1.Manager",
                        "SystemState"), Map.of(), 5);
                last = r.stdout().strip();
                if (last.equals("s \"running\"") || last.equals("s \"degraded\"")) {
                    return;
                }
            }
            sleep(20);
        }
        throw new IOException("private systemd did not reach SystemState=running (last '" + last + "'): " + tail());
    }

    private String tail() {
        try {
            List<String> lines = Files.readAllLines(logFile(), StandardCharsets.UTF_8);
            return String.join(" | ", lines.subList(Math.max(0, lines.size() - 8), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    private static void writeBusUnits(Path units) throws IOException {
        Files.writeString(units.resolve("dbus.socket"), """
                [Unit]
                Description=Private test bus socket
                [Socket]
                ListenStream=%t/bus
                """);
        Files.writeString(units.resolve("dbus.service"), """
                [Unit]
                Description=Private test bus
                Requires=dbus.socket
                [Service]
                Type=notify
                NotifyAccess=main
                ExecStart=%s --session --address=systemd: --nofork --nopidfile --systemd-activation --nosyslog
                """.formatted(DBUS_DAEMON));
        Files.writeString(units.resolve("default.target"), """
                [Unit]
                Description=Private test default target
                Requires=basic.target
                Wants=dbus.socket dbus.service
                """);
    }

    private static String launchScript(Path state, List<Path> cgroups, Map<Path, Path> binds) {
        StringBuilder s = new StringBuilder("#!/bin/sh\n# generated by PrivateSystemd\nset -e\n");
        s.append("# leave the caller's cgroups first: systemd adopts every process of its starting cgroup\n");
        for (Path cg : cgroups) {
            s.append("echo $$ > ").append(Commands.quote(cg.resolve("cgroup.procs").toString())).append('\n');
        }
        String q = Commands.quote(state.toString());
        s.append("mkdir -p /run/systemd\n")
                .append("mount -t tmpfs -o mode=755 tmpfs /run/systemd\n")
                .append("mkdir -p /run/systemd/system\n")
                .append("mount --bind ").append(q).append("/systemd.log /dev/console\n");
        binds.forEach((target, source) -> s.append("mount --bind ").append(Commands.quote(source.toString())).append(' ')
                .append(Commands.quote(target.toString())).append('\n'));
        s
                .append("export XDG_RUNTIME_DIR=").append(q).append("/run\n")
                .append("export DBUS_SESSION_BUS_ADDRESS=unix:path=").append(q).append("/run/bus\n")
                .append("export XDG_CONFIG_HOME=").append(q).append("/config XDG_CACHE_HOME=").append(q)
                .append("/cache XDG_DATA_HOME=").append(q).append("/data\n")
                .append("# runtime units (masks) first, as /run precedes /usr/lib on a real system\n")
                .append("export SYSTEMD_UNIT_PATH=").append(q).append("/run/systemd/user:").append(q)
                .append("/units:/usr/lib/systemd/user\n")
                .append("export SYSTEMD_LOG_TARGET=console SYSTEMD_LOG_LEVEL=${PRIVATE_SYSTEMD_LOG_LEVEL:-info}\n")
                .append("exec ").append(SYSTEMD).append(" --user --log-target=console\n");
        return s.toString();
    }

    private static boolean isRoot() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("Uid:")) {
                    return line.split("\\s+")[2].equals("0");
                }
            }
        } catch (IOException | RuntimeException e) {
            return false;
        }
        return false;
    }

    static boolean waitFor(Process p, long millis) {
        try {
            return p.waitFor(millis, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return !p.isAlive();
        }
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UncheckedIOException(new IOException("interrupted"));
        }
    }
}
