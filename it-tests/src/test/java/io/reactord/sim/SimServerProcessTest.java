package io.reactord.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The live server with the bash fake tools run as real child processes, as the agent runs drbdsetup. */
final class SimServerProcessTest {

    @TempDir
    Path tmp;
    private SimServer server;
    private Map<String, Path> tools;

    @BeforeEach
    void start() throws IOException {
        server = new SimServer(SimCluster.threeNodes(SimTiming.fast(), SimResourceSpec.simple("r0")));
        server.start();
        tools = server.installTools(tmp);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private record Run(int exit, String stdout, String stderr) {
    }

    private Run run(String node, String... args) throws Exception {
        List<String> cmd = new ArrayList<>();
        cmd.add(tools.get(node).resolve(args[0]).toString());
        cmd.addAll(List.of(args).subList(1, args.length));
        Process p = new ProcessBuilder(cmd).start();
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(20, TimeUnit.SECONDS));
        return new Run(p.exitValue(), out, err);
    }

    private static String await(BlockingQueue<String> lines, String... fragments) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (System.nanoTime() < deadline) {
            String l = lines.poll(100, TimeUnit.MILLISECONDS);
            if (l == null) {
                continue;
            }
            boolean all = true;
            for (String f : fragments) {
                all &= l.contains(f);
            }
            if (all) {
                return l;
            }
        }
        throw new AssertionError("no line with " + List.of(fragments));
    }

    @Test
    void events2_realChildProcess_dumpPollPeerCrashAndStdinEof() throws Exception {
        Process p = new ProcessBuilder(tools.get("alpha").resolve("drbdsetup").toString(), "events2", "--full", "--poll",
                "--timestamps", "all").start();
        BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                String l;
                while ((l = r.readLine()) != null) {
                    lines.add(l);
                }
            } catch (IOException e) {
                // process ended
            }
        });
        reader.start();
        String first = await(lines, "exists resource name:r0 role:Secondary");
        assertEquals(null, Events2Grammar.check(first), first);
        await(lines, " exists -");
        assertEquals(5, run("bravo", "drbdsim", "write", "r0", "1").exit(), "bravo is not Primary yet: refused");
        OutputStream stdin = p.getOutputStream();
        assertEquals(0, run("bravo", "drbdsetup", "primary", "r0").exit());
        await(lines, "change connection", "conn-name:bravo", "role:Primary");
        assertEquals(0, run("bravo", "drbdsim", "write", "r0", "1").exit());
        stdin.write("n\n".getBytes(StandardCharsets.US_ASCII));
        stdin.flush();
        await(lines, "change device", "written:4");
        server.cluster().crash("bravo");
        await(lines, "change connection", "conn-name:bravo", "connection:NetworkFailure");
        await(lines, "call helper", "helper:disconnected");
        await(lines, "change resource", "may_promote:yes");
        stdin.close();
        assertTrue(p.waitFor(20, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), "stdin EOF ends events2 --poll cleanly");
    }

    @Test
    void events2_killedByTheAgent_leavesNoProcessBehind() throws Exception {
        Process p = new ProcessBuilder(tools.get("alpha").resolve("drbdsetup").toString(), "events2", "--full",
                "--poll").start();
        BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        String l;
        while ((l = r.readLine()) != null && !l.equals("exists -")) {
            assertEquals(null, Events2Grammar.check(l), l);
        }
        List<ProcessHandle> children = p.descendants().toList();
        assertTrue(!children.isEmpty(), "the stdin forwarder runs");
        p.destroy();
        assertTrue(p.waitFor(20, TimeUnit.SECONDS));
        for (ProcessHandle h : children) {
            h.onExit().get(20, TimeUnit.SECONDS);
        }
    }

    @Test
    void events2_nodeCrashes_streamEndsNonZero() throws Exception {
        Process p = new ProcessBuilder(tools.get("charlie").resolve("drbdsetup").toString(), "events2", "--full")
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        String l;
        while ((l = r.readLine()) != null && !l.equals("exists -")) {
            assertEquals(null, Events2Grammar.check(l), l);
        }
        server.cluster().crash("charlie");
        assertTrue(p.waitFor(20, TimeUnit.SECONDS));
        assertEquals(ToolResult.EXIT_NODE_DOWN, p.exitValue());
        Run dead = run("charlie", "drbdsetup", "status", "r0");
        assertEquals(ToolResult.EXIT_NODE_DOWN, dead.exit());
        assertTrue(dead.stderr().contains("connection refused"), dead.stderr());
        server.cluster().restart("charlie");
        assertEquals(0, run("charlie", "drbdsetup", "status", "r0").exit(), "the port comes back with the node");
    }

    @Test
    void primary_exitCodesAndMessagesLikeDrbdsetup() throws Exception {
        assertEquals(0, run("alpha", "drbdsetup", "primary", "r0").exit());
        Run twice = run("bravo", "drbdsetup", "primary", "r0");
        assertEquals(11, twice.exit());
        assertEquals("r0: State change failed: (-1) Multiple primaries not allowed by config\n", twice.stderr());
        Run unknown = run("bravo", "drbdsetup", "primary", "nope");
        assertEquals(10, unknown.exit());
        assertTrue(unknown.stderr().startsWith("nope: Failure: (158) Unknown resource"));
        assertEquals(0, run("alpha", "drbdsetup", "secondary", "--force", "r0").exit());
        assertEquals(0, run("bravo", "drbdadm", "adjust", "r0").exit());
        assertEquals("none\n", run("bravo", "drbdadm", "sh-ll-dev", "r0").stdout());
        Run shimStyle = run("bravo", "drbdsetup", "events2", "--now", "nope");
        assertEquals(0, shimStyle.exit(), "an unknown resource: just the end of the dump");
        assertEquals("exists -\n", shimStyle.stdout());
        assertEquals(0, run("bravo", "drbdadm", "primary", "r0").exit());
    }

    @Test
    void statusAndShowJson_parseWithTheKeysTheAgentReads() throws Exception {
        ObjectMapper json = new ObjectMapper();
        Run status = run("alpha", "drbdsetup", "status", "r0", "--json");
        assertEquals(0, status.exit());
        JsonNode res = json.readTree(status.stdout()).get(0);
        assertEquals("r0", res.get("name").asText());
        assertEquals("Secondary", res.get("role").asText());
        assertEquals("UpToDate", res.get("devices").get(0).get("disk-state").asText());
        assertTrue(res.get("devices").get(0).get("quorum").asBoolean());
        assertEquals(2, res.get("connections").size());
        Run show = run("alpha", "drbdsetup", "show", "r0", "--show-defaults", "--json");
        assertEquals(0, show.exit());
        JsonNode opts = json.readTree(show.stdout()).get(0).get("options");
        assertNotNull(opts);
        assertEquals(false, opts.get("auto-promote").asBoolean(true));
        assertEquals("majority", opts.get("quorum").asText());
        assertEquals("io-error", opts.get("on-no-quorum").asText());
        assertEquals("force-secondary", opts.get("on-suspended-primary-outdated").asText());
        assertEquals("dont-care", json.readTree(show.stdout()).get(0).get("connections").get(0).get("net")
                .get("fencing").asText());
    }

    @Test
    void writer_acksOnlyOnQuoratePrimaryAndReadsBack() throws Exception {
        assertEquals(5, run("alpha", "drbdsim", "write", "r0", "1").exit(), "Secondary: not acknowledged");
        run("alpha", "drbdsetup", "primary", "r0");
        Run ack = run("alpha", "drbdsim", "write", "r0", "1");
        assertEquals(0, ack.exit());
        assertEquals("ack 1\n", ack.stdout());
        assertEquals("1\n", run("bravo", "drbdsim", "read", "r0").stdout(), "replicated to the peer");
        assertEquals(2, run("alpha", "drbdsim", "write", "r0", "x").exit());
    }
}
