package io.reactord.agent.metrics;

import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.reactord.events2.ClusterState;
import io.reactord.events2.Events2Parser;
import java.io.ByteArrayOutputStream;
import java.util.List;

/**
 * Benchmark harness (not a test): renders the exposition for N resources with 2 peers and 2 volumes
 * each, enums on, and prints the time per scrape and the body size. Run:
 * {@code java -cp "$BENCH_CP" io.reactord.agent.metrics.ScrapeBenchmark 100} (docs/benchmarks.md).
 */
public final class ScrapeBenchmark {
    private ScrapeBenchmark() {}

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 100;
        ClusterState state = new ClusterState();
        for (int r = 0; r < n; r++) {
            String name = "res" + r;
            for (String l : List.of(
                    "exists resource name:" + name + " role:Secondary suspended:no force-io-failures:no write-ordering:flush may_promote:no promotion_score:10103",
                    "exists connection name:" + name + " peer-node-id:1 conn-name:bravo connection:Connected role:Primary congested:no ap-in-flight:0 rs-in-flight:0",
                    "exists connection name:" + name + " peer-node-id:2 conn-name:charlie connection:Connected role:Secondary congested:no ap-in-flight:0 rs-in-flight:0")) {
                state.apply(Events2Parser.parse(l));
            }
            for (int v = 0; v < 2; v++) {
                state.apply(Events2Parser.parse("exists device name:" + name + " volume:" + v + " minor:" + (1000 + 2 * r + v)
                        + " backing_dev:/dev/vg/" + name + " disk:UpToDate client:no open:no quorum:yes size:10485760 read:2048 "
                        + "written:734112 al-writes:17 bm-writes:3 upper-pending:0 lower-pending:0 al-suspended:no blocked:no"));
                for (int p = 1; p <= 2; p++) {
                    state.apply(Events2Parser.parse("exists peer-device name:" + name + " peer-node-id:" + p + " conn-name:peer" + p
                            + " volume:" + v + " replication:Established peer-disk:UpToDate peer-client:no resync-suspended:no "
                            + "received:0 sent:734112 out-of-sync:0 pending:0 unacked:0"));
                }
            }
        }
        DrbdMetrics m = new DrbdMetrics(true, new DrbdVersions("9.2.8", "9.27.0"));
        m.publish(state.resources());
        PrometheusRegistry reg = new PrometheusRegistry();
        reg.register(m);
        PrometheusTextFormatWriter w = PrometheusTextFormatWriter.builder().build();
        int size = 0;
        for (int i = 0; i < 200; i++) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            w.write(out, reg.scrape());
            size = out.size();
        }
        int rounds = 500;
        long t0 = System.nanoTime();
        for (int i = 0; i < rounds; i++) {
            ByteArrayOutputStream out = new ByteArrayOutputStream(size + 1024);
            w.write(out, reg.scrape());
        }
        double perScrapeMs = (System.nanoTime() - t0) / 1e6 / rounds;
        io.reactord.events2.Event line = Events2Parser.parse("change device name:res0 volume:0 minor:1000 "
                + "disk:UpToDate client:no open:no quorum:yes size:10485760 read:4096 written:734112");
        state.apply(line);
        t0 = System.nanoTime();
        for (int i = 0; i < rounds * 200; i++) {
            m.onEvent(line, state);
        }
        double onEventNs = (System.nanoTime() - t0) / 1.0 / (rounds * 200);
        System.out.printf("resources=%d body=%d bytes scrape(collect+text)=%.3f ms onEvent=%.0f ns%n",
                n, size, perScrapeMs, onEventNs);
    }
}
