package io.reactord.ctl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.reactord.config.HostInfo;
import io.reactord.ctl.cluster.ClusterArgs;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --context}/{@code --nodes}: the command runs on each node through the {@code [peers]} command (here a
 * script that logs its words and answers per node), this node in-process; output per node as drbd-reactorctl.
 */
final class ClusteredTest {
    @TempDir
    Path tmp;
    Path main;
    Path log;
    Map<String, String> env;

    @BeforeEach
    void setUp() throws IOException {
        Path d = Files.createDirectories(tmp.resolve("d"));
        log = tmp.resolve("peers.log");
        Path peer = tmp.resolve("peer");
        Files.writeString(peer, "#!/bin/sh\nnode=$1; shift\necho \"$node $*\" >> " + log + "\n"
                + "case $node in\n"
                + "  down) echo 'reactorctl: reactord does not answer' >&2; exit 4 ;;\n"
                + "  *) case \" $* \" in *' --json '*) echo '{\"promoter\":[],\"node\":\"'$node'\"}' ;; *) echo \"status of $node\" ;; esac ;;\n"
                + "esac\n");
        Files.setPosixFilePermissions(peer, PosixFilePermissions.fromString("rwxr-xr-x"));
        main = tmp.resolve("main.toml");
        Files.writeString(main, "snippets = \"" + d + "\"\ndrbdsetup = \"/bin/false\"\nsocket = \"" + tmp.resolve("no.sock")
                + "\"\n[peers]\ncommand = [\"" + peer + "\", \"{node}\"]\ntimeout = \"5s\"\n");
        Files.createDirectories(tmp.resolve("xdg/drbd-reactorctl"));
        env = Map.of("XDG_CONFIG_HOME", tmp.resolve("xdg").toString());
    }

    private record Run(int code, String out, String err) {}

    private Run run(String... args) {
        ClusterArgs ca = ClusterArgs.parse(args);
        String[] line = ReactorCtl.configFirst(ReactorCtl.statusByDefault(ca.restArray()));
        java.io.ByteArrayOutputStream o = new java.io.ByteArrayOutputStream();
        java.io.ByteArrayOutputStream e = new java.io.ByteArrayOutputStream();
        int rc = Clustered.run(ca, line, env, new java.io.PrintStream(o, true, java.nio.charset.StandardCharsets.UTF_8),
                new java.io.PrintStream(e, true, java.nio.charset.StandardCharsets.UTF_8));
        return new Run(rc, o.toString(java.nio.charset.StandardCharsets.UTF_8), e.toString(java.nio.charset.StandardCharsets.UTF_8));
    }

    private List<String> logged() throws IOException {
        return Files.exists(log) ? Files.readAllLines(log).stream().sorted().toList() : List.of();
    }

    @Test
    void nodes_eachPeerRunsTheCommandWithLocal_outputPerNode() throws IOException {
        Run r = run("--nodes", "gamma,beta", "-c", main.toString(), "status");
        assertEquals(ExitCodes.OK, r.code(), r.err());
        assertEquals("➞ beta:\nstatus of beta\n➞ gamma:\nstatus of gamma\n", r.out());
        assertEquals(List.of("beta --local status -c " + main, "gamma --local status -c " + main), logged());
    }

    @Test
    void noCommand_withNodes_isStatusOnEachNode() throws IOException {
        Run r = run("-c", main.toString(), "--nodes", "beta");
        assertEquals(ExitCodes.OK, r.code(), r.err());
        assertEquals(List.of("beta --local status -c " + main), logged());
    }

    @Test
    void context_drbdReactorctlFile_itsNodesThisOneInProcess() throws IOException {
        String me = HostInfo.detect().hostname();
        Files.writeString(tmp.resolve("xdg/drbd-reactorctl/prod.toml"), "[nodes.b]\nhostname = \"beta\"\n[nodes.me]\nhostname = \""
                + me + "\"\n");
        Run r = run("--context", "prod", "-c", main.toString(), "status", "--json");
        assertEquals(ExitCodes.OK, r.code(), r.err());
        JsonNode j = new ObjectMapper().readTree(r.out());
        assertEquals("beta", j.path("beta").path("node").asText(), r.out());
        assertTrue(j.path(me).path("promoter").isArray(), "this node's report, in-process: " + r.out());
        assertTrue(j.path(me).has("reactord"), r.out());
        assertEquals(List.of("beta --local status -c " + main + " --json"), logged());
    }

    @Test
    void nodes_oneFails_exitCodeAndWhichNodeWhy() throws IOException {
        Run r = run("--nodes", "beta,down", "-c", main.toString(), "status");
        assertEquals(ExitCodes.DAEMON_UNREACHABLE, r.code());
        assertTrue(r.out().contains("➞ beta:\nstatus of beta\n"), r.out());
        assertTrue(r.err().contains("reactorctl status: down: reactorctl: reactord does not answer (exit code 4)"), r.err());
    }

    @Test
    void nodes_nameAShellWouldParse_notRunAtAll() throws IOException {
        Run r = run("--nodes", "beta,x;touch${IFS}pwned", "-c", main.toString(), "status");
        assertEquals(ExitCodes.FAILURE, r.code());
        assertTrue(r.err().contains("x;touch${IFS}pwned: not run: node name"), r.err());
        assertEquals(List.of("beta --local status -c " + main), logged());
    }

    @Test
    void words_quotedForThePeersShell() throws IOException {
        Run r = run("--nodes", "beta", "-c", main.toString(), "status", "it's here");
        assertEquals(ExitCodes.OK, r.code(), r.err());
        assertEquals(List.of("beta --local status -c " + main + " 'it'\\''s here'"), logged());
    }

    @Test
    void context_unknownNodeOrCommandOrRmWithoutForce_refused() throws IOException {
        Files.writeString(tmp.resolve("xdg/drbd-reactorctl/prod.toml"), "[nodes.beta]\n");
        Run unknown = run("--context", "prod", "--nodes", "zeta", "status");
        assertEquals(ExitCodes.NOT_FOUND, unknown.code());
        assertTrue(unknown.err().contains("no node 'zeta' in context 'prod'"), unknown.err());
        Run move = run("--nodes", "beta", "move", "r0", "--to", "beta");
        assertEquals(ExitCodes.USAGE, move.code());
        assertTrue(move.err().contains("'move' runs on this node only"), move.err());
        Run rm = run("--nodes", "beta", "rm", "x");
        assertEquals(ExitCodes.USAGE, rm.code());
        assertTrue(rm.err().contains("rm on several nodes needs -f"), rm.err());
        Run missing = run("--context", "nosuch", "status");
        assertEquals(ExitCodes.FAILURE, missing.code());
        assertTrue(missing.err().contains("no context 'nosuch'"), missing.err());
        assertEquals(List.of(), logged());
    }

    @Test
    void noContextFileNoNodes_runsHere() {
        assertEquals(-1, run("-c", main.toString(), "status").code());
        assertEquals(-1, run("--context", "none", "-c", main.toString(), "ls").code());
        assertEquals(-1, run("--nodes", "beta", "status", "--help").code());
        assertFalse(Files.exists(log));
    }
}
