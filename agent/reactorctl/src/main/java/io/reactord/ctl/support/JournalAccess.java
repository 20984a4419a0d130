package io.reactord.ctl.support;

import com.fasterxml.jackson.databind.JsonNode;
import io.reactord.agent.control.ControlClient;
import io.reactord.agent.control.ControlRequest;
import io.reactord.agent.control.journal.JournalReader;
import io.reactord.agent.control.journal.JournalRecord;
import io.reactord.config.ConfigLoader;
import io.reactord.config.LoadResult;
import io.reactord.config.ReactordConfig;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * How {@code reactorctl why} and {@code reactorctl events} reach the journal: through the daemon's
 * control socket, or from the files under the state directory when the daemon is down.
 */
public final class JournalAccess {
    public static final Path DEFAULT_SOCKET = Path.of("/run/reactord/reactord.sock");
    public static final Path DEFAULT_STATE_DIR = Path.of("/var/lib/reactord");

    private final Path socket;
    private final Path stateDir;

    public JournalAccess(Path socket, Path stateDir) {
        this.socket = socket;
        this.stateDir = stateDir;
    }

    /** Socket and state dir from explicit options, else from the configuration file, else the defaults. */
    public static JournalAccess of(Path config, Path socket, Path stateDir) {
        Path s = socket;
        Path d = stateDir;
        if ((s == null || d == null) && config != null) {
            LoadResult lr = ConfigLoader.withHost(null, false).loadMain(config);
            ReactordConfig c = lr.config();
            if (c != null) {
                s = s == null ? c.socket() : s;
                d = d == null ? c.stateDir() : d;
            }
        }
        return new JournalAccess(s == null ? DEFAULT_SOCKET : s, d == null ? DEFAULT_STATE_DIR : d);
    }

    public Path socket() {
        return socket;
    }

    public Path stateDir() {
        return stateDir;
    }

    /** Asks the daemon; throws IOException when it cannot be reached. */
    public JsonNode ask(ControlRequest req) throws IOException {
        return ControlClient.call(socket, req);
    }

    /** Journal records from the daemon, or from the files when it is unreachable (then {@code fromFile} is set). */
    public Records records(String resource, Instant since, int limit) throws IOException {
        try {
            JsonNode r = ask(new ControlRequest.Journal(resource, since, limit));
            if (!r.path("ok").asBoolean()) {
                throw new IllegalArgumentException(r.path("error").asText("request refused"));
            }
            List<JournalRecord> out = new ArrayList<>();
            for (JsonNode n : r.path("records")) {
                try {
                    out.add(JournalRecord.fromJson(n));
                } catch (IllegalArgumentException e) {
                    // skip a record the daemon could not have written
                }
            }
            return new Records(out, null);
        } catch (IOException e) {
            return new Records(JournalReader.read(stateDir, resource, since, limit), e.getMessage());
        }
    }

    /**
     * Records and, when they came from the files, why the daemon was not asked.
     *
     * @param records the records, oldest first
     * @param daemonError null when the daemon answered
     */
    public record Records(List<JournalRecord> records, String daemonError) {}

    /** Parses {@code --since}: an ISO-8601 instant, or a duration back from now like {@code 90s}, {@code 10m}, {@code 2h}, {@code 1d}. */
    public static Instant parseSince(String s, Instant now) {
        String t = s.strip().toLowerCase(Locale.ROOT);
        try {
            if (t.matches("\\d+[smhd]")) {
                long n = Long.parseLong(t.substring(0, t.length() - 1));
                switch (t.charAt(t.length() - 1)) {
                    case 's':
                        return now.minus(Duration.ofSeconds(n));
                    case 'm':
                        return now.minus(Duration.ofMinutes(n));
                    case 'h':
                        return now.minus(Duration.ofHours(n));
                    default:
                        return now.minus(Duration.ofDays(n));
                }
            }
            return Instant.parse(s.strip());
        } catch (DateTimeParseException | NumberFormatException | ArithmeticException e) {
            throw new IllegalArgumentException("--since: '" + s + "' is neither a duration like 10m, 2h, 1d nor an"
                    + " ISO-8601 instant like 2026-01-31T12:00:00Z");
        }
    }
}
