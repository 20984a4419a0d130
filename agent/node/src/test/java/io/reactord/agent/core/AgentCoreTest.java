package io.reactord.agent.core;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.reactord.agent.promoter.Command;
import io.reactord.agent.promoter.Promoter;
import io.reactord.agent.promoter.PromoterSettings;
import io.reactord.agent.promoter.PromoterState;
import io.reactord.agent.promoter.UnitActiveState;
import io.reactord.agent.time.VirtualScheduler;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** The core with a recording unit fake: reload touches only what changed; adoption reads the target. */
final class AgentCoreTest {
    private final VirtualScheduler clock = new VirtualScheduler();
    private final ArrayDeque<Runnable> loop = new ArrayDeque<>();
    private final List<String> calls = new ArrayList<>();
    private final Map<String, UnitActiveState> states = new HashMap<>();
    /** unit states a start of any target leaves behind (a failed member that the start brought up again) */
    private final Map<String, UnitActiveState> afterStart = new HashMap<>();

    private final UnitController units = new InstantUnits() {
        @Override
        public CompletableFuture<JobOutcome> start(String r, String u) {
            calls.add("start " + u);
            states.putAll(afterStart);
            return super.start(r, u);
        }

        @Override
        public CompletableFuture<JobOutcome> stop(String r, String u) {
            calls.add("stop " + u);
            return super.stop(r, u);
        }

        @Override
        public CompletableFuture<JobOutcome> freeze(String r, String u) {
            calls.add("freeze " + u);
            return super.freeze(r, u);
        }

        @Override
        public CompletableFuture<JobOutcome> thaw(String r, String u) {
            calls.add("thaw " + u);
            return super.thaw(r, u);
        }

        @Override
        public CompletableFuture<UnitActiveState> activeState(String r, String u) {
            return CompletableFuture.completedFuture(states.getOrDefault(u, UnitActiveState.INACTIVE));
        }
    };

    private final AgentCore core = new AgentCore(clock, loop::add, units, JournalSink.NONE, CommandListener.NONE);

    private void drain() {
        Runnable r;
        while ((r = loop.poll()) != null) {
            r.run();
        }
    }

    private static PromoterSettings s(String res, List<String> units, boolean stopOnExit) {
        PromoterSettings d = PromoterSettings.defaults(res, "alpha", "drbd-services@" + res + ".target", units);
        return new PromoterSettings(d.resource(), d.localNode(), d.target(), d.units(), d.runner(), d.sleepBeforePromoteFactor(),
                d.preferredNodes(), d.preferredNodesPolicy(), d.onQuorumLoss(), d.onDiskDetach(), false, d.fencingPromoteDelay(),
                stopOnExit, d.maxFailures(), d.failureWindow(), d.backoffInitial(), d.backoffMax());
    }

    private void feed(String... lines) {
        for (String l : lines) {
            core.onLine(l);
            drain();
        }
    }

    private void primaryDump(String res) {
        feed("exists resource name:" + res + " role:Primary suspended:no force-io-failures:no may_promote:no promotion_score:10103",
                "exists device name:" + res + " volume:0 minor:1 disk:UpToDate client:no open:yes quorum:yes");
    }

    @Test
    void setResources_reloadUnchangedChangedRemovedAdded_touchesOnlyWhatChanged() {
        states.put("drbd-services@a.target", UnitActiveState.ACTIVE);
        states.put("drbd-services@b.target", UnitActiveState.ACTIVE);
        Map<String, PromoterSettings> cfg = new LinkedHashMap<>();
        cfg.put("a", s("a", List.of("a.service"), false));
        cfg.put("b", s("b", List.of("b.service"), true));
        core.setResources(cfg);
        primaryDump("a");
        primaryDump("b");
        feed("exists -");
        assertEquals(List.of(), calls, "adoption of running targets: zero actions");
        assertEquals(PromoterState.ACTIVE, core.promoters().get("a").state());

        core.setResources(cfg);
        drain();
        assertEquals(List.of(), calls, "unchanged reload: zero actions");

        Map<String, PromoterSettings> next = new LinkedHashMap<>();
        next.put("a", s("a", List.of("a.service", "a2.service"), false));
        next.put("c", s("c", List.of("c.service"), false));
        core.setResources(next);
        drain();
        // a: start list changed -> target started again; b: removed with stop-services-on-exit -> stopped
        assertEquals(List.of("stop drbd-services@b.target", "start drbd-services@a.target"), calls);
        assertEquals(List.of("a", "c"), new ArrayList<>(core.promoters().keySet()));
        Promoter c = core.promoters().get("c");
        assertEquals(PromoterState.IDLE, c.state(), "a new resource absent from DRBD is adopted idle");
    }

    @Test
    void streamRestarting_sameDump_zeroActions() {
        states.put("drbd-services@a.target", UnitActiveState.ACTIVE);
        core.setResources(Map.of("a", s("a", List.of("a.service"), false)));
        primaryDump("a");
        feed("exists -");
        core.streamRestarting("test");
        drain();
        primaryDump("a");
        feed("exists -");
        assertEquals(List.of(), calls);
        assertEquals(PromoterState.ACTIVE, core.promoters().get("a").state());
    }

    @Test
    void adoption_activeTargetWithFailedMember_restartsTarget() {
        states.put("drbd-services@a.target", UnitActiveState.ACTIVE);
        states.put("a-ctl.service", UnitActiveState.FAILED);
        afterStart.put("a-ctl.service", UnitActiveState.ACTIVE);
        core.setResources(Map.of("a", s("a", List.of("a-fs.mount", "a-ctl.service"), false)));
        primaryDump("a");
        feed("exists -");
        assertEquals(List.of("start drbd-services@a.target"), calls, "a unit that failed while nobody watched is restarted");
        assertEquals(PromoterState.ACTIVE, core.promoters().get("a").state());
    }

    @Test
    void adoption_activeTargetWithHealthyMembers_zeroActions() {
        states.put("drbd-services@a.target", UnitActiveState.ACTIVE);
        states.put("a-fs.mount", UnitActiveState.ACTIVE);
        states.put("a-ctl.service", UnitActiveState.ACTIVE);
        core.setResources(Map.of("a", s("a", List.of("a-fs.mount", "a-ctl.service"), false)));
        primaryDump("a");
        feed("exists -");
        assertEquals(List.of(), calls);
    }

    @Test
    void onLine_resourceDestroyedWhileActive_stopsTarget() {
        states.put("drbd-services@a.target", UnitActiveState.ACTIVE);
        core.setResources(Map.of("a", s("a", List.of("a.service"), false)));
        primaryDump("a");
        feed("exists -", "destroy device name:a volume:0 minor:1", "destroy resource name:a");
        assertEquals(List.of("stop drbd-services@a.target"), calls);
    }

    @Test
    void onStopFailure_failedOrCanceledStopJob_onlyTheFailureIsReported() {
        for (io.reactord.agent.promoter.JobResult result : List.of(io.reactord.agent.promoter.JobResult.FAILED,
                io.reactord.agent.promoter.JobResult.CANCELED, io.reactord.agent.promoter.JobResult.ERROR)) {
            List<String> reported = new ArrayList<>();
            ArrayDeque<Runnable> q = new ArrayDeque<>();
            UnitController failing = new InstantUnits() {
                @Override
                public CompletableFuture<JobOutcome> stop(String r, String u) {
                    return CompletableFuture.completedFuture(new JobOutcome(result, UnitActiveState.FAILED, null, "ExecStop"));
                }

                @Override
                public CompletableFuture<UnitActiveState> activeState(String r, String u) {
                    return CompletableFuture.completedFuture(UnitActiveState.ACTIVE);
                }
            };
            AgentCore c = new AgentCore(clock, q::add, failing, JournalSink.NONE, CommandListener.NONE);
            c.onStopFailure((res, unit, r, detail) -> reported.add(res + " " + unit + " " + detail));
            c.setResources(Map.of("a", s("a", List.of("a.service"), false)));
            for (String l : List.of("exists resource name:a role:Primary suspended:no force-io-failures:no may_promote:no promotion_score:10103",
                    "exists device name:a volume:0 minor:1 disk:UpToDate client:no open:yes quorum:yes", "exists -",
                    "destroy device name:a volume:0 minor:1", "destroy resource name:a")) {
                c.onLine(l);
                for (Runnable r; (r = q.poll()) != null; ) {
                    r.run();
                }
            }
            assertEquals(result == io.reactord.agent.promoter.JobResult.FAILED
                    ? List.of("a drbd-services@a.target failed (ExecStop)") : List.of(), reported, result.name());
        }
    }

    @Test
    void onLine_firstDump_signalsReadinessOnce() {
        int[] ready = new int[1];
        core.onFirstDump(() -> ready[0]++);
        core.setResources(Map.of("a", s("a", List.of(), false)));
        feed("exists -");
        core.streamRestarting("x");
        feed("exists -");
        assertEquals(1, ready[0]);
        assertEquals(0, calls.stream().filter(x -> x.startsWith("start")).count());
        assertEquals(Command.class, Command.class);
    }

    @Test
    void start_memberFailedWhenJobDone_isJudgedAStartFailure() {
        core.setResources(Map.of("a", s("a", List.of("a.mount", "a.service"), false)));
        feed("exists resource name:a role:Secondary suspended:no force-io-failures:no may_promote:yes promotion_score:10103",
                "exists device name:a volume:0 minor:1 disk:UpToDate client:no open:no quorum:yes");
        states.put("a.service", UnitActiveState.FAILED); // died right after its start, before any signal
        feed("exists -");
        assertEquals("start drbd-services@a.target", calls.get(0));
        assertEquals(PromoterState.BACKOFF, core.promoters().get("a").state(), "the units were re-read after the start job");
        assertEquals(List.of("start drbd-services@a.target", "stop drbd-services@a.target"), calls);
    }
}
