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
 * answer arrives after) is never handed to the promoter as news: no second stop of a stopped target. A start unit's
 * re-read after the start job is dropped when systemd's own change of that unit arrived after the read was issued.
 */
final class AgentCoreStaleReadTest {
    private static final String TARGET = "drbd-services@a.target";

    private final VirtualScheduler clock = new VirtualScheduler();
    private final ArrayDeque<Runnable> loop = new ArrayDeque<>();
    private final List<String> calls = new ArrayList<>();
    private final ArrayDeque<CompletableFuture<JobOutcome>> heldStops = new ArrayDeque<>();
    private final ArrayDeque<CompletableFuture<UnitActiveState>> heldReads = new ArrayDeque<>();
    private final ArrayDeque<CompletableFuture<JobOutcome>> heldStarts = new ArrayDeque<>();
    private boolean holdReads;
    private boolean holdStarts;

    private final UnitController units = new InstantUnits() {
        @Override
        public CompletableFuture<JobOutcome> start(String r, String u) {
            calls.add("start " + u);
            if (!holdStarts) {
                return done(UnitActiveState.ACTIVE);
            }
            CompletableFuture<JobOutcome> f = new CompletableFuture<>();
            heldStarts.add(f);
            return f;
        }

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

    @Test
    void startReread_unitFailedAfterTheReadWasIssued_staleActiveAnswerDropped() {
        PromoterSettings d = PromoterSettings.defaults("a", "alpha", TARGET, List.of("a.service"));
        core.setResources(Map.of("a", d));
        holdReads = true;
        feed("exists resource name:a role:Secondary suspended:no force-io-failures:no may_promote:yes promotion_score:10103",
                "exists device name:a volume:0 minor:1 disk:UpToDate client:no open:no quorum:yes", "exists -");
        heldReads.poll().complete(UnitActiveState.INACTIVE); // the target's state at the first dump
        drain();
        clock.advanceBy(java.time.Duration.ofSeconds(30)); // past the promotion sleep
        drain();
        assertEquals(List.of("read drbd-services@a.target", "read a.service"),
                calls.stream().filter(c -> c.startsWith("read")).toList(),
                "the start job is done and its unit is re-read: " + calls);
        core.unitStateChanged("a.service", UnitActiveState.FAILED); // dies after the read was issued
        drain();
        heldReads.poll().complete(UnitActiveState.ACTIVE); // answered before it died
        drain();
        assertEquals(PromoterState.BACKOFF, core.promoters().get("a").state(),
                "the failure systemd reported is not hidden by the older answer");
        assertEquals(1, stops(), "the failed start is stopped so a peer can take over: " + calls);
    }

    @Test
    void startReread_changeBeforeTheReadWasIssued_answerStillJudged() {
        PromoterSettings d = PromoterSettings.defaults("a", "alpha", TARGET, List.of("a.service"));
        core.setResources(Map.of("a", d));
        holdReads = true;
        holdStarts = true;
        feed("exists resource name:a role:Secondary suspended:no force-io-failures:no may_promote:yes promotion_score:10103",
                "exists device name:a volume:0 minor:1 disk:UpToDate client:no open:no quorum:yes", "exists -");
        heldReads.poll().complete(UnitActiveState.INACTIVE); // the target's state at the first dump
        drain();
        clock.advanceBy(java.time.Duration.ofSeconds(30));
        drain();
        core.unitStateChanged("a.service", UnitActiveState.ACTIVE); // while the start job runs
        drain();
        heldStarts.poll().complete(JobOutcome.done(UnitActiveState.ACTIVE));
        drain();
        heldReads.poll().complete(UnitActiveState.FAILED); // read after that change: it died since, unsignalled yet
        drain();
        assertEquals(PromoterState.BACKOFF, core.promoters().get("a").state(), calls.toString());
    }

    @Test
    void rereadTargets_startUnitFailedWhileDisconnected_handedOverAsAFailure() {
        core.setResources(Map.of("a", PromoterSettings.defaults("a", "alpha", TARGET, List.of("a.service"))));
        dump("yes");
        assertEquals(PromoterState.ACTIVE, core.promoters().get("a").state());
        holdReads = true;
        core.rereadTargets(); // reconnected: its change while the link was down was missed
        heldReads.poll().complete(UnitActiveState.ACTIVE); // the target
        heldReads.poll().complete(UnitActiveState.FAILED); // a.service
        drain();
        assertEquals(PromoterState.STARTING, core.promoters().get("a").state(), "the failed unit is restarted: " + calls);
    }
}
