package io.reactord.agent.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.reactord.agent.time.VirtualScheduler;
import io.reactord.events2.Event;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A statistics-only line is applied from its bytes while nobody observes every event (replay), and parsed into an
 * event when an observer needs it (the daemon): the cluster state ends up the same either way.
 */
final class AgentCoreStatisticsTest {
    private static final String[] DUMP = {
        "exists resource name:r0 role:Secondary suspended:no force-io-failures:no write-ordering:flush may_promote:no"
                + " promotion_score:10103",
        "exists device name:r0 volume:0 minor:1000 backing_dev:/dev/vg/r0 disk:UpToDate client:no open:no quorum:yes"
                + " size:10485760 read:2048 written:734112 al-writes:0 bm-writes:0 upper-pending:0 lower-pending:0"
                + " al-suspended:no blocked:no",
        "exists -",
    };
    private static final String STATS = "change device name:r0 volume:0 minor:1000 disk:UpToDate client:no open:no"
            + " quorum:yes size:10485760 read:4096 written:900000 al-writes:3 bm-writes:0 upper-pending:0"
            + " lower-pending:0 al-suspended:no blocked:no";

    private static AgentCore core() {
        return new AgentCore(new VirtualScheduler(), Runnable::run, new InstantUnits(), JournalSink.NONE,
                CommandListener.NONE);
    }

    private static Event feed(AgentCore core, String line) {
        byte[] b = ("xx" + line + "\n").getBytes(StandardCharsets.UTF_8);
        Event e = core.onLine(b, 2, b.length - 1);
        b[2] = 'X'; // the core must not keep the region
        return e;
    }

    @Test
    void onLine_statisticsOnlyWithoutObservers_appliedFromBytesSameState() {
        AgentCore fast = core();
        AgentCore observed = core();
        List<Event> seen = new ArrayList<>();
        observed.observe((e, before, after, cs) -> seen.add(e));
        for (String l : DUMP) {
            feed(fast, l);
            feed(observed, l);
        }

        assertNull(feed(fast, STATS), "no observer: the line is applied from its bytes, no event is built");
        assertInstanceOf(Event.class, feed(observed, STATS));
        assertInstanceOf(Event.class, seen.get(seen.size() - 1), "an observer still sees every line");

        assertEquals("4096", fast.cluster().resource("r0").devices().get(0).stats().get("read"));
        assertEquals(observed.cluster().resource("r0"), fast.cluster().resource("r0"));
    }

    @Test
    void onLine_stateChangeWithoutObservers_stillParsed() {
        AgentCore fast = core();
        for (String l : DUMP) {
            feed(fast, l);
        }
        Event e = feed(fast, STATS.replace("disk:UpToDate", "disk:Outdated"));
        assertInstanceOf(Event.class, e);
        assertEquals("Outdated", fast.cluster().resource("r0").devices().get(0).disk().drbdName());
    }
}
