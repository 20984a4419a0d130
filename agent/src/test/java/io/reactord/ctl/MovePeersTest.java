package io.reactord.ctl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.reactord.config.PeersConfig;
import io.reactord.ctl.evict.MovePeers;
import java.io.IOException;
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
}
