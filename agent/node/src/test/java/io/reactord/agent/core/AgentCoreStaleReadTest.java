package io.reactord.agent.core;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.reactord.agent.promoter.PromoterSettings;
import io.reactord.agent.promoter.PromoterState;
import io.reactord.agent.promoter.UnitActiveState;
import io.reactord.agent.time.VirtualScheduler;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/**
 * A unit state read answered after a newer job result (the read was issued before the stop finished, its
 * answer arrives after) is never handed to the promoter as news: no second stop of a stopped target.
 */
final class AgentCoreStaleReadTest {
    private static final String TARGET = "drbd-services@a.target";

    private final VirtualScheduler clock = new VirtualScheduler();
    private final ArrayDeque<Runnable> loop = new ArrayDeque<>();
    private final List<String> calls = new ArrayList<>();
    private final ArrayDeque<CompletableFuture<JobOutcome>> heldStops = new ArrayDeque<>();
    private final ArrayDeque<CompletableFuture<UnitActiveState>> heldReads = new ArrayDeque<>();
    private boolean holdReads;

    private final UnitController units = new InstantUnits() {
        @Override
        public CompletableFuture<JobOutcome> stop(String r, String u) {
            calls.add("stop " + u);
            CompletableFuture<JobOutcome> f = new CompletableFuture<>();
            heldStops.add(f);
            return f;
        }

        @Override
        public CompletableFuture<UnitActiveState> activeState(String r, String u) {
            calls.add("read " + u);
            if (!holdReads) {
                return CompletableFuture.completedFuture(UnitActiveState.ACTIVE);
            }
            CompletableFuture<UnitActiveState> f = new CompletableFuture<>();
            heldReads.add(f);
            return f;
        }
    };

    private final AgentCore core = new AgentCore(clock, loop::add, units, JournalSink.NONE, CommandListener.NONE);

    private void drain() {
        Runnable r;
        while ((r = loop.poll()) != null) {
            r.run();
        }
    }

    private void feed(String... lines) {
        for (String l : lines) {
            core.onLine(l);
            drain();
        }
    }

    private void dump(String quorum) {
        feed("exists resource name:a role:Primary suspended:no force-io-failures:no may_promote:no promotion_score:10103",
                "exists device name:a volume:0 minor:1 disk:UpToDate client:no open:yes quorum:" + quorum, "exists -");
    }

    /** Adopted ACTIVE on a quorate Primary, then quorum lost: one stop, held until the test finishes it. */
    private void activeThenQuorumLost() {
        PromoterSettings d = PromoterSettings.defaults("a", "alpha", TARGET, List.of("a.service"));
        core.setResources(Map.of("a", d));
        dump("yes");
        assertEquals(PromoterState.ACTIVE, core.promoters().get("a").state());
        feed("change device name:a volume:0 minor:1 quorum:no");
        assertEquals(PromoterState.STOPPING, core.promoters().get("a").state());
    }

    private long stops() {
        return calls.stream().filter(c -> c.startsWith("stop")).count();
    }

    @Test
    void adoption_readAnsweredAfterTheStopFinished_readsAgainInsteadOfRestartingTheStop() {
        activeThenQuorumLost();
        core.streamRestarting("test");
        drain();
        holdReads = true;
        dump("no");
        heldStops.poll().complete(JobOutcome.done(UnitActiveState.INACTIVE));
        drain();
        assertEquals(PromoterState.IDLE, core.promoters().get("a").state());
        heldReads.poll().complete(UnitActiveState.ACTIVE); // read before the stop finished: stale
        drain();
        assertEquals(1, heldReads.size(), "the stale answer makes the core read again: " + calls);
        heldReads.poll().complete(UnitActiveState.INACTIVE);
        drain();
        assertEquals(1, stops(), calls.toString());
        assertEquals(PromoterState.IDLE, core.promoters().get("a").state());
    }

    @Test
    void rereadTargets_answerOlderThanAStopResult_dropped() {
        activeThenQuorumLost();
        holdReads = true;
        core.rereadTargets();
        heldStops.poll().complete(JobOutcome.done(UnitActiveState.INACTIVE));
        drain();
        heldReads.poll().complete(UnitActiveState.ACTIVE);
        drain();
        assertEquals(1, stops(), calls.toString());
        assertEquals(PromoterState.IDLE, core.promoters().get("a").state());
    }

    @Test
    void rereadTargets_nothingNewerMeanwhile_answerHandedOver() {
        activeThenQuorumLost();
        heldStops.poll().complete(JobOutcome.done(UnitActiveState.INACTIVE));
        drain();
        holdReads = true;
        core.rereadTargets();
        heldReads.poll().complete(UnitActiveState.ACTIVE); // started from outside meanwhile: news
        drain();
        assertEquals(PromoterState.STOPPING, core.promoters().get("a").state(), "an active target without quorum is stopped");
        assertEquals(2, stops(), calls.toString());
    }
}
