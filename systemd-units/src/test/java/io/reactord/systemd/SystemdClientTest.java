package io.reactord.systemd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.reactord.systemd.harness.PrivateSystemd;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link SystemdClient} against a private real systemd manager and its real dbus-daemon. */
final class SystemdClientTest {
    @TempDir
    static Path tmp;

    private static PrivateSystemd systemd;
    private static SystemdClient client;

    @BeforeAll
    static void startManager() throws Exception {
        PrivateSystemd.assumeSystemdOrFail();
        systemd = PrivateSystemd.start(tmp.resolve("systemd"));
        Path units = systemd.unitDir();
        Files.writeString(units.resolve("ok.service"), "[Service]\nType=oneshot\nRemainAfterExit=yes\nExecStart=/bin/true\n");
        Files.writeString(units.resolve("fails.service"), "[Service]\nType=oneshot\nExecStart=/bin/false\n");
        Files.writeString(units.resolve("slow.service"), "[Service]\nType=oneshot\nRemainAfterExit=yes\nExecStart=/bin/sleep 1.5\n");
        Files.writeString(units.resolve("daemon.service"), "[Service]\nExecStart=/bin/sleep infinity\n");
        Files.writeString(units.resolve("maskme.service"), "[Service]\nExecStart=/bin/sleep infinity\n");
        Files.writeString(units.resolve("sum-active.service"), "[Service]\nExecStart=/bin/sleep infinity\n");
        Files.writeString(units.resolve("sum-failed.service"), "[Service]\nType=oneshot\nExecStart=/bin/false\n");
        Files.writeString(units.resolve("sum-masked.service"), "[Service]\nExecStart=/bin/sleep infinity\n");
        Files.writeString(units.resolve("sum-idle.service"), "[Service]\nExecStart=/bin/sleep infinity\n");
        Files.writeString(units.resolve("sum.target"), "[Unit]\n");
        Files.writeString(units.resolve("order.target"), "[Unit]\n");
        client = SystemdClient.forAddress(systemd.busAddress(), Duration.ofSeconds(20));
        client.start().get(10, TimeUnit.SECONDS);
        client.daemonReload().get(10, TimeUnit.SECONDS);
    }

    @AfterAll
    static void stopManager() {
        if (client != null) {
            client.close();
        }
        if (systemd != null) {
            systemd.close();
        }
    }

    private static Throwable failure(CompletableFuture<?> f) {
        ExecutionException e = assertThrows(ExecutionException.class, () -> f.get(20, TimeUnit.SECONDS));
        return e.getCause();
    }

    @Test
    void startUnit_oneshot_doneAndActive() throws Exception {
        assertEquals(JobResult.DONE, client.startUnit("ok.service", "replace").get(10, TimeUnit.SECONDS));
        UnitState s = client.unitState("ok.service").get(10, TimeUnit.SECONDS);
        assertEquals("active", s.activeState());
        assertEquals("exited", s.subState());
        assertEquals("loaded", s.loadState());
        assertTrue(s.conditionResult());
    }

    @Test
    void startUnit_failingOneshot_failedThenResetFailedClearsIt() throws Exception {
        assertEquals(JobResult.FAILED, client.startUnit("fails.service", "replace").get(10, TimeUnit.SECONDS));
        assertTrue(client.unitState("fails.service").get(10, TimeUnit.SECONDS).failed());
        client.resetFailedUnit("fails.service").get(10, TimeUnit.SECONDS);
        assertEquals("inactive", client.unitState("fails.service").get(10, TimeUnit.SECONDS).activeState());
    }

    @Test
    void startUnit_unknownUnit_noSuchUnitException() {
        Throwable t = failure(client.startUnit("nope.service", "replace"));
        assertInstanceOf(NoSuchUnitException.class, t);
        assertTrue(t.getMessage().contains("nope.service"), t.getMessage());
    }

    @Test
    void unitState_unknownUnit_notFound() throws Exception {
        assertEquals("not-found", client.unitState("nope.service").get(10, TimeUnit.SECONDS).loadState());
    }

    @Test
    void startUnit_slowUnit_returnsBeforeTheJobEnds() throws Exception {
        CompletableFuture<JobResult> f = client.startUnit("slow.service", "replace");
        assertFalse(f.isDone(), "the caller's thread did not wait for the job");
        assertEquals(JobResult.DONE, f.get(10, TimeUnit.SECONDS));
        assertEquals(JobResult.DONE, client.stopUnit("slow.service", "replace").get(10, TimeUnit.SECONDS));
    }

    @Test
    void startUnit_noJobResultInTime_jobTimeoutException() throws Exception {
        try (SystemdClient impatient = SystemdClient.forAddress(systemd.busAddress(), Duration.ofMillis(200))) {
            impatient.start().get(10, TimeUnit.SECONDS);
            client.stopUnit("slow.service", "replace").get(10, TimeUnit.SECONDS);
            Throwable t = failure(impatient.startUnit("slow.service", "replace"));
            assertInstanceOf(JobTimeoutException.class, t);
        }
        client.stopUnit("slow.service", "replace").get(10, TimeUnit.SECONDS);
    }

    @Test
    void onUnitStateChange_serviceStartsAndStops_eachStateReportedOnce() throws Exception {
        List<UnitStateChange> seen = new CopyOnWriteArrayList<>();
        try (SystemdClient.Registration reg = client.onUnitStateChange(c -> {
            if (c.unit().equals("daemon.service")) {
                seen.add(c);
            }
        })) {
            client.startUnit("daemon.service", "replace").get(10, TimeUnit.SECONDS);
            client.stopUnit("daemon.service", "replace").get(10, TimeUnit.SECONDS);
            Awaitility.await().atMost(Duration.ofSeconds(5))
                    .until(() -> seen.stream().anyMatch(c -> c.activeState().equals("inactive")));
        }
        assertTrue(seen.contains(new UnitStateChange("daemon.service", "active", "running")), seen.toString());
        for (int i = 1; i < seen.size(); i++) {
            assertFalse(seen.get(i).equals(seen.get(i - 1)), "duplicate report: " + seen);
        }
    }

    /**
     * systemd announces a queued stop with the unit's (still active) state, before the job's JobRemoved; a
     * client that has not seen the unit yet reports that state. It must reach the listeners before the
     * job's result does, else a consumer of both believes the stale "active" over the finished stop.
     */
    @Test
    void stopUnit_stateSentBeforeJobRemoved_reportedBeforeTheJobResult() throws Exception {
        assertEquals(JobResult.DONE, client.startUnit("order.target", "replace").get(10, TimeUnit.SECONDS));
        List<String> seen = new CopyOnWriteArrayList<>();
        try (SystemdClient fresh = SystemdClient.forAddress(systemd.busAddress(), Duration.ofSeconds(20))) {
            fresh.start().get(10, TimeUnit.SECONDS);
            // The first report holds the events thread until the job's callback is attached below: a job that
            // completes before thenApply is attached would run the callback on this thread instead.
            CountDownLatch attached = new CountDownLatch(1);
            fresh.onUnitStateChange(c -> {
                if (c.unit().equals("order.target")) {
                    seen.add(c.activeState() + " on " + Thread.currentThread().getName());
                    awaitQuietly(attached);
                }
            });
            CompletableFuture<String> job = fresh.stopUnit("order.target", "replace")
                    .thenApply(r -> {
                        seen.add("job " + r + " on " + Thread.currentThread().getName());
                        return Thread.currentThread().getName();
                    });
            attached.countDown();
            String thread = job.get(10, TimeUnit.SECONDS);
            Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> seen.stream().anyMatch(e -> e.startsWith("inactive")));
            assertEquals("reactord-systemd-events", thread, seen.toString());
            int active = seen.indexOf("active on reactord-systemd-events");
            assertTrue(active >= 0 && active < seen.indexOf("job DONE on reactord-systemd-events"), seen.toString());
        }
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    void maskRuntime_unit_startRefusedUntilUnmasked() throws Exception {
        client.maskRuntime("maskme.service").get(10, TimeUnit.SECONDS);
        assertEquals("masked", client.unitState("maskme.service").get(10, TimeUnit.SECONDS).loadState());
        assertInstanceOf(UnitMaskedException.class, failure(client.startUnit("maskme.service", "replace")));
        client.unmaskRuntime("maskme.service").get(10, TimeUnit.SECONDS);
        assertEquals("loaded", client.unitState("maskme.service").get(10, TimeUnit.SECONDS).loadState());
    }

    @Test
    void freezeUnit_inactiveUnit_clearError() {
        Throwable t = failure(client.freezeUnit("ok-never-started@x.service"));
        assertInstanceOf(SystemdException.class, t);
        assertTrue(t.getMessage().startsWith("freeze ok-never-started@x.service: "), t.getMessage());
    }

    @Test
    void unitStates_unitsInEveryState_sameAsSystemctlShowInTheOrderAsked() throws Exception {
        assertEquals(JobResult.DONE, client.startUnit("sum-active.service", "replace").get(10, TimeUnit.SECONDS));
        assertEquals(JobResult.DONE, client.startUnit("sum.target", "replace").get(10, TimeUnit.SECONDS));
        assertEquals(JobResult.FAILED, client.startUnit("sum-failed.service", "replace").get(10, TimeUnit.SECONDS));
        client.maskRuntime("sum-masked.service").get(10, TimeUnit.SECONDS);
        try {
            List<String> units = List.of("sum-failed.service", "sum-active.service", "nope.service", "sum.target",
                    "sum-masked.service", "sum-idle.service");
            List<UnitState> got = client.unitStates(units).get(10, TimeUnit.SECONDS);
            List<String> show = new java.util.ArrayList<>(List.of("show",
                    "--property=Id,LoadState,ActiveState,SubState,FreezerState,Result"));
            show.addAll(units);
            String[] blocks = systemd.systemctl(show.toArray(String[]::new)).orThrow().stdout().strip().split("\n\n");
            assertEquals(units.size(), got.size());
            for (int i = 0; i < units.size(); i++) {
                java.util.Map<String, String> p = new java.util.HashMap<>();
                for (String line : blocks[i].split("\n")) {
                    p.put(line.substring(0, line.indexOf('=')), line.substring(line.indexOf('=') + 1));
                }
                UnitState u = got.get(i);
                assertEquals(units.get(i), u.unit());
                assertEquals(p.get("LoadState"), u.loadState(), u.unit());
                assertEquals(p.get("ActiveState"), u.activeState(), u.unit());
                assertEquals(p.get("SubState"), u.subState(), u.unit());
                assertEquals(p.get("FreezerState"), u.freezerState(), u.unit());
                assertEquals(p.getOrDefault("Result", ""), u.result(), u.unit());
            }
            assertEquals("exit-code", got.get(0).result());
            assertEquals("masked", got.get(4).loadState());
            assertEquals("", got.get(3).result(), "a target has no result");
        } finally {
            client.unmaskRuntime("sum-masked.service").get(10, TimeUnit.SECONDS);
            client.stopUnit("sum-active.service", "replace").get(10, TimeUnit.SECONDS);
            client.resetFailedUnit("sum-failed.service").get(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void activeState_manyConcurrentReads_eachAnswersItsOwnUnit() throws Exception {
        assertEquals(JobResult.DONE, client.startUnit("ok.service", "replace").get(10, TimeUnit.SECONDS));
        List<CompletableFuture<String>> fs = new java.util.ArrayList<>();
        for (int i = 0; i < 60; i++) {
            fs.add(client.activeState(i % 3 == 0 ? "ok.service" : i % 3 == 1 ? "nope.service" : "sum-idle.service"));
        }
        for (int i = 0; i < 60; i++) {
            assertEquals(i % 3 == 0 ? "active" : "inactive", fs.get(i).get(10, TimeUnit.SECONDS), "read " + i);
        }
    }

    @Test
    void activeState_invalidName_failsAlone() throws Exception {
        CompletableFuture<String> bad = client.activeState("not a unit");
        CompletableFuture<String> good = client.activeState("sum-idle.service");
        assertInstanceOf(SystemdException.class, failure(bad));
        assertEquals("inactive", good.get(10, TimeUnit.SECONDS));
    }

    @Test
    void unitReads_neverConnected_failWithBusUnavailable() {
        SystemdClient idle = SystemdClient.forAddress(systemd.busAddress(), Duration.ofSeconds(5));
        try {
            assertInstanceOf(BusUnavailableException.class, failure(idle.activeState("ok.service")));
            assertInstanceOf(BusUnavailableException.class, failure(idle.unitStates(List.of("ok.service"))));
        } finally {
            idle.close();
        }
        assertInstanceOf(BusUnavailableException.class, failure(idle.activeState("ok.service")));
    }
}
