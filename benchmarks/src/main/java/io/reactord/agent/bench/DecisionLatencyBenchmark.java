package io.reactord.agent.bench;

import io.reactord.agent.runtime.Logging;
import io.reactord.agent.core.AgentCore;
import io.reactord.agent.core.CommandListener;
import io.reactord.agent.core.InstantUnits;
import io.reactord.agent.core.JobOutcome;
import io.reactord.agent.core.JournalSink;
import io.reactord.agent.core.UnitController;
import io.reactord.agent.daemon.EventLoop;
import io.reactord.agent.promoter.PromoterSettings;
import io.reactord.agent.promoter.UnitActiveState;
import io.reactord.agent.time.RealScheduler;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Event line in → StartUnit/StopUnit handed to the unit port, through the real event loop thread, the
 * real scheduler (promote sleep factor 0) and the real promoter. The line is posted to the loop at t0;
 * t1 is when the unit port is called. Prints p50/p90/p99/max in microseconds for starts (from a
 * {@code may_promote:yes} line) and stops (from a {@code quorum:no} line).
 *
 * <p>Run: {@code java -cp "$BENCH_CP" io.reactord.agent.bench.DecisionLatencyBenchmark [iterations]} (docs/benchmarks.md).
 */
public final class DecisionLatencyBenchmark {
    private static final String R = "r0";
    private static final String SEC = "change resource name:r0 role:Secondary suspended:no force-io-failures:no may_promote:no promotion_score:10103";
    private static final String PROMOTABLE = "change resource name:r0 role:Secondary suspended:no force-io-failures:no may_promote:yes promotion_score:10102";
    private static final String PRIMARY = "change resource name:r0 role:Primary suspended:no force-io-failures:no may_promote:no promotion_score:10103";
    private static final String QUORUM_YES = "change device name:r0 volume:0 minor:1000 backing_dev:/dev/x disk:UpToDate client:no open:yes quorum:yes";
    private static final String QUORUM_NO = "change device name:r0 volume:0 minor:1000 backing_dev:/dev/x disk:UpToDate client:no open:yes quorum:no";

    private DecisionLatencyBenchmark() {}

    public static void main(String[] args) throws Exception {
        Logging.configure(System.getProperty("bench.log", "error"));
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
        BlockingQueue<Long> calls = new ArrayBlockingQueue<>(16);
        UnitController units = new InstantUnits() {
            @Override
            public CompletableFuture<JobOutcome> start(String r, String u) {
                calls.add(System.nanoTime());
                return super.start(r, u);
            }

            @Override
            public CompletableFuture<JobOutcome> stop(String r, String u) {
                calls.add(System.nanoTime());
                return super.stop(r, u);
            }
        };
        EventLoop loop = new EventLoop();
        RealScheduler sched = new RealScheduler("bench-timers");
        AgentCore core = new AgentCore(sched, loop, units, JournalSink.NONE, CommandListener.NONE);
        PromoterSettings d = PromoterSettings.defaults(R, "alpha", "drbd-services@r0.target", List.of("x.service"));
        PromoterSettings s = new PromoterSettings(d.resource(), d.localNode(), d.target(), d.units(), d.runner(), 0.0,
                d.preferredNodes(), d.preferredNodesPolicy(), d.onQuorumLoss(), d.onDiskDetach(), false, d.fencingPromoteDelay(),
                false, 1_000_000, java.time.Duration.ofNanos(1), d.backoffInitial(), d.backoffMax()); // no damping
        loop.start();
        loop.execute(() -> core.setResources(Map.of(R, s)));
        for (String l : List.of(SEC.replace("change", "exists"), QUORUM_YES.replace("change", "exists"), "exists -")) {
            loop.execute(() -> core.onLine(l));
        }
        loop.call(() -> null).get();
        Thread.sleep(50);
        long[] starts = new long[n];
        long[] stops = new long[n];
        int warm = Math.min(5000, n / 2);
        for (int i = -warm; i < n; i++) {
            long t0 = System.nanoTime();
            loop.execute(() -> core.onLine(PROMOTABLE));
            long t1 = calls.poll(5, TimeUnit.SECONDS);
            loop.execute(() -> core.onLine(PRIMARY));
            loop.call(() -> null).get();
            long t2 = System.nanoTime();
            loop.execute(() -> core.onLine(QUORUM_NO));
            long t3 = calls.poll(5, TimeUnit.SECONDS);
            loop.execute(() -> core.onLine(SEC));
            loop.execute(() -> core.onLine(QUORUM_YES));
            loop.call(() -> null).get();
            if (i >= 0) {
                starts[i] = t1 - t0;
                stops[i] = t3 - t2;
            }
        }
        print("event -> StartUnit (promote sleep 0)", starts);
        print("event -> StopUnit (quorum loss)", stops);
        loop.close();
        sched.close();
        System.exit(0);
    }

    private static void print(String what, long[] ns) {
        long[] s = ns.clone();
        Arrays.sort(s);
        System.out.printf("%-45s n=%d p50=%.1f us p90=%.1f us p99=%.1f us max=%.1f us%n", what, s.length,
                s[s.length / 2] / 1e3, s[(int) (s.length * 0.9)] / 1e3, s[(int) (s.length * 0.99)] / 1e3, s[s.length - 1] / 1e3);
    }
}
