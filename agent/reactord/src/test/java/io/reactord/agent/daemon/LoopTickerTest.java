package io.reactord.agent.daemon;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.reactord.agent.time.VirtualScheduler;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

final class LoopTickerTest {
    private final VirtualScheduler clock = new VirtualScheduler();
    private final Queue<Runnable> loop = new ArrayDeque<>();
    private final AtomicInteger pings = new AtomicInteger();

    private void drain() {
        for (Runnable r; (r = loop.poll()) != null; ) {
            r.run();
        }
    }

    @Test
    void tick_loopRuns_pingsEveryPeriod() {
        new LoopTicker(clock, loop::add, Duration.ofSeconds(15), pings::incrementAndGet).start();
        drain();
        for (int i = 0; i < 4; i++) {
            clock.advanceBy(Duration.ofSeconds(15));
            drain();
        }
        assertEquals(5, pings.get());
    }

    @Test
    void tick_loopStuck_noPingsAndNoBurstAfterwards() {
        new LoopTicker(clock, loop::add, Duration.ofSeconds(15), pings::incrementAndGet).start();
        drain();
        clock.advanceBy(Duration.ofSeconds(15)); // the tick is queued, but the loop hangs from here on
        clock.advanceBy(Duration.ofSeconds(60));
        assertEquals(1, pings.get(), "no ping while the loop does not run");
        assertEquals(1, loop.size(), "one tick waits, not one per period");
        drain();
        assertEquals(2, pings.get());
    }

    @Test
    void watchdogInterval_halfOfWatchdogUsec_onlyForThisPid() {
        assertEquals(Duration.ofSeconds(15), Notifier.watchdogInterval(Map.of("WATCHDOG_USEC", "30000000"), 42));
        assertEquals(Duration.ofSeconds(15), Notifier.watchdogInterval(Map.of("WATCHDOG_USEC", "30000000", "WATCHDOG_PID", "42"), 42));
        assertEquals(null, Notifier.watchdogInterval(Map.of("WATCHDOG_USEC", "30000000", "WATCHDOG_PID", "7"), 42));
        assertEquals(null, Notifier.watchdogInterval(Map.of(), 42));
        assertEquals(null, Notifier.watchdogInterval(Map.of("WATCHDOG_USEC", "x"), 42));
    }

    @Test
    void notifier_statusSentOnlyWhenChangedAndCleaned() throws Exception {
        java.util.List<String> sent = new java.util.concurrent.CopyOnWriteArrayList<>();
        try (Notifier n = new Notifier(a -> {
            sent.add(String.join(" ", a));
            return 0;
        })) {
            n.ready("waiting for DRBD: x\ny");
            n.status("waiting for DRBD: x\ny");
            n.status("1 resource(s) managed");
            n.watchdog();
        }
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> sent.size() == 3);
        assertEquals(java.util.List.of("READY=1 STATUS=waiting for DRBD: x y", "STATUS=1 resource(s) managed", "WATCHDOG=1"), sent);
    }
}
