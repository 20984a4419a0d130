package io.reactord.ctl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.reactord.systemd.harness.PrivateSystemd;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * evict, move and the snippet commands end to end against a private real systemd. DRBD is a fake peer
 * stream: the fake drbdsetup reports this node Primary while the services target is active, and peer
 * "beta" Primary once it is not (a peer that takes over as soon as this node lets go).
 */
final class OperatorCommandsTest {
    static final String TARGET = "drbd-services@db.target";

    @TempDir
    static Path tmp;
    static PrivateSystemd sd;
    static CtlFixture fx;
    static Path reloaded;

    @BeforeAll
    static void start() throws IOException {
        PrivateSystemd.assumeSystemdOrFail();
        sd = PrivateSystemd.start(tmp.resolve("sd"));
        Path u = sd.unitDir();
        reloaded = tmp.resolve("reloaded");
        Files.writeString(u.resolve("drbd-services@.target"), "[Unit]\nDescription=services of %I\n");
        Files.writeString(u.resolve("drbd-promote@.service"), "[Service]\nType=oneshot\nRemainAfterExit=yes\nExecStart=/bin/true\n");
        Files.writeString(u.resolve("a.service"), "[Service]\nExecStart=/bin/sleep 600\n");
        Files.writeString(u.resolve("b.service"), "[Service]\nExecStart=/bin/sleep 600\n");
        Files.writeString(u.resolve("reactord.service"), "[Service]\nExecStart=/bin/sleep 600\nExecReload=/bin/sh -c 'echo x >> " + reloaded + "'\n");
        sd.daemonReload();
        fx = new CtlFixture(tmp.resolve("cfg"));
        StringBuilder env = new StringBuilder();
        sd.env().forEach((k, v) -> env.append("export ").append(k).append("='").append(v).append("'\n"));
        fx.script(env + "if [ \"$1\" != events2 ]; then exit 10; fi\n"
                + "if systemctl --user -q is-active " + TARGET + "; then me=Primary; peer=Secondary; else me=Secondary; peer=Primary; fi\n"
                + "if [ -e " + tmp.resolve("nobody") + " ]; then peer=Secondary; fi\n"
                + "echo \"exists resource name:db role:$me suspended:no may_promote:no\"\n"
                + "echo \"exists connection name:db peer-node-id:1 conn-name:beta connection:Connected role:$peer\"\n"
                + "echo \"exists device name:db volume:0 minor:0 disk:UpToDate client:no quorum:yes\"\n"
                + "echo \"exists peer-device name:db peer-node-id:1 conn-name:beta volume:0 replication:Established peer-disk:UpToDate\"\n"
                + "echo 'exists -'\n");
    }

    @AfterAll
    static void stop() {
        if (sd != null) {
            sd.close();
        }
    }

    @BeforeEach
    void reset() throws IOException {
        sd.systemctl("unmask", "--runtime", TARGET);
        sd.daemonReload();
        sd.systemctl("stop", "reactord.service");
        Files.deleteIfExists(tmp.resolve("nobody"));
        Files.deleteIfExists(reloaded);
        for (String f : List.of("db.toml", "db.toml.disabled", "x.toml", "x.toml.disabled")) {
            Files.deleteIfExists(fx.snippets.resolve(f));
        }
        fx.snippet("db.toml", "[[promoter]]\n[promoter.resources.db]\nstart = [\"a.service\", \"b.service\"]\n");
    }

    private static <T extends Callable<Integer>> int run(T cmd, CtlFixture.Io io, String... args) {
        try {
            for (String f : List.of("systemctl", "out", "err", "sleeper")) {
                java.lang.reflect.Field field = null;
                for (Class<?> c = cmd.getClass(); c != null && field == null; c = c.getSuperclass()) {
                    try {
                        field = c.getDeclaredField(f); // the snippet commands inherit them from SnippetCommand
                    } catch (NoSuchFieldException e) {
                        // look in the superclass
                    }
                }
                if (field == null) {
                    continue;
                }
                field.setAccessible(true);
                field.set(cmd, switch (f) {
                    case "systemctl" -> CtlFixture.systemctl(sd);
                    case "out" -> io.o;
                    case "err" -> io.e;
                    default -> (io.reactord.ctl.evict.Evictor.Sleeper) ms -> Thread.sleep(20);
                });
            }
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(e);
        }
        String[] all = new String[args.length + 2];
        all[0] = "-c";
        all[1] = fx.main.toString();
        System.arraycopy(args, 0, all, 2, args.length);
        return new CommandLine(cmd).execute(all);
    }

    private static String state(String unit, String prop) {
        return sd.systemctl("show", "-p", prop, "--value", unit).stdout().strip();
    }

    @Test
    void evict_activeHere_stopsWaitsForPeerAndUnmasks() {
        sd.systemctl("start", TARGET).orThrow();
        CtlFixture.Io io = new CtlFixture.Io();
        assertEquals(0, run(new EvictCommand(), io, "-d", "3", "db"), io.out() + io.err());
        assertEquals("Evicting db\n"
                + "  reactord is not running; using systemd only\n"
                + "  masked " + TARGET + " (runtime)\n"
                + "  stopped " + TARGET + "\n"
                + "  node 'beta' took over\n"
                + "  unmasked " + TARGET + "\n", io.out());
        assertEquals("inactive", state(TARGET, "ActiveState"));
        assertEquals("loaded", state(TARGET, "LoadState"));
    }

    @Test
    void evict_keepMasked_leavesMaskUntilUnmask() {
        sd.systemctl("start", TARGET).orThrow();
        CtlFixture.Io io = new CtlFixture.Io();
        assertEquals(0, run(new EvictCommand(), io, "-k", "-d", "3", "db"), io.out() + io.err());
        assertTrue(io.out().contains("  " + TARGET + " stays masked; clear with: reactorctl evict --unmask db\n"), io.out());
        assertEquals("masked", state(TARGET, "LoadState"));
        assertEquals("failed", startResult());
        CtlFixture.Io un = new CtlFixture.Io();
        assertEquals(0, run(new EvictCommand(), un, "--unmask", "db"), un.out() + un.err());
        assertEquals("Unmasking db\n  unmasked " + TARGET + "\n", un.out());
        assertEquals("loaded", state(TARGET, "LoadState"));
    }

    private static String startResult() {
        return sd.systemctl("start", TARGET).exitCode() == 0 ? "started" : "failed";
    }

    @Test
    void evict_nobodyTakesOver_countsDownReportsAndFails() throws IOException {
        sd.systemctl("start", TARGET).orThrow();
        Files.writeString(tmp.resolve("nobody"), "");
        CtlFixture.Io io = new CtlFixture.Io();
        assertEquals(ExitCodes.FAILURE, run(new EvictCommand(), io, "-d", "2", "db"));
        assertTrue(io.out().contains("  waiting for a peer: 2 1 0\n  no other node took over within 2 s; db runs nowhere\n"), io.out());
        assertEquals("loaded", state(TARGET, "LoadState"), "unmasked even when nobody took over");
    }

    @Test
    void evict_activeElsewhere_doesNothing() {
        CtlFixture.Io io = new CtlFixture.Io();
        assertEquals(0, run(new EvictCommand(), io, "db"));
        assertEquals("Evicting db\n  active on 'beta', nothing to do on this node\n", io.out());
    }

    @Test
    void evict_withDaemon_tellsItFirst() throws IOException {
        sd.systemctl("start", TARGET).orThrow();
        try (FakeDaemon d = new FakeDaemon(fx.socket, r -> "{\"ok\":true}")) {
            CtlFixture.Io io = new CtlFixture.Io();
            assertEquals(0, run(new EvictCommand(), io, "-d", "3", "db"), io.out());
            assertEquals(List.of("{\"cmd\":\"evict\",\"resource\":\"db\",\"keep_masked\":false}"), d.requests);
            assertTrue(io.out().contains("  reactord acknowledged the evict\n"), io.out());
        }
    }

    @Test
    void move_toPeer_releasesAndReportsTakeover() throws IOException {
        sd.systemctl("start", TARGET).orThrow();
        try (FakeDaemon d = new FakeDaemon(fx.socket, r -> "{\"ok\":true}")) {
            CtlFixture.Io io = new CtlFixture.Io();
            assertEquals(0, run(new MoveCommand(), io, "db", "--to", "beta", "--for", "5s"), io.out() + io.err());
            assertEquals(List.of("{\"cmd\":\"move\",\"resource\":\"db\",\"to\":\"beta\",\"for_s\":5}"), d.requests);
            assertTrue(io.out().startsWith("Telling the peers (" + fx.peer + " {node} … --local)\n"
                    + "  beta: told: it prefers itself until the move lands or 5 s pass\n"), io.out());
            assertTrue(Files.readString(fx.dir.resolve("peers.log")).contains("beta move db --to beta --for 5s --local\n"));
            assertTrue(io.out().endsWith("  node 'beta' took over\n  unmasked " + TARGET + "\n"), io.out());
            assertEquals("loaded", state(TARGET, "LoadState"));
        }
    }

    @Test
    void move_unknownPeerOrBadDuration_refused() {
        CtlFixture.Io io = new CtlFixture.Io();
        assertEquals(ExitCodes.NOT_FOUND, run(new MoveCommand(), io, "db", "--to", "zeta"));
        assertTrue(io.err().contains("'zeta' is not a peer of db"), io.err());
        assertEquals(ExitCodes.USAGE, run(new MoveCommand(), new CtlFixture.Io(), "db", "--to", "beta", "--for", "soon"));
        assertEquals(ExitCodes.NOT_FOUND, run(new MoveCommand(), new CtlFixture.Io(), "nores", "--to", "beta"));
    }

    @Test
    void disableEnable_renameAndReloadRunningDaemon() throws IOException {
        sd.systemctl("start", "reactord.service").orThrow();
        try (FakeDaemon daemon = new FakeDaemon(fx.socket, r -> "{\"ok\":true}")) {
            disableEnable();
            assertEquals(List.of("{\"cmd\":\"disable\",\"resource\":\"db\",\"now\":false}",
                    "{\"cmd\":\"enable\",\"resource\":\"db\"}"), daemon.requests);
        }
    }

    private void disableEnable() throws IOException {
        CtlFixture.Io io = new CtlFixture.Io();
        assertEquals(0, run(new DisableCommand(), io, "db"), io.err());
        assertTrue(Files.exists(fx.snippets.resolve("db.toml.disabled")));
        assertFalse(Files.exists(fx.snippets.resolve("db.toml")));
        assertTrue(io.out().contains("reloaded reactord.service"), io.out());
        CtlFixture.Io en = new CtlFixture.Io();
        assertEquals(0, run(new EnableCommand(), en, "db"), en.err());
        assertTrue(Files.exists(fx.snippets.resolve("db.toml")));
        assertEquals(2, Files.readAllLines(reloaded).size());
    }

    @Test
    void enable_alreadyEnabled_tellsTheDaemonToClearFailed() throws IOException {
        try (FakeDaemon daemon = new FakeDaemon(fx.socket, r -> "{\"ok\":true}")) {
            CtlFixture.Io io = new CtlFixture.Io();
            assertEquals(0, run(new EnableCommand(), io, "db"), io.err());
            assertEquals(List.of("{\"cmd\":\"enable\",\"resource\":\"db\"}"), daemon.requests);
            assertTrue(Files.exists(fx.snippets.resolve("db.toml")));
        }
    }

    @Test
    void disableNow_stopsTheTarget() {
        sd.systemctl("start", TARGET).orThrow();
        CtlFixture.Io io = new CtlFixture.Io();
        assertEquals(0, run(new DisableCommand(), io, "--now", "db.toml"), io.err());
        assertTrue(io.out().contains("reactord.service is not running: the change applies when it starts\nStopped " + TARGET), io.out());
        assertEquals("inactive", state(TARGET, "ActiveState"));
    }

    @Test
    void enable_brokenSnippet_refusedAndKeptDisabled() throws IOException {
        fx.snippet("x.toml.disabled", "[[promoter]]\n[promoter.resources.x]\nstrat = [\"a.service\"]\n");
        CtlFixture.Io io = new CtlFixture.Io();
        assertEquals(ExitCodes.FAILURE, run(new EnableCommand(), io, "x"));
        assertTrue(io.err().contains("not enabling"), io.err());
        assertTrue(Files.exists(fx.snippets.resolve("x.toml.disabled")));
    }

    @Test
    void rm_asksAndHonoursTheAnswer() {
        RmCommand no = new RmCommand();
        no.in = new ByteArrayInputStream("n\n".getBytes(StandardCharsets.UTF_8));
        assertEquals(0, run(no, new CtlFixture.Io(), "db"));
        assertTrue(Files.exists(fx.snippets.resolve("db.toml")));
        RmCommand yes = new RmCommand();
        yes.in = new ByteArrayInputStream("y\n".getBytes(StandardCharsets.UTF_8));
        assertEquals(0, run(yes, new CtlFixture.Io(), "db"));
        assertFalse(Files.exists(fx.snippets.resolve("db.toml")));
        assertEquals(ExitCodes.NOT_FOUND, run(new RmCommand(), new CtlFixture.Io(), "-f", "db"));
    }

    @Test
    void rmDisabled_bothExist_removesOnlyTheDisabledOne() throws IOException {
        fx.snippet("db.toml.disabled", "[[promoter]]\n[promoter.resources.db]\nstart = [\"a.service\"]\n");
        CtlFixture.Io io = new CtlFixture.Io();
        assertEquals(0, run(new RmCommand(), io, "--disabled", "-f", "db"), io.err());
        assertFalse(Files.exists(fx.snippets.resolve("db.toml.disabled")));
        assertTrue(Files.exists(fx.snippets.resolve("db.toml")));
        assertFalse(Files.exists(reloaded), "a disabled snippet's removal needs no reload");
        CtlFixture.Io none = new CtlFixture.Io();
        assertEquals(ExitCodes.NOT_FOUND, run(new RmCommand(), none, "--disabled", "-f", "db"));
        assertTrue(none.err().contains("no such disabled snippet: db"), none.err());
        assertTrue(Files.exists(fx.snippets.resolve("db.toml")));
    }

    @Test
    void startUntil_startsPromoteAndTheFirstUnits() {
        CtlFixture.Io io = new CtlFixture.Io();
        assertEquals(0, run(new StartUntilCommand(), io, "1", "db"), io.err());
        assertEquals("active", state("drbd-promote@db.service", "ActiveState"));
        assertEquals("active", state("a.service", "ActiveState"));
        assertEquals("inactive", state("b.service", "ActiveState"));
        assertTrue(io.out().contains("systemctl --user start " + TARGET + "   # on this node"), io.out());
        assertEquals(ExitCodes.USAGE, run(new StartUntilCommand(), new CtlFixture.Io(), "c.service", "db"));
        sd.systemctl("stop", "a.service", "drbd-promote@db.service");
    }

    @Test
    void edit_reopensOnErrorThenSaves() throws IOException {
        // first round writes a typo, second round fixes it; the editor sees the error header in between
        Path count = tmp.resolve("edit-count");
        Files.deleteIfExists(count);
        Path editor = fx.write("editor.sh", "#!/bin/sh\nn=$(cat " + count + " 2>/dev/null || echo 0); echo $((n+1)) > " + count + "\n"
                + "if [ $n = 0 ]; then printf '[[promoter]]\\n[promoter.resources.x]\\nstrat = [\"a.service\"]\\n' > \"$1\";\n"
                + "else grep -q '^#| ERROR' \"$1\" || exit 3; printf '[[promoter]]\\n[promoter.resources.x]\\nstart = [\"c.service\"]\\n' > \"$1\"; fi\n");
        editor.toFile().setExecutable(true);
        EditCommand e = new EditCommand();
        e.editor = List.of(editor.toString());
        CtlFixture.Io io = new CtlFixture.Io();
        assertEquals(0, run(e, io, "x"), io.err());
        assertEquals("[[promoter]]\n[promoter.resources.x]\nstart = [\"c.service\"]\n", Files.readString(fx.snippets.resolve("x.toml")));
        assertEquals("2", Files.readString(count).strip());
        assertTrue(io.err().contains("reopening"), io.err());
    }

    @Test
    void edit_unitOfAnotherSnippet_reopensWithTheConflict() throws IOException {
        // db.toml starts a.service: a second resource claiming it would be left out by the daemon
        Path count = tmp.resolve("edit-count2");
        Files.deleteIfExists(count);
        Path editor = fx.write("editor2.sh", "#!/bin/sh\nn=$(cat " + count + " 2>/dev/null || echo 0); echo $((n+1)) > " + count + "\n"
                + "if [ $n = 0 ]; then printf '[[promoter]]\\n[promoter.resources.y]\\nstart = [\"a.service\"]\\n' > \"$1\";\n"
                + "elif [ $n = 1 ]; then grep -q \"start lists of resources 'db'\" \"$1\" || exit 3;"
                + " printf '[[promoter]]\\n[promoter.resources.y]\\nstart = [\"d.service\"]\\n' > \"$1\"; else exit 4; fi\n");
        editor.toFile().setExecutable(true);
        EditCommand e = new EditCommand();
        e.editor = List.of(editor.toString());
        CtlFixture.Io io = new CtlFixture.Io();
        try {
            assertEquals(0, run(e, io, "y"), io.err());
            assertEquals("[[promoter]]\n[promoter.resources.y]\nstart = [\"d.service\"]\n", Files.readString(fx.snippets.resolve("y.toml")));
            assertTrue(io.err().contains("unit \"a.service\" is in the start lists of resources 'db'"), io.err());
        } finally {
            Files.deleteIfExists(fx.snippets.resolve("y.toml")); // the other tests see the fixture's snippets
        }
    }

    @Test
    void lsAndCat_listPluginsAndPrintFiles() {
        CtlFixture.Io io = new CtlFixture.Io();
        assertEquals(0, run(new LsCommand(), io));
        assertEquals(fx.snippets.resolve("db.toml") + ":\n- Promoter: db; start = [\"a.service\", \"b.service\"]\n", io.out());
        CtlFixture.Io cat = new CtlFixture.Io();
        assertEquals(0, run(new CatCommand(), cat, "db"));
        assertEquals("# " + fx.snippets.resolve("db.toml") + "\n[[promoter]]\n[promoter.resources.db]\nstart = [\"a.service\", \"b.service\"]\n", cat.out());
    }

    @Test
    void doctor_daemonDownAndMaskedTarget_explainsAndExitsOne() {
        sd.systemctl("mask", "--runtime", TARGET).orThrow();
        DoctorCommand d = new DoctorCommand();
        d.terminal = io.reactord.agent.control.status.Terminal.plain();
        CtlFixture.Io io = new CtlFixture.Io();
        assertEquals(ExitCodes.FAILURE, run(d, io), io.out() + io.err());
        assertTrue(io.out().contains("✗ reactord is not running: nothing promotes or fails over on this node\n"
                + "    run: systemctl start reactord.service"), io.out());
        assertTrue(io.out().contains("✗ db: " + TARGET + " is masked: db cannot start on this node\n"
                + "    run: reactorctl evict --unmask db.toml\n"), io.out());
        assertTrue(io.out().endsWith("2 problems found\n"), io.out());
    }

    @Test
    void doctor_healthyWithDaemon_exitsZero() throws IOException {
        sd.systemctl("start", "reactord.service").orThrow();
        try (FakeDaemon daemon = new FakeDaemon(fx.socket, r -> "{\"ok\":true,\"resources\":[]}")) {
            DoctorCommand d = new DoctorCommand();
            d.terminal = io.reactord.agent.control.status.Terminal.plain();
            CtlFixture.Io io = new CtlFixture.Io();
            assertEquals(0, run(d, io), io.out() + io.err());
            assertEquals("✓ nothing needs attention (1 promoter resources checked)\n", io.out());
        }
    }
}
