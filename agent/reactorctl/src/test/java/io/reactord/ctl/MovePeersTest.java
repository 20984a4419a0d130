package io.reactord.ctl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.reactord.config.PeersConfig;
import io.reactord.ctl.evict.MovePeers;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** How a move reaches the peers: the peer command per node, its answers, and {@code move --local} on a peer. */
final class MovePeersTest {
    @TempDir
    Path tmp;

    /** A peer command that behaves per node: beta takes it, gamma has no daemon, delta is unreachable, eps hangs. */
    private PeersConfig peers() throws IOException {
        Path p = tmp.resolve("peer");
        Files.writeString(p, "#!/bin/sh\nnode=$1; shift\necho \"$node $*\" >> " + tmp.resolve("log") + "\n"
                + "case $node in\n beta) exit 0;;\n gamma) echo 'reactorctl move: reactord is not running' >&2; exit 4;;\n"
                + " delta) echo 'ssh: connect to host delta port 22: No route to host' >&2; exit 255;;\n"
                + " *) exec sleep 30;;\nesac\n");
        Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwx------"));
        return new PeersConfig(List.of(p.toString(), "{node}"), Duration.ofSeconds(1));
    }

    @Test
    void tell_eachPeer_reportsWhatItMeans() throws IOException {
        CtlFixture.Io io = new CtlFixture.Io();
        Map<String, MovePeers.Answer> a = new MovePeers(peers(), io.o).tell("db", "beta", 60, List.of("beta", "gamma", "delta", "eps"));
        assertEquals(Map.of("beta", MovePeers.Answer.TOLD, "gamma", MovePeers.Answer.NO_DAEMON,
                "delta", MovePeers.Answer.UNREACHABLE, "eps", MovePeers.Answer.UNREACHABLE), a);
        String out = io.out();
        assertTrue(out.contains("  beta: told: it prefers itself until the move lands or 60 s pass\n"), out);
        assertTrue(out.contains("  gamma: reached, but its reactord does not answer (reactorctl move: reactord is not running): it starts nothing there\n"), out);
        assertTrue(out.contains("  delta: not told (ssh: connect to host delta port 22: No route to host): it may win the promotion race instead of 'beta'\n"), out);
        assertTrue(out.contains("  eps: not told (no answer within 1 s): it may win the promotion race instead of 'beta'\n"), out);
        List<String> log = Files.readAllLines(tmp.resolve("log"));
        assertTrue(log.contains("beta move db --to beta --for 60s --local"), log.toString());
    }

    @Test
    void tell_bystanderTold_saysItHoldsBack() throws IOException {
        CtlFixture.Io io = new CtlFixture.Io();
        new MovePeers(peers(), io.o).tell("db", "zeta", 30, List.of("beta"));
        assertTrue(io.out().contains("  beta: told: it holds back while 'zeta' is connected and UpToDate\n"), io.out());
    }

    @Test
    void tell_commandMissing_unreachableWithReason() {
        CtlFixture.Io io = new CtlFixture.Io();
        Map<String, MovePeers.Answer> a = new MovePeers(new PeersConfig(List.of(tmp.resolve("nope").toString(), "{node}"),
                Duration.ofSeconds(1)), io.o).tell("db", "beta", 60, List.of("beta"));
        assertEquals(MovePeers.Answer.UNREACHABLE, a.get("beta"));
        assertTrue(io.out().contains("  beta: not told (cannot run " + tmp.resolve("nope")), io.out());
    }

    private int moveLocal(CtlFixture fx, CtlFixture.Io io, String... args) {
        MoveCommand c = new MoveCommand();
        c.out = io.o;
        c.err = io.e;
        return new CommandLine(c).execute(fx.withConfig(args));
    }

    @Test
    void moveLocal_daemonAnswers_handsTheMoveOver() throws IOException {
        CtlFixture fx = new CtlFixture(tmp.resolve("cfg"));
        try (FakeDaemon d = new FakeDaemon(fx.socket, r -> "{\"ok\":true}")) {
            CtlFixture.Io io = new CtlFixture.Io();
            assertEquals(0, moveLocal(fx, io, "db", "--to", "beta", "--for", "2m", "--local"), io.err());
            assertEquals(List.of("{\"cmd\":\"move\",\"resource\":\"db\",\"to\":\"beta\",\"for_s\":120}"), d.requests);
            assertTrue(io.out().contains("took the move of db to 'beta' for 120 s"), io.out());
        }
    }

    @Test
    void moveLocal_noDaemonOrUnknownResource_exitCodes() throws IOException {
        CtlFixture fx = new CtlFixture(tmp.resolve("cfg"));
        CtlFixture.Io io = new CtlFixture.Io();
        assertEquals(ExitCodes.DAEMON_UNREACHABLE, moveLocal(fx, io, "db", "--to", "beta", "--local"));
        assertTrue(io.err().contains("reactord is not running"), io.err());
        try (FakeDaemon d = new FakeDaemon(fx.socket, r -> "{\"ok\":false,\"error\":\"no such resource: db\"}")) {
            assertEquals(ExitCodes.NOT_FOUND, moveLocal(fx, new CtlFixture.Io(), "db", "--to", "beta", "--local"));
        }
    }

    /** Words a remote shell would act on: separators, substitutions, expansions, quotes, newlines, globs. */
    private static final List<String> HOSTILE_WORDS = List.of("r0;touch${IFS}PWNED;:", "$(touch PWNED)", "`touch PWNED`",
            "${IFS}", "it's", "say \"hi\"", "a\nb\ntouch PWNED", "'", "''", "\\", "*", "~", "{a,b}", "a&&touch PWNED",
            "|touch PWNED", ">PWNED", "", " ", "-x", "%i", "a\tb", "#comment", "!", "ü😀");

    /** A recorder for the remote {@code reactorctl}: writes its argv NUL-separated to {@code tmp/argv}. */
    private Path recorder() throws IOException {
        Path p = tmp.resolve("recorder");
        Files.writeString(p, "#!/bin/sh\nfor a in \"$@\"; do printf '%s\\0' \"$a\"; done > " + tmp.resolve("argv") + "\n");
        Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwx------"));
        return p;
    }

    /** What ssh does with its remote words: joins them with spaces and has the peer's shell parse the line. */
    private Path fakeSsh() throws IOException {
        Path p = tmp.resolve("fake-ssh");
        Files.writeString(p, "#!/bin/sh\nshift\ncd " + tmp + " || exit 99\nexec sh -c \"$*\"\n");
        Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwx------"));
        return p;
    }

    private List<String> runAndRecord(List<String> cmd) throws IOException, InterruptedException {
        Files.deleteIfExists(tmp.resolve("argv"));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(10, java.util.concurrent.TimeUnit.SECONDS), out);
        assertEquals(0, p.exitValue(), out);
        String rec = Files.readString(tmp.resolve("argv"), StandardCharsets.UTF_8);
        List<String> words = new ArrayList<>(Arrays.asList(rec.split("\0", -1)));
        words.remove(words.size() - 1); // after the last NUL
        return words;
    }

    @Test
    void peerCommand_hostileWordsThroughSshLikeShell_arriveExactlyWithoutSideEffects() throws Exception {
        PeersConfig pc = new PeersConfig(List.of(fakeSsh().toString(), "root@{node}", recorder().toString()), Duration.ofSeconds(5));
        for (String w : HOSTILE_WORDS) {
            List<String> args = List.of("move", w, "--to", "beta", w + w);
            List<String> cmd = MovePeers.peerCommand(pc, "beta", args);
            assertEquals(args, runAndRecord(cmd), w);
            assertFalse(Files.exists(tmp.resolve("PWNED")), "side effect of " + w);
        }
        List<String> all = new ArrayList<>(HOSTILE_WORDS);
        assertEquals(all, runAndRecord(MovePeers.peerCommand(pc, "beta", all)));
        assertFalse(Files.exists(tmp.resolve("PWNED")));
    }

    @Test
    void peerCommand_unquotedJoin_wouldHaveRunTheInjection() throws Exception {
        // the attack the quoting prevents: the same words joined by ssh without quoting run touch on the peer
        List<String> cmd = List.of(fakeSsh().toString(), "beta", recorder().toString(), "move", "r0;touch${IFS}PWNED;:");
        runAndRecord(cmd);
        assertTrue(Files.exists(tmp.resolve("PWNED")));
    }

    @Test
    void peerCommand_noShellPeerCommand_receivesTheSameWords() throws Exception {
        PeersConfig pc = new PeersConfig(List.of(recorder().toString(), "{node}"), Duration.ofSeconds(5));
        List<String> args = List.of("move", "pvc-1.a+b_c", "--to", "node-2.example.com", "--for", "60s", "--local");
        List<String> expect = new ArrayList<>(List.of("node-2.example.com"));
        expect.addAll(args);
        assertEquals(expect, runAndRecord(MovePeers.peerCommand(pc, "node-2.example.com", args)));
    }

    @Test
    void tell_throughSshLikeShell_peerGetsTheExactMoveWords() throws Exception {
        PeersConfig pc = new PeersConfig(List.of(fakeSsh().toString(), "root@{node}", recorder().toString()), Duration.ofSeconds(5));
        CtlFixture.Io io = new CtlFixture.Io();
        assertEquals(Map.of("beta", MovePeers.Answer.TOLD), new MovePeers(pc, io.o).tell("r0.x+y", "beta", 90, List.of("beta")));
        String rec = Files.readString(tmp.resolve("argv"), StandardCharsets.UTF_8);
        assertEquals("move\0r0.x+y\0--to\0beta\0--for\090s\0--local\0", rec);
    }

    @Test
    void tell_hostilePeerName_notRunOthersTold() throws Exception {
        CtlFixture.Io io = new CtlFixture.Io();
        String evil = "x;touch${IFS}PWNED;:";
        Map<String, MovePeers.Answer> a = new MovePeers(peers(), io.o).tell("db", "beta", 60, List.of("beta", evil, "-oProxyCommand=x"));
        assertEquals(MovePeers.Answer.UNREACHABLE, a.get(evil));
        assertEquals(MovePeers.Answer.UNREACHABLE, a.get("-oProxyCommand=x"));
        assertEquals(MovePeers.Answer.TOLD, a.get("beta"));
        assertTrue(io.out().contains("not told (not run: node name '" + evil + "' contains ';'"), io.out());
        assertEquals(List.of("beta move db --to beta --for 60s --local"), Files.readAllLines(tmp.resolve("log")));
        assertFalse(Files.exists(tmp.resolve("PWNED")));
    }

    @Test
    void tell_hostileResourceOrTarget_refusedBeforeAnyPeerRuns() throws IOException {
        PeersConfig pc = peers();
        CtlFixture.Io io = new CtlFixture.Io();
        assertThrowsIae(() -> new MovePeers(pc, io.o).tell("r0;id", "beta", 60, List.of("beta")));
        assertThrowsIae(() -> new MovePeers(pc, io.o).tell("db", "beta;id", 60, List.of("beta")));
        assertFalse(Files.exists(tmp.resolve("log")));
    }

    private static void assertThrowsIae(Runnable r) {
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, r::run);
    }

    @Test
    void move_hostileTarget_usageErrorNothingSent() {
        for (String to : List.of("beta;id", "-oProxyCommand=x", "a b", "$(id)", "a\u001b[2J")) {
            MoveCommand c = new MoveCommand();
            CtlFixture.Io io = new CtlFixture.Io();
            c.out = io.o;
            c.err = io.e;
            assertEquals(ExitCodes.USAGE, new CommandLine(c).execute("db", "--to", to), to);
            assertTrue(io.err().startsWith("reactorctl move: --to: node name '"), io.err());
            assertFalse(io.err().contains("\u001b"), io.err());
        }
    }

    @Test
    void tell_peerOutputWithEscapes_printedEscaped() throws IOException {
        Path p = tmp.resolve("esc-peer");
        Files.writeString(p, "#!/bin/sh\nprintf 'bad\\033]0;title\\007\\033[2J\\n' >&2\nexit 1\n");
        Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwx------"));
        CtlFixture.Io io = new CtlFixture.Io();
        new MovePeers(new PeersConfig(List.of(p.toString(), "{node}"), Duration.ofSeconds(5)), io.o).tell("db", "beta", 60, List.of("beta"));
        assertFalse(io.out().contains("\u001b") || io.out().contains("\u0007"), io.out());
        assertTrue(io.out().contains("  beta: not told (bad\\x1b]0;title\\x07\\x1b[2J)"), io.out());
    }
}
