package io.reactord.ctl;

import io.reactord.agent.json.Json;
import io.reactord.agent.promoter.PromoterSettings;
import io.reactord.agent.replay.ReplayCli;
import io.reactord.agent.replay.Replayer;
import io.reactord.agent.runtime.Logging;
import io.reactord.agent.view.StateJson;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Map;

/**
 * What {@code reactorctl replay} does once its options are read, by picocli ({@link ReplayCommand}) or by the
 * quick entry ({@link QuickReplay}): the same output, messages and exit codes either way.
 */
final class ReplayRun {
    /** Set by the launcher on the run that writes the class-data archive of {@code replay} (docs/reactorctl.md). */
    static final String TRAINING = "reactorctl.cds-training";
    /**
     * A small capture that takes every way of the parser a real one takes (the dump, stamped polls of statistics,
     * a state change): replayed, output discarded, by the archive-writing run, so that the archive holds those
     * classes whatever that run's own capture was (an empty or tiny one would otherwise leave them out).
     */
    private static final String SAMPLE = """
            2025-03-13T23:00:00.000001Z exists resource name:t role:Secondary suspended:no force-io-failures:no write-ordering:flush may_promote:no promotion_score:1
            2025-03-13T23:00:00.000002Z exists connection name:t peer-node-id:1 conn-name:p connection:Connected role:Primary congested:no ap-in-flight:0 rs-in-flight:0
            2025-03-13T23:00:00.000003Z exists device name:t volume:0 minor:1 backing_dev:none disk:UpToDate client:no open:no quorum:yes size:1 read:0 written:0
            2025-03-13T23:00:00.000004Z exists peer-device name:t peer-node-id:1 conn-name:p volume:0 replication:Established peer-disk:UpToDate peer-client:no resync-suspended:no received:0 sent:0
            2025-03-13T23:00:00.000005Z exists -
            2025-03-13T23:01:00.000001Z change connection name:t peer-node-id:1 conn-name:p connection:Connected role:Primary congested:no ap-in-flight:1 rs-in-flight:0
            2025-03-13T23:01:00.000002Z change device name:t volume:0 minor:1 backing_dev:none disk:UpToDate client:no open:no quorum:yes size:1 read:1 written:1
            2025-03-13T23:02:00.000001Z change connection name:t peer-node-id:1 conn-name:p connection:Connected role:Primary congested:no ap-in-flight:2 rs-in-flight:0
            2025-03-13T23:02:00.000002Z change device name:t volume:0 minor:1 backing_dev:none disk:UpToDate client:no open:no quorum:yes size:1 read:2 written:2
            2025-03-13T23:03:00.000001Z change connection name:t peer-node-id:1 conn-name:p connection:Connecting role:Unknown
            """;

    private ReplayRun() {}

    /** Replays {@link #SAMPLE} with nothing printed: the archive-writing run's extra work. */
    private static void train() {
        PrintWriter none = new PrintWriter(java.io.Writer.nullWriter());
        try {
            Replayer r = ReplayCli.run(Map.of(), new java.io.ByteArrayInputStream(
                    SAMPLE.getBytes(java.nio.charset.StandardCharsets.UTF_8)), none, w -> {});
            none.println(Json.write(StateJson.resources(r.core().cluster().resources().values())));
        } catch (IOException | RuntimeException e) {
            // only a head start for later runs
        }
    }

    static int run(Path config, String events, String hostname, boolean state, PrintWriter out, PrintWriter err) {
        Logging.configure("warn");
        if (config == null && !state) {
            err.println("reactorctl replay: nothing to print: the decisions come from the promoter resources of a"
                    + " configuration (--config FILE, e.g. --config docs/samples/linstor_db.toml), and --state prints the"
                    + " cluster state the stream describes; give one or both");
            err.flush();
            return ExitCodes.USAGE;
        }
        String host = hostname != null ? hostname : io.reactord.config.HostInfo.detect().hostname();
        Map<String, PromoterSettings> resources = ReplayCli.settings(config, host, err);
        if (resources == null) {
            return ExitCodes.FAILURE;
        }
        if (resources.isEmpty() && !state) {
            err.println("reactorctl replay: " + config + " has no promoter resource: there is nothing to decide; add a"
                    + " [[promoter]] table, or --state for the cluster state alone");
            err.flush();
            return ExitCodes.FAILURE;
        }
        Replayer replayer;
        String name = "-".equals(events) ? "stdin" : events;
        try (InputStream in = "-".equals(events) ? System.in : Files.newInputStream(Path.of(events))) {
            replayer = ReplayCli.run(resources, in, out, w -> {
                err.println("reactorctl replay: " + name + ": " + w);
                err.flush();
            });
        } catch (NoSuchFileException e) {
            err.println("reactorctl replay: no such file: " + events);
            err.flush();
            return ExitCodes.FAILURE;
        } catch (IOException | UncheckedIOException | java.nio.file.InvalidPathException e) {
            err.println("reactorctl replay: cannot read " + events + ": " + oneLine(e));
            err.flush();
            return ExitCodes.FAILURE;
        }
        if (Boolean.getBoolean(TRAINING)) {
            train();
        }
        if (state) {
            try {
                out.println(Json.write(StateJson.resources(replayer.core().cluster().resources().values())));
            } catch (UncheckedIOException e) {
                err.println("reactorctl replay: " + e.getCause().getMessage());
                return ExitCodes.FAILURE;
            }
        }
        out.flush();
        return ExitCodes.OK;
    }

    static String oneLine(Exception e) {
        String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return m.replaceAll("[\\r\\n]+", " ");
    }
}
