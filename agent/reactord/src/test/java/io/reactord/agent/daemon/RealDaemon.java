package io.reactord.agent.daemon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.reactord.agent.control.ControlClient;
import io.reactord.systemd.InstallUnits;
import io.reactord.systemd.harness.PrivateSystemd;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * One real daemon (a separate JVM) against a private real systemd and the fake {@code drbdsetup} of the
 * end-to-end test (resource r0, node alpha), with r0 configured in the snippet {@code d/r0.toml} and a start
 * service whose stop is written to the fake's {@code calls} file (so the order of service stop and demotion
 * can be read). Tests that need root skip or fail as {@link PrivateSystemd#assumeSystemdOrFail()} says.
 */
final class RealDaemon implements AutoCloseable {
    static final String TARGET = "drbd-services@r0.target";
    static final String PROMOTE = "drbd-promote@r0.service";
    static final String SERVICE = "reactord-rd.service";

    final Path tmp;
    final PrivateSystemd sd;
    final Path fake;
    final Path socket;
    final Path snippet;
    final Path stateDir;
    private final Path agentLog;
    private final Map<String, String> extraEnv = new java.util.HashMap<>();
    private Process agent;
    private String privateClasspath;

    RealDaemon(Path tmp, String snippetBody) throws IOException {
        PrivateSystemd.assumeSystemdOrFail();
        this.tmp = tmp;
        sd = PrivateSystemd.start(tmp.resolve("sd"));
        Path bin = Files.createDirectories(tmp.resolve("bin"));
        fake = Files.createDirectories(tmp.resolve("fake"));
        Files.writeString(fake.resolve("changes"), "");
        Files.writeString(fake.resolve("calls"), "");
        try (InputStream in = getClass().getResourceAsStream("/io/reactord/agent/e2e/fake-drbdsetup")) {
            Files.writeString(bin.resolve("drbdsetup"), new String(in.readAllBytes(), StandardCharsets.UTF_8)
                    .replaceFirst("\n", "\n: \"\\${FAKE_DIR:=" + fake + "}\"\n"));
        }
        bin.resolve("drbdsetup").toFile().setExecutable(true);
        Path shim = tmp.resolve("reactord-shim");
        InstallUnits.install(sd.unitDir(), shim);
        Files.writeString(sd.unitDir().resolve(SERVICE), "[Service]\nExecStart=/bin/sleep infinity\n"
                + "ExecStop=/bin/sh -c 'echo service-stop >> " + fake.resolve("calls") + "'\n");
        sd.setEnvironment(Map.of("PATH", bin + ":/usr/sbin:/usr/bin:/sbin:/bin", "FAKE_DIR", fake.toString()));
        sd.daemonReload();
        socket = tmp.resolve("run/reactord.sock");
        stateDir = tmp.resolve("state");
        Files.createDirectories(tmp.resolve("d"));
        Files.writeString(tmp.resolve("reactord.toml"), String.join("\n",
                "snippets = \"" + tmp.resolve("d") + "\"",
                "drbdsetup = \"" + bin.resolve("drbdsetup") + "\"",
                "unit-dir = \"" + sd.unitDir() + "\"",
                "state-dir = \"" + stateDir + "\"",
                "socket = \"" + socket + "\"",
                "statistics-poll-interval = 1",
                ""));
        snippet = tmp.resolve("d/r0.toml");
        Files.writeString(snippet, snippetBody);
        agentLog = tmp.resolve("agent.log");
    }

    /** The usual snippet: r0 starts {@link #SERVICE}, no sleep before promoting, no drbdadm adjust. */
    static String snippet(String... extraLines) {
        List<String> l = new ArrayList<>(List.of("[[promoter]]", "[promoter.resources.r0]", "start = [\"" + SERVICE + "\"]",
                "adjust-resource-on-start = false", "sleep-before-promote-factor = 0"));
        l.addAll(List.of(extraLines));
        return String.join("\n", l) + "\n";
    }

    /** An environment variable for the next agent start. */
    void env(String key, String value) {
        extraEnv.put(key, value);
    }

    /** Starts the agent and waits until its status says ready. */
    void start() throws IOException {
        launch();
        await("agent ready", Duration.ofSeconds(30), () -> status().path("ready").asBoolean(false));
    }

    /** A command that execs the agent's command line (its arguments follow), for the next start; empty: none. */
    void wrapper(String... argv) {
        wrapper = List.of(argv);
    }

    private List<String> wrapper = List.of();

    /** Starts the agent without waiting for anything. */
    Process launch() throws IOException {
        List<String> cmd = new ArrayList<>(wrapper);
        cmd.addAll(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", classpath(), "io.reactord.agent.ReactordMain",
                "-c", tmp.resolve("reactord.toml").toString(), "--hostname", "alpha",
                "--shim", tmp.resolve("reactord-shim").toString(), "--drbdadm", "/nonexistent/drbdadm"));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(agentLog.toFile()));
        pb.environment().putAll(sd.env());
        pb.environment().put("FAKE_DIR", fake.toString());
        pb.environment().put("REACTORCTL_SYSTEMCTL", "systemctl --user");
        pb.environment().putAll(extraEnv);
        agent = pb.start();
        return agent;
    }

    /**
     * Installs the agent as the {@code Type=notify} service {@code name} of the private systemd (with the given
     * extra {@code [Service]} lines) and starts it without waiting; the test reads its state with systemctl.
     */
    void installService(String name, String... serviceLines) throws IOException {
        StringBuilder u = new StringBuilder("[Service]\nType=notify\nNotifyAccess=all\n");
        Map<String, String> env = new java.util.TreeMap<>(sd.env());
        env.put("FAKE_DIR", fake.toString());
        env.put("REACTORCTL_SYSTEMCTL", "systemctl --user");
        env.put("CLASSPATH", classpath());
        env.putAll(extraEnv);
        env.forEach((k, v) -> u.append("Environment=\"").append(k).append('=').append(v).append("\"\n"));
        u.append("ExecStart=").append(Path.of(System.getProperty("java.home"), "bin", "java"))
                .append(" io.reactord.agent.ReactordMain -c ").append(tmp.resolve("reactord.toml"))
                .append(" --hostname alpha --shim ").append(tmp.resolve("reactord-shim"))
                .append(" --drbdadm /nonexistent/drbdadm\n");
        for (String l : serviceLines) {
            u.append(l).append('\n');
        }
        Files.writeString(sd.unitDir().resolve(name), u.toString());
        sd.daemonReload();
    }

    /** A property of a unit of the private systemd. */
    String prop(String unit, String property) {
        return sd.systemctl("show", "-p", property, "--value", unit).stdout().strip();
    }

    Process agent() {
        return agent;
    }

    /** kill -9 of the agent, waited for. */
    void crash() throws InterruptedException {
        agent.destroyForcibly();
        agent.waitFor(10, TimeUnit.SECONDS);
    }

    /** Sends a signal (HUP, USR1, TERM, …) to the agent JVM. */
    void signal(String name) throws IOException, InterruptedException {
        assertTrue(agent.isAlive(), "agent not running\n" + log());
        Process k = new ProcessBuilder("kill", "-" + name, String.valueOf(agent.pid())).start();
        assertTrue(k.waitFor(5, TimeUnit.SECONDS));
        assertEquals(0, k.exitValue());
    }

    /**
     * The test class path with its directories copied to a private place: other builds in the same checkout may
     * recompile target/classes while the agent JVM loads classes lazily.
     */
    private String classpath() throws IOException {
        if (privateClasspath == null) {
            privateClasspath = privateClasspath(tmp);
        }
        return privateClasspath;
    }

    /**
     * The test class path with its directories copied under {@code tmp}: other builds in the same checkout may
     * recompile target/classes while an agent JVM started from it loads classes lazily.
     */
    static String privateClasspath(Path tmp) throws IOException {
        String cp = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        List<String> out = new ArrayList<>();
        int i = 0;
        for (String e : cp.split(java.io.File.pathSeparator)) {
            Path p = Path.of(e);
            if (Files.isDirectory(p)) {
                Path copy = tmp.resolve("cp/" + i++);
                try (var walk = Files.walk(p)) {
                    for (Path f : (Iterable<Path>) walk::iterator) {
                        Path dst = copy.resolve(p.relativize(f).toString());
                        if (Files.isDirectory(f)) {
                            Files.createDirectories(dst);
                        } else {
                            Files.copy(f, dst);
                        }
                    }
                }
                out.add(copy.toString());
            } else {
                out.add(e);
            }
        }
        return String.join(java.io.File.pathSeparator, out);
    }

    JsonNode status() {
        try {
            return ControlClient.call(socket, ControlClient.request("status"));
        } catch (IOException e) {
            return com.fasterxml.jackson.databind.node.MissingNode.getInstance();
        }
    }

    String state() {
        return status().path("resources").path(0).path("state").asText();
    }

    String active(String unit) {
        return sd.systemctl("is-active", unit).stdout().strip();
    }

    boolean dropIn(String unit) {
        return Files.exists(sd.unitDir().resolve(unit + ".d/reactor.conf"));
    }

    void set(String file, String value) throws IOException {
        Files.writeString(fake.resolve(file), value + "\n");
    }

    String read(String file) {
        try {
            return Files.readString(fake.resolve(file));
        } catch (IOException e) {
            return "";
        }
    }

    /** Appends the fake's current state as change lines to its events2 stream. */
    void update() throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(tmp.resolve("bin/drbdsetup").toString(), "fake-update").redirectErrorStream(true);
        pb.environment().put("FAKE_DIR", fake.toString());
        Process p = pb.start();
        p.getOutputStream().close();
        assertTrue(p.waitFor(10, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue());
    }

    /** Promotes r0 through the daemon: may_promote yes, then waits for the target, the service and ACTIVE. */
    void promote() throws IOException, InterruptedException {
        set("may_promote", "yes");
        update();
        await("service active", Duration.ofSeconds(30), () -> "active".equals(active(SERVICE)) && "active".equals(active(TARGET)));
        await("agent ACTIVE", Duration.ofSeconds(10), () -> "ACTIVE".equals(state()));
    }

    void await(String what, Duration d, BooleanSupplier cond) {
        try {
            org.awaitility.Awaitility.await(what).atMost(d).pollInterval(Duration.ofMillis(100)).until(() -> {
                if (agent != null && !agent.isAlive()) {
                    throw new AssertionError(what + ": the agent exited with " + agent.exitValue() + "\n" + log());
                }
                return cond.getAsBoolean();
            });
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            throw new AssertionError("timed out waiting for " + what + "\n" + log(), e);
        }
    }

    String log() {
        try {
            return Files.readString(agentLog, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "(no agent log)";
        }
    }

    @Override
    public void close() {
        if (agent != null && agent.isAlive()) {
            agent.destroyForcibly();
            try {
                agent.waitFor(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        sd.close();
    }
}
