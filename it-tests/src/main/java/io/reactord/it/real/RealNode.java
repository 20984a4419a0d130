package io.reactord.it.real;

import io.reactord.it.ClusterConfig;
import io.reactord.it.Operator;
import io.reactord.it.UnitFault;
import io.reactord.systemd.InstallUnits;
import io.reactord.systemd.SystemdClient;
import io.reactord.systemd.SystemdNames;
import io.reactord.systemd.UnitState;
import io.reactord.systemd.harness.Commands;
import io.reactord.systemd.harness.PrivateSystemd;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/**
 * One simulated node of the real-systemd backend: its private systemd manager (a fresh one per boot), a D-Bus
 * client that observes its units, and its agent process.
 */
final class RealNode {
    private static final Pattern PROBLEM = Pattern.compile("\\bERROR\\b|Exception|^\\s+at |^Caused by");

    private final NodeFiles files;
    private final Agents agents;
    private ClusterConfig config;
    private PrivateSystemd sd;
    private SystemdClient observer;
    private volatile boolean agentExpected;
    private volatile String agentState = "-";
    private int boot;

    RealNode(NodeFiles files, ClusterConfig config, Agents agents) {
        this.files = files;
        this.config = config;
        this.agents = agents;
    }

    String name() {
        return files.node;
    }

    NodeFiles files() {
        return files;
    }

    /** Creates the node's files and wraps the fake drbdsetup (installed by the simulator) for events2 faults. */
    void prepare() throws IOException {
        files.create();
        Path fake = files.bin.resolve("drbdsetup");
        Path sim = files.bin.resolve("drbdsetup.sim");
        Files.move(fake, sim, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        Files.writeString(fake, """
                #!/bin/bash
                # drbdsetup of simulated node %2$s: the simulator's fake, plus hostile events2 output on demand
                if [ -e %1$s/faults/drbdsetup-cannot-run ] && { [ "$1" != events2 ] || [ "$2" = --now ]; }; then
                    echo "drbdsetup: cannot execute binary file (simulated)" >&2
                    exit 126
                fi
                if [ "$1" = primary ] && [ -e %1$s/faults/primary-hangs ]; then
                    %1$s/bin/drbdsim mark %3$s primary-hangs
                    exec sleep 3600
                fi
                if [ "$1" = events2 ] && [ -e %1$s/faults/events2-garbage ]; then
                    rm -f %1$s/faults/events2-garbage
                    printf 'exists resource name:%3$s role:Sec\\001\\002\\377ondary\\n'
                    printf '\\001\\002\\003\\376 binary garbage\\n'
                    head -c 1048576 /dev/zero | tr '\\0' x; echo
                    printf 'change resource name:../../etc/passwd role:Primary\\n'
                    printf 'create resource name:a/b\\\\x20c role:Primary\\n'
                    exit 1
                fi
                exec %4$s "$@"
                """.formatted(files.dir, files.node, config.resource(), sim), StandardCharsets.UTF_8);
        Files.setPosixFilePermissions(fake, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    /** Starts a fresh manager with the templates, the shim and the test units; writes the agent's configuration. */
    synchronized void bootManager() throws Exception {
        if (sd != null) {
            closeManager();
        }
        Path old = files.dir.resolve("systemd-" + boot);
        RealSystemdBackend.deleteTree(old);
        boot++;
        Path state = files.dir.resolve("systemd-" + boot);
        Path units = state.resolve("units");
        files.writeTestUnits(units);
        InstallUnits.install(units, files.shim);
        writeAgentUnit(units, state); // replaces the shipped reactord.service: our paths, no sandbox, Restart=no
        sd = PrivateSystemd.start(state);
        sd.setEnvironment(Map.of("PATH", files.bin + ":/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"));
        observer = SystemdClient.forAddress(sd.busAddress(), Duration.ofSeconds(30));
        observer.start().get(15, TimeUnit.SECONDS);
        files.writeConfig(config, sd.unitDir());
        PeerCommand.install(files, agents.reactorctl());
    }

    /**
     * The agent's unit in the node's manager: the shipped one's Type=notify, NotifyAccess=all and ExecReload, with
     * this node's paths, without the sandbox and the watchdog, and Restart=no (the harness decides when it runs).
     * Type=notify matters: with Type=exec the unit is active before the JVM has installed its SIGHUP handler, and
     * a reload in that window (an operator's {@code reactorctl enable} right after a start) kills the agent.
     */
    static final String AGENT_UNIT = "reactord.service";

    /** Writes the agent's unit and launcher: {@code bin/reactord} in a UTS namespace named after the node. */
    private void writeAgentUnit(Path unitDir, Path state) throws IOException {
        Path launcher = files.scripts.resolve("agent.sh");
        Files.writeString(launcher, """
                #!/bin/bash
                # the agent of simulated node %1$s, started by its reactord.service in a UTS namespace of its own
                hostname %1$s
                %5$s
                exec %2$s -c %3$s --hostname %1$s --shim %4$s
                """.formatted(name(), agents.reactord(), files.etc.resolve("reactord.toml"), files.shim,
                FAKETIME == null ? "# no libfaketime: the wall clock cannot be moved"
                        : "export LD_PRELOAD=" + FAKETIME + " FAKETIME_TIMESTAMP_FILE=" + files.faketime
                        + " FAKETIME_NO_CACHE=1 FAKETIME_DONT_FAKE_MONOTONIC=1 FAKETIME_FORCE_MONOTONIC_FIX=0"));
        Files.setPosixFilePermissions(launcher, PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.writeString(unitDir.resolve(AGENT_UNIT), """
                [Unit]
                Description=reactord of simulated node %1$s (fault suite)
                [Service]
                Type=notify
                NotifyAccess=all
                TimeoutStartSec=90
                Environment=DBUS_SYSTEM_BUS_ADDRESS=unix:path=%2$s/run/bus
                Environment=PATH=%3$s:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin
                Environment=REACTORD_JAR=%4$s
                Environment=REACTORD_JAVA_OPTS=-XX:TieredStopAtLevel=1
                ExecStart=%5$s --uts /bin/bash %6$s
                ExecReload=/bin/kill -HUP $MAINPID
                StandardOutput=append:%7$s
                StandardError=inherit
                Restart=no
                TimeoutStopSec=20
                """.formatted(name(), state, files.bin, agents.jar(), UNSHARE, launcher, files.agentLog));
    }

    /**
     * libfaketime, preloaded into every agent so that scenario 24 can move one agent's wall clock through its offset
     * file; monotonic clocks stay real ({@code FAKETIME_DONT_FAKE_MONOTONIC}), and {@code
     * FAKETIME_FORCE_MONOTONIC_FIX=0} keeps timed waits exact (with the fix each JVM sleep overshoots by ~50 ms).
     */
    static final Path FAKETIME = findFaketime();

    /** {@code /usr/lib/<multiarch>/faketime/libfaketime.so.1} (Debian) or {@code /usr/lib/faketime/...}, or null. */
    private static Path findFaketime() {
        try (var dirs = Files.list(Path.of("/usr/lib"))) {
            return java.util.stream.Stream.concat(java.util.stream.Stream.of(Path.of("/usr/lib")), dirs)
                    .map(d -> d.resolve("faketime/libfaketime.so.1")).filter(Files::isRegularFile).findFirst()
                    .orElse(null);
        } catch (IOException e) {
            return null;
        }
    }

    private static final String UNSHARE = Files.isExecutable(Path.of("/usr/bin/unshare")) ? "/usr/bin/unshare"
            : "/bin/unshare";

    /** Starts the agent's unit. */
    synchronized void startAgent() throws IOException {
        if (sd == null) {
            throw new IllegalStateException(name() + ": the node is down");
        }
        Files.writeString(files.agentLog, "---- agent start (boot " + boot + ")\n",
                java.nio.file.StandardOpenOption.APPEND);
        sd.systemctl("reset-failed", AGENT_UNIT);
        // --no-block: agents of several nodes start side by side (a cold start); an operator's reload meanwhile
        // waits for the start job, as with the shipped unit (Type=notify: active once the agent is ready)
        sd.systemctl("start", "--no-block", AGENT_UNIT).orThrow();
        long end = System.nanoTime() + 20_000_000_000L;
        String st;
        while (!(st = sd.systemctl("show", "-p", "ActiveState", "--value", AGENT_UNIT).stdout().strip())
                .equals("active") && !st.equals("activating")) {
            if (System.nanoTime() > end) {
                throw new IllegalStateException(name() + ": reactord.service is " + st + " after start: "
                        + sd.systemctl("status", AGENT_UNIT).stdout().strip());
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        agentExpected = true;
    }

    /** The agent's main PID, or -1. */
    private long agentPid() {
        PrivateSystemd m = sd;
        if (m == null) {
            return -1;
        }
        Commands.Result r = m.systemctl("show", "-p", "MainPID", "--value", AGENT_UNIT);
        try {
            long pid = Long.parseLong(r.stdout().strip());
            return pid > 0 ? pid : -1;
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    boolean agentAlive() {
        return "active".equals(agentState);
    }

    synchronized void killAgent() {
        agentExpected = false;
        if (sd != null) {
            sd.systemctl("kill", "--signal=SIGKILL", AGENT_UNIT);
            awaitAgentGone();
        }
    }

    synchronized void stopAgent() {
        agentExpected = false;
        if (sd != null) {
            boolean wasActive = sd.systemctl("show", "-p", "ActiveState", "--value", AGENT_UNIT).stdout().strip()
                    .equals("active");
            sd.systemctl("stop", AGENT_UNIT);
            if (!wasActive) {
                return;
            }
            // an agent that does not exit on SIGTERM by itself is killed at TimeoutStopSec: Result=timeout
            String result = sd.systemctl("show", "-p", "Result", "--value", AGENT_UNIT).stdout().strip();
            if (!result.equals("success")) {
                throw new IllegalStateException(name() + ": reactord.service did not stop cleanly (Result=" + result
                        + "); log tail: " + tail());
            }
        }
    }

    private void awaitAgentGone() {
        long end = System.nanoTime() + 10_000_000_000L;
        while (System.nanoTime() < end) {
            String st = sd.systemctl("show", "-p", "ActiveState", "--value", AGENT_UNIT).stdout().strip();
            if (!st.equals("active") && !st.equals("deactivating")) {
                return;
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** Hard crash: agent and manager with every unit die at once. */
    synchronized void crash() {
        agentExpected = false;
        if (sd != null) {
            sd.kill();
            closeManager();
        }
    }

    /** Orderly shutdown: the agent stops, the target stops (units, then demote), the manager exits. */
    synchronized void shutdown() {
        stopAgent();
        if (sd != null) {
            for (String r : config.extraResources().keySet()) {
                sd.systemctl("stop", SystemdNames.servicesTarget(r));
            }
            sd.systemctl("stop", SystemdNames.servicesTarget(config.resource()));
            closeManager();
        }
    }

    void reload(ClusterConfig cfg) throws IOException {
        this.config = cfg;
        files.writeSnippet(cfg);
        if (sd != null && agentExpected) {
            // SIGHUP before the JVM installed its handler would kill the launcher: wait until the agent answers
            long end = System.nanoTime() + 60_000_000_000L;
            while (ControlSocket.request(files.socket, "{\"cmd\":\"ping\"}", 2000) == null
                    && System.nanoTime() < end) {
                try {
                    Thread.sleep(50);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
            sd.systemctl("reload", AGENT_UNIT).orThrow();
        }
    }

    void fault(UnitFault f, boolean on) throws IOException {
        files.fault(f, on);
        if (on && f == UnitFault.CONTROLLER_CRASHES && sd != null) {
            sd.systemctl("kill", "--signal=SIGKILL", ClusterConfig.CONTROLLER_UNIT);
        }
    }

    /** Kills the agent's {@code drbdsetup events2} child; with {@code garbage} the next one emits garbage first. */
    void breakEvents2(boolean garbage) throws IOException {
        if (garbage) {
            Files.writeString(files.faults.resolve("events2-garbage"), "");
        }
        long pid = agentPid();
        if (pid < 0) {
            return;
        }
        for (ProcessHandle h : ProcessHandle.of(pid).map(ph -> ph.descendants().toList()).orElse(List.of())) {
            String cl = cmdline(h.pid());
            if (cl.contains("drbdsetup") && cl.contains("events2")) {
                h.destroyForcibly();
            }
        }
    }

    /** Stops the target and its units without their dependencies: the promote unit stays, DRBD stays Primary. */
    void halfStop() {
        if (sd != null) {
            List<String> args = new ArrayList<>(List.of("stop", "--job-mode=ignore-dependencies",
                    SystemdNames.servicesTarget(config.resource())));
            args.addAll(ClusterConfig.START_UNITS);
            sd.systemctl(args.toArray(String[]::new)).orThrow();
        }
    }

    /** Stops the manager's bus ({@code gone}) or starts it again; units keep running meanwhile. */
    void busOutage(boolean gone) {
        if (sd != null) {
            if (gone) {
                sd.systemctl("stop", "dbus.socket", "dbus.service").orThrow();
            } else {
                sd.systemctl("start", "dbus.socket", "dbus.service").orThrow();
            }
        }
    }

    /** Restarts the manager's bus (every client's connection drops) and re-executes the manager. */
    void restartBus() {
        if (sd != null) {
            sd.systemctl("restart", "dbus.service").orThrow();
            sd.systemctl("daemon-reexec").orThrow();
        }
    }

    /**
     * Runs {@code reactorctl} on this node as an operator would: in the node's UTS namespace, with the node's
     * configuration, talking to the node's manager ({@code systemctl --user}) and agent socket.
     */
    String operator(Operator op, String arg) {
        String res = config.resource();
        List<String> sub = switch (op) {
            case EVICT -> List.of("evict", "--delay", "20", res);
            case EVICT_KEEP_MASKED -> List.of("evict", "--keep-masked", "--delay", "20", res);
            case MOVE -> List.of("move", res, "--to", arg);
            case DISABLE_NOW -> List.of("disable", "--now", res);
            case ENABLE -> List.of("enable", res);
            case DISABLE -> List.of("disable", res);
            case STOP_TARGET -> List.of();
        };
        if (op == Operator.STOP_TARGET) {
            Commands.Result r = sd.systemctl("stop", SystemdNames.servicesTarget(res));
            return "systemctl stop " + SystemdNames.servicesTarget(res) + ": exit " + r.exitCode();
        }
        Commands.Result r = reactorctl(sub);
        if (!r.ok()) {
            throw new IllegalStateException("reactorctl " + String.join(" ", sub) + " on " + name() + " exited "
                    + r.exitCode() + ": " + (r.stderr() + " " + r.stdout()).strip());
        }
        return ("reactorctl " + String.join(" ", sub) + ": " + r.stdout().strip()).strip();
    }

    /** {@code reactorctl ARGS -c CONFIG} on this node. */
    Commands.Result reactorctl(List<String> args) {
        if (sd == null) {
            throw new IllegalStateException(name() + ": the node is down");
        }
        List<String> cmd = new ArrayList<>(List.of(UNSHARE, "--uts", "/bin/sh", "-c",
                "hostname \"$0\" && exec \"$@\"", name(), agents.reactorctl().toString()));
        cmd.add(args.get(0));
        cmd.add("-c");
        cmd.add(files.etc.resolve("reactord.toml").toString());
        cmd.addAll(args.subList(1, args.size()));
        Map<String, String> env = new LinkedHashMap<>(sd.env());
        env.put("REACTORCTL_SYSTEMCTL", "systemctl --user");
        env.put("REACTORD_JAR", agents.jar().toString());
        env.put("PATH", files.bin + ":" + System.getenv().getOrDefault("PATH", "/usr/bin:/bin"));
        return Commands.run(cmd, env, 90);
    }

    /** What the agent's control socket says about where the resource runs ({@code active_on}), or null. */
    String reportedActiveNode() {
        if (!agentExpected || !agentAlive()) {
            return null;
        }
        String answer = ControlSocket.request(files.socket, "{\"cmd\":\"status\"}", 2000);
        if (answer == null) {
            return null;
        }
        return ControlSocket.activeOn(answer, config.resource());
    }

    /**
     * Moves the agent's wall clock by {@code offsetMs} (whole seconds) and checks that the move is real: the agent
     * process has libfaketime preloaded with this node's offset file, and a probe under the same settings reads the
     * moved time.
     */
    void jumpWallClock(long offsetMs) throws IOException {
        if (FAKETIME == null) {
            throw new IllegalStateException("libfaketime is not installed (Debian package libfaketime): an agent's"
                    + " wall clock cannot be moved");
        }
        long seconds = offsetMs / 1000;
        files.wallClockOffset(seconds);
        long pid = agentPid();
        String env = pid < 0 ? "" : environ(javaPid(pid));
        if (!env.contains("FAKETIME_TIMESTAMP_FILE=" + files.faketime)) {
            throw new IllegalStateException(name() + ": the agent (pid " + pid + ") does not run under libfaketime");
        }
        Commands.Result probe = Commands.run(List.of("/bin/date", "+%s"), Map.of("LD_PRELOAD", FAKETIME.toString(),
                "FAKETIME_TIMESTAMP_FILE", files.faketime.toString(), "FAKETIME_NO_CACHE", "1",
                "FAKETIME_DONT_FAKE_MONOTONIC", "1"), 10);
        long seen = Long.parseLong(probe.stdout().strip());
        long want = System.currentTimeMillis() / 1000 + seconds;
        if (Math.abs(seen - want) > 5) {
            throw new IllegalStateException(name() + ": libfaketime probe reads " + seen + ", expected about " + want);
        }
    }

    /** The JVM under the launcher (bin/reactord execs java; unshare and bash may sit in between). */
    private static long javaPid(long pid) {
        return ProcessHandle.of(pid).stream().flatMap(h -> java.util.stream.Stream.concat(java.util.stream.Stream.of(h),
                h.descendants())).filter(h -> h.info().command().orElse("").endsWith("/java")).map(ProcessHandle::pid)
                .findFirst().orElse(pid);
    }

    private static String environ(long pid) {
        try {
            return new String(Files.readAllBytes(Path.of("/proc/" + pid + "/environ")), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }

    /** The agent's status of the resource, or null when it does not answer. */
    io.reactord.it.AgentReport report() {
        if (!agentExpected || !agentAlive()) {
            return null;
        }
        String answer = ControlSocket.request(files.socket, "{\"cmd\":\"status\"}", 2000);
        return answer == null ? null : ControlSocket.report(answer, config.resource());
    }

    /**
     * What shows that a failed demotion escalated: the manager gone by itself (FailureAction=exit) with what it
     * logged about it, and the agent's log lines about the escalation.
     */
    List<String> escalations() {
        List<String> out = new ArrayList<>();
        PrivateSystemd m = sd;
        if (m != null && !m.isAlive()) {
            String how = "";
            try {
                how = Files.readAllLines(m.logFile(), StandardCharsets.UTF_8).stream()
                        .filter(l -> l.contains("demote-or-escalate") || l.contains("Exiting")).reduce((a, b) -> b)
                        .orElse("");
            } catch (IOException e) {
                // the exit itself is the evidence
            }
            out.add("ran: the service manager exited on its own" + (how.isEmpty() ? "" : ": " + how.strip()));
        }
        try {
            for (String l : Files.readAllLines(files.agentLog, StandardCharsets.UTF_8)) {
                if (l.contains("escalated to on-drbd-demote-failure")) {
                    out.add("reported: " + l);
                }
            }
        } catch (IOException e) {
            // nothing reported
        }
        return out;
    }

    /** {@code reactorctl doctor} on this node: "exit N" and its output. */
    String doctor() {
        Commands.Result r = reactorctl(List.of("doctor"));
        return "exit " + r.exitCode() + "\n" + r.stdout() + r.stderr();
    }

    /** The agent's metrics text, or null when the endpoint does not answer. */
    String metrics() {
        try {
            java.net.http.HttpClient c = java.net.http.HttpClient.newBuilder()
                    .connectTimeout(java.time.Duration.ofSeconds(2)).build();
            java.net.http.HttpResponse<String> r = c.send(java.net.http.HttpRequest.newBuilder(
                    java.net.URI.create("http://127.0.0.1:" + files.metricsPort + "/metrics"))
                    .timeout(java.time.Duration.ofSeconds(5)).build(), java.net.http.HttpResponse.BodyHandlers.ofString());
            return r.statusCode() == 200 ? r.body() : null;
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    /** ActiveState of the target ({@code target}) and of each start unit; "-" when the manager is down. */
    /** The target's ActiveState from this node's manager alone; "-" without an observer, "unknown" unanswered. */
    String targetState() {
        SystemdClient c = observer;
        if (c == null) {
            return "-";
        }
        try {
            return c.activeState(SystemdNames.servicesTarget(config.resource())).get(1, TimeUnit.SECONDS);
        } catch (Exception e) {
            return "unknown";
        }
    }

    Map<String, String> unitStates() {
        Map<String, String> out = new LinkedHashMap<>();
        SystemdClient c = observer;
        List<String> units = new ArrayList<>();
        units.add(SystemdNames.servicesTarget(config.resource()));
        units.addAll(ClusterConfig.START_UNITS);
        units.add(AGENT_UNIT);
        List<CompletableFuture<UnitState>> fs = new ArrayList<>();
        for (String u : units) {
            fs.add(c == null ? CompletableFuture.completedFuture(null) : c.unitState(u));
        }
        for (int i = 0; i < units.size(); i++) {
            String key = i == 0 ? "target" : units.get(i);
            String v;
            if (c == null) {
                v = "-";
            } else {
                try {
                    UnitState s = fs.get(i).get(1, TimeUnit.SECONDS);
                    v = s == null ? "-" : s.activeState();
                } catch (Exception e) {
                    v = "unknown";
                }
            }
            out.put(key, v);
        }
        agentState = out.remove(AGENT_UNIT);
        return out;
    }

    List<String> logLines() {
        try {
            return Files.readAllLines(files.agentLog, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return List.of();
        }
    }

    List<String> logProblems() {
        List<String> out = new ArrayList<>();
        try {
            for (String l : Files.readAllLines(files.agentLog, StandardCharsets.UTF_8)) {
                if (PROBLEM.matcher(l).find()) {
                    out.add(l.length() > 300 ? l.substring(0, 300) + "..." : l);
                }
            }
        } catch (IOException e) {
            out.add("cannot read " + files.agentLog + ": " + e.getMessage());
        }
        return out;
    }

    Optional<String> unexpectedExit() {
        String st = agentState;
        if (agentExpected && sd != null && (st.equals("failed") || st.equals("inactive"))) {
            return Optional.of("reactord.service is " + st + "; log tail: " + tail());
        }
        return Optional.empty();
    }

    private String tail() {
        try {
            List<String> l = Files.readAllLines(files.agentLog, StandardCharsets.UTF_8);
            return String.join(" | ", l.subList(Math.max(0, l.size() - 5), l.size()));
        } catch (IOException e) {
            return "";
        }
    }

    private void closeManager() {
        agentState = "-";
        if (observer != null) {
            observer.close();
            observer = null;
        }
        if (sd != null) {
            sd.close();
            sd = null;
        }
    }

    synchronized void close() {
        agentExpected = false;
        closeManager();
    }

    private static String cmdline(long pid) {
        try {
            return new String(Files.readAllBytes(Path.of("/proc/" + pid + "/cmdline")), StandardCharsets.UTF_8)
                    .replace('\0', ' ');
        } catch (IOException e) {
            return "";
        }
    }

    private static boolean waitFor(Process p, long ms) {
        try {
            return p.waitFor(ms, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return !p.isAlive();
        }
    }
}
