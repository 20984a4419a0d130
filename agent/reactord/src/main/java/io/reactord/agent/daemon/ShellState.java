package io.reactord.agent.daemon;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.reactord.agent.journal.StateFiles;
import io.reactord.agent.json.Json;
import io.reactord.agent.promoter.UnitActiveState;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the shell runner has started, kept across agent restarts and reloads: a resource counts as started
 * from its successful {@code drbdsetup primary} until its stop commands ran. The set of started resources is
 * written to {@code state-dir/shell-runner.json} (atomically, 0600) with the kernel's boot id; a file from an
 * earlier boot is ignored, since nothing the shell runner started survives a reboot. So after a restart of the
 * agent a started resource reads active, is adopted as running, and a quorum loss runs its stop commands.
 */
final class ShellState {
    private static final Logger LOG = LoggerFactory.getLogger(ShellState.class);
    static final String NAME = "shell-runner.json";
    static final Path BOOT_ID = Path.of("/proc/sys/kernel/random/boot_id");

    private final Path file;
    private final String bootId;
    private final Map<String, UnitActiveState> states = new HashMap<>();
    private Set<String> written = Set.of();
    private boolean warned;

    ShellState(Path file, String bootId) {
        this.file = file;
        this.bootId = bootId;
        load();
    }

    /** The state in {@code stateDir}, bound to this boot. */
    static ShellState in(Path stateDir) {
        String boot;
        try {
            boot = Files.readString(BOOT_ID, StandardCharsets.US_ASCII).strip();
        } catch (IOException | RuntimeException e) {
            boot = "";
        }
        return new ShellState(stateDir.resolve(NAME), boot);
    }

    private void load() {
        JsonNode n;
        try {
            n = Json.read(Files.readString(file, StandardCharsets.UTF_8));
        } catch (NoSuchFileException e) {
            return;
        } catch (IOException | RuntimeException e) {
            LOG.warn("shell runner: cannot read {} ({}); assuming nothing was started", file, e.toString());
            return;
        }
        if (!bootId.equals(n.path("boot_id").asText(null))) {
            LOG.info("shell runner: {} is from an earlier boot; nothing it lists runs any more", file);
            written = null;
            save();
            return;
        }
        Set<String> started = new TreeSet<>();
        for (JsonNode r : n.path("started")) {
            if (r.isTextual()) {
                started.add(r.asText());
                states.put(r.asText(), UnitActiveState.ACTIVE);
            }
        }
        written = Set.copyOf(started);
        if (!started.isEmpty()) {
            LOG.info("shell runner: started before this agent did: {}", String.join(", ", started));
        }
    }

    synchronized UnitActiveState get(String resource) {
        return states.getOrDefault(resource, UnitActiveState.INACTIVE);
    }

    /** Records a resource's state; the file is rewritten when the set of started resources changed. */
    synchronized void set(String resource, UnitActiveState s) {
        states.put(resource, s);
        save();
    }

    private void save() {
        Set<String> started = new TreeSet<>();
        states.forEach((r, s) -> {
            if (s == UnitActiveState.ACTIVE || s == UnitActiveState.ACTIVATING) {
                started.add(r);
            }
        });
        if (started.equals(written)) {
            return;
        }
        ObjectNode o = Json.object();
        o.put("boot_id", bootId);
        ArrayNode a = o.putArray("started");
        started.forEach(a::add);
        try {
            StateFiles.writeAtomically(file, (Json.write(o) + "\n").getBytes(StandardCharsets.UTF_8));
            written = Set.copyOf(started);
            warned = false;
        } catch (IOException | RuntimeException e) {
            if (!warned) {
                warned = true;
                LOG.warn("shell runner: cannot write {}: {}; a restart of the agent would forget what runs", file, e.toString());
            }
        }
    }
}
