package io.reactord.agent.replay;

import io.reactord.agent.core.JournalSink;
import io.reactord.agent.json.Json;
import io.reactord.agent.core.SettingsMapper;
import io.reactord.agent.promoter.PromoterSettings;
import io.reactord.config.ConfigLoader;
import io.reactord.config.Diagnostic;
import io.reactord.config.LoadResult;
import io.reactord.config.PromoterResource;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The promoter part of {@code reactorctl replay}: loads the configuration's promoter resources, runs
 * the stream through a {@link Replayer} and prints one JSON line per unit command.
 */
public final class ReplayCli {
    /** Exit status: OK. */
    public static final int OK = 0;
    /** Exit status: configuration or input error. */
    public static final int FAILURE = 1;

    private ReplayCli() {}

    /** The promoter settings of every resource in {@code config} for node {@code host}, or null after printing errors. */
    public static Map<String, PromoterSettings> settings(Path config, String host, PrintWriter err) {
        Map<String, PromoterSettings> resources = new LinkedHashMap<>();
        if (config == null) {
            return resources;
        }
        LoadResult lr = ConfigLoader.withHost(host, false).loadMain(config);
        for (Diagnostic w : lr.warnings()) {
            err.println("warning: " + w);
        }
        if (!lr.ok()) {
            lr.errors().forEach(e -> err.println("error: " + e));
            return null;
        }
        for (PromoterResource r : lr.config().resources().values()) {
            resources.put(r.name(), SettingsMapper.toSettings(r, host == null ? "" : host, false));
        }
        return resources;
    }

    /**
     * Replays {@code in} (events2 output as bytes) for {@code resources}, reporting skipped lines to
     * {@code warnings} and printing {@code {"time_ms","resource","action","unit","reason"}}
     * lines to {@code out}; returns the replayer for further inspection (e.g. the final state).
     */
    public static Replayer run(Map<String, PromoterSettings> resources, InputStream in, PrintWriter out,
            Consumer<String> warnings) throws IOException {
        Replayer replayer = new Replayer(resources,
                c -> out.println(Json.write(Json.object().put("time_ms", c.timeMs()).put("resource", c.resource())
                        .put("action", c.action()).put("unit", c.unit()).put("reason", c.reason()))),
                JournalSink.NONE);
        replayer.run(in, warnings);
        out.flush();
        return replayer;
    }
}
