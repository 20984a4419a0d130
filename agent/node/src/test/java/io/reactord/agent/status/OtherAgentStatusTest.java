package io.reactord.agent.status;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.reactord.agent.control.status.Terminal;
import io.reactord.agent.files.ConfigFiles;
import io.reactord.systemd.UnitState;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** status warns when drbd-reactor's service runs next to reactord (both would manage the same resources). */
final class OtherAgentStatusTest {
    @TempDir
    Path tmp;

    private StatusRun.Output status(String drbdReactorState, boolean json) throws IOException {
        Path d = Files.createDirectories(tmp.resolve("d"));
        Path main = tmp.resolve("main.toml");
        Files.writeString(main, "snippets = \"" + d + "\"\nsocket = \"" + tmp.resolve("ctl.sock") + "\"\n");
        Files.writeString(d.resolve("db.toml"), "[[promoter]]\n[promoter.resources.db]\nstart = [\"a.service\"]\n");
        StatusCollector c = new StatusCollector(ConfigFiles.load(main), units -> {
            Map<String, UnitState> m = new LinkedHashMap<>();
            for (String u : units) {
                String st = u.equals(StatusCollector.OTHER_AGENT_UNIT) ? drbdReactorState : "inactive";
                m.put(u, new UnitState(u, "loaded", st, "dead", "", "", ""));
            }
            return m;
        }, () -> DrbdSnapshot.of(List.of("exists resource name:db role:Secondary suspended:no may_promote:no",
                "exists -")), null);
        return StatusRun.run(c, List.of(), List.of(), false, json, Terminal.plain());
    }

    @Test
    void status_drbdReactorActive_warns() throws IOException {
        for (boolean json : new boolean[] {false, true}) {
            StatusRun.Output o = status("active", json);
            assertTrue((o.stdout() + o.stderr()).contains("drbd-reactor.service is active too"), o.stdout() + o.stderr());
        }
        StatusRun.Output quiet = status("inactive", false);
        assertFalse((quiet.stdout() + quiet.stderr()).contains("drbd-reactor"), quiet.stdout() + quiet.stderr());
    }
}
