package io.reactord.it.real;

import io.reactord.it.ClusterConfig;
import io.reactord.it.Operator;
import io.reactord.it.UnitFault;
import io.reactord.systemd.InstallUnits;
import io.reactord.systemd.SystemdClient;
import io.reactord.systemd.SystemdNames;
import io.reactord.systemd.UnitStatus;
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
    private Process agent;
    private volatile boolean agentExpected;
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
        sd = PrivateSystemd.start(state);
        sd.setEnvironment(Map.of("PATH", files.bin + ":/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"));
        observer = SystemdClient.forAddress(sd.busAddress(), Duration.ofSeconds(30));
        observer.start().get(15, TimeUnit.SECONDS);
        files.writeConfig(config, sd.unitDir());
    }

    /** Starts {@code bin/reactord} in its own UTS namespace named after the node. */
    synchronized void startAgent() throws IOException {
        if (agent != null && agent.isAlive()) {
            throw new IllegalStateException(name() + ": agent already runs");
        }
        List<String> cmd = List.of("unshare", "--uts", "sh", "-c", "hostname \"$0\" && exec \"$@\"", name(),
                agents.reactord().toString(), "-c", files.etc.resolve("reactord.toml").toString());
        ProcessBuilder pb = new ProcessBuilder(cmd);
        Map<String, String> env = pb.environment();
        env.put("DBUS_SYSTEM_BUS_ADDRESS", sd.busAddress());
        env.put("PATH", files.bin + ":" + System.getenv().getOrDefault("PATH", "/usr/bin:/bin"));
        env.put("REACTORD_JAR", agents.jar().toString());
        env.put("REACTORD_JAVA_OPTS", "-XX:TieredStopAtLevel=1");
        pb.redirectErrorStream(true);
        pb.redirectOutput(ProcessBuilder.Redirect.appendTo(files.agentLog.toFile()));
        pb.redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        Files.writeString(files.agentLog, "---- agent start (boot " + boot + ")\n",
                java.nio.file.StandardOpenOption.APPEND);
        agent = pb.start();
        agentExpected = true;
    }

    boolean agentAlive() {
        Process p = agent;
        return p != null && p.isAlive();
    }

    synchronized void killAgent() {
        agentExpected = false;
        Process p = agent;
        if (p != null) {
            List<ProcessHandle> children = p.descendants().toList();
            p.destroyForcibly();
            children.forEach(ProcessHandle::destroyForcibly);
            waitFor(p, 5000);
        }
    }

    synchronized void stopAgent() {
        agentExpected = false;
        Process p = agent;
        if (p != null && p.isAlive()) {
            List<ProcessHandle> children = p.descendants().toList();
            p.destroy();
            if (!waitFor(p, 15_000)) {
                p.destroyForcibly();
                waitFor(p, 5000);
            }
            children.forEach(ProcessHandle::destroyForcibly);
        }
    }

    /** Hard crash: agent and manager with every unit die at once. */
    synchronized void crash() {
        killAgent();
        if (sd != null) {
            sd.kill();
            closeManager();
        }
    }

    /** Orderly shutdown: the agent stops, the target stops (units, then demote), the manager exits. */
    synchronized void shutdown() {
        stopAgent();
        if (sd != null) {
            sd.systemctl("stop", SystemdNames.servicesTarget(config.resource()));
            closeManager();
        }
    }

    void reload(ClusterConfig cfg) throws IOException {
        this.config = cfg;
        files.writeSnippet(cfg);
        Process p = agent;
        if (p != null && p.isAlive()) {
            Commands.run(List.of("kill", "-HUP", Long.toString(p.pid())), Map.of(), 10).orThrow();
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
        Process p = agent;
        if (p == null) {
            return;
        }
        for (ProcessHandle h : p.descendants().toList()) {
            String cl = cmdline(h.pid());
            if (cl.contains("drbdsetup") && cl.contains("events2")) {
                h.destroyForcibly();
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

    String operator(Operator op, String arg) {
        String res = config.resource();
        List<String> cmd = new ArrayList<>(List.of(agents.reactorctl().toString(), "--socket",
                files.socket.toString()));
        switch (op) {
            case EVICT -> cmd.addAll(List.of("evict", res));
            case EVICT_KEEP_MASKED -> cmd.addAll(List.of("evict", "--keep-masked", res));
            case MOVE -> cmd.addAll(List.of("move", res, "--to", arg));
            case DISABLE_NOW -> cmd.addAll(List.of("disable", "--now", res));
            case ENABLE -> cmd.addAll(List.of("enable", res));
        }
        Commands.Result r = Commands.run(cmd, Map.of("REACTORD_JAR", agents.jar().toString()), 30);
        if (!r.ok()) {
            throw new IllegalStateException(String.join(" ", cmd) + " exited " + r.exitCode() + ": "
                    + (r.stderr() + r.stdout()).strip());
        }
        return (r.stdout() + r.stderr()).strip();
    }

    /** What {@code reactorctl status --json} on this node says about where the resource runs, or null. */
    String reportedActiveNode() {
        return null;
    }

    /** ActiveState of the target ({@code target}) and of each start unit; "-" when the manager is down. */
    Map<String, String> unitStates() {
        Map<String, String> out = new LinkedHashMap<>();
        SystemdClient c = observer;
        List<String> units = new ArrayList<>();
        units.add(SystemdNames.servicesTarget(config.resource()));
        units.addAll(ClusterConfig.START_UNITS);
        List<CompletableFuture<UnitStatus>> fs = new ArrayList<>();
        for (String u : units) {
            fs.add(c == null ? CompletableFuture.completedFuture(null) : c.unitStatus(u));
        }
        for (int i = 0; i < units.size(); i++) {
            String key = i == 0 ? "target" : units.get(i);
            String v;
            if (c == null) {
                v = "-";
            } else {
                try {
                    UnitStatus s = fs.get(i).get(1, TimeUnit.SECONDS);
                    v = s == null ? "-" : s.activeState();
                } catch (Exception e) {
                    v = "unknown";
                }
            }
            out.put(key, v);
        }
        return out;
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
        Process p = agent;
        if (p != null && agentExpected && !p.isAlive()) {
            return Optional.of("agent exited with status " + p.exitValue() + "; log tail: " + tail());
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
        killAgent();
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
