package io.reactord.sim;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Prints the cost of the fake tools as the agent and the shim see them: a {@code drbdsetup primary} /
 * {@code secondary} call (bash start, loopback round trip, model decision), a {@code status --json} call, and
 * the delay from a crash injected in the model to the peer's {@code NetworkFailure} line read from a running
 * {@code drbdsetup events2} child process (with the {@code fast} profile's 20 ms detection delay included).
 * Usage: {@code FakeToolLatencyBenchmark [rounds]}.
 */
public final class FakeToolLatencyBenchmark {

    private FakeToolLatencyBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 100;
        Path dir = Files.createTempDirectory("sim-bench");
        SimCluster cluster = SimCluster.threeNodes(SimTiming.fast(), SimResourceSpec.simple("r0"));
        try (SimServer server = new SimServer(cluster)) {
            server.start();
            Map<String, Path> bins = server.installTools(dir);
            String alpha = bins.get("alpha").resolve("drbdsetup").toString();
            List<Double> promote = new ArrayList<>();
            List<Double> status = new ArrayList<>();
            List<Double> bash = new ArrayList<>();
            for (int i = 0; i < rounds + 10; i++) {
                double b = time("bash", "-c", "true");
                double p = time(alpha, "primary", "r0") + time(alpha, "secondary", "r0");
                double s = time(alpha, "status", "r0", "--json");
                if (i >= 10) {
                    promote.add(p / 2);
                    status.add(s);
                    bash.add(b);
                }
            }
            List<Double> detect = new ArrayList<>();
            String bravo = bins.get("bravo").resolve("drbdsetup").toString();
            for (int i = 0; i < Math.max(5, rounds / 10); i++) {
                Process p = new ProcessBuilder(bravo, "events2", "--full").redirectError(ProcessBuilder.Redirect.DISCARD)
                        .start();
                BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
                String l;
                while ((l = r.readLine()) != null && !l.equals("exists -")) {
                    // initial dump
                }
                long t0 = System.nanoTime();
                cluster.crash("alpha");
                while ((l = r.readLine()) != null && !l.contains("conn-name:alpha connection:NetworkFailure")) {
                    // other lines of the burst
                }
                detect.add((System.nanoTime() - t0) / 1e6);
                p.destroy();
                p.waitFor();
                cluster.restart("alpha");
                cluster.settle(0);
                Thread.sleep(300);
            }
            print("baseline: bash -c true", bash);
            print("drbdsetup primary|secondary (one call)", promote);
            print("drbdsetup status --json", status);
            print("crash -> peer's NetworkFailure line (20 ms detection)", detect);
        }
    }

    private static double time(String... cmd) throws Exception {
        long t0 = System.nanoTime();
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        p.getInputStream().readAllBytes();
        p.waitFor();
        return (System.nanoTime() - t0) / 1e6;
    }

    private static void print(String what, List<Double> ms) {
        List<Double> s = new ArrayList<>(ms);
        Collections.sort(s);
        System.out.printf(Locale.ROOT, "%-55s n=%d median %.1f ms, p90 %.1f ms, p99 %.1f ms%n", what, s.size(),
                s.get(s.size() / 2), s.get((int) (s.size() * 0.9)), s.get(Math.min(s.size() - 1, (int) (s.size() * 0.99))));
    }
}
