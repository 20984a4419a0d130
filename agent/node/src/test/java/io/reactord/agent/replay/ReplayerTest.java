package io.reactord.agent.replay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.reactord.agent.core.JournalSink;
import io.reactord.agent.promoter.PromoterSettings;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

final class ReplayerTest {
    private static final String TARGET = "drbd-services@r0.target";

    private static String fixture(String name) throws IOException {
        try (InputStream in = ReplayerTest.class.getResourceAsStream("/io/reactord/agent/replay/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** The dump of fixture (a) with this node Primary and bravo Secondary. */
    private static String primaryDump() throws IOException {
        return fixture("events2-a-initial-exists.txt")
                .replace("exists resource name:r0 role:Secondary", "exists resource name:r0 role:Primary")
                .replace("conn-name:bravo connection:Connected role:Primary", "conn-name:bravo connection:Connected role:Secondary");
    }

    private static List<ReplayedCommand> replay(String stream) throws IOException {
        List<ReplayedCommand> out = new ArrayList<>();
        Map<String, PromoterSettings> res = Map.of("r0",
                PromoterSettings.defaults("r0", "alpha", TARGET, List.of("var-lib-x.mount")));
        new Replayer(res, out::add, JournalSink.NONE).run(new BufferedReader(new StringReader(stream)));
        return out;
    }

    @Test
    void run_initialDumpOnly_noActions() throws IOException {
        assertEquals(List.of(), replay(fixture("events2-a-initial-exists.txt")));
    }

    @Test
    void run_primaryPeerLost_startsOnceAfterDiskPenalty() throws IOException {
        List<ReplayedCommand> out = replay(fixture("events2-a-initial-exists.txt") + fixture("events2-b-primary-peer-lost-may-promote.txt"));
        assertEquals(1, out.size(), out.toString());
        assertEquals(new ReplayedCommand(1000, "r0", "start", TARGET, "promotable after the sleep"), out.get(0));
    }

    @Test
    void run_adoptedPrimaryLosesQuorum_stopsAtOnce() throws IOException {
        List<ReplayedCommand> out = replay(primaryDump() + fixture("events2-c-quorum-loss-io-error.txt"));
        assertEquals("stop", out.get(0).action(), out.toString());
        assertEquals(0, out.get(0).timeMs());
        assertEquals(1, out.stream().filter(c -> c.action().equals("stop")).count(), out.toString());
    }

    @Test
    void run_timestamps_giveVirtualTimeRelativeToFirstLine() throws IOException {
        String stream = fixture("events2-a-initial-exists-full-timestamps.txt")
                + "2025-03-14T10:21:09.982913+01:00 change connection name:r0 peer-node-id:1 conn-name:bravo connection:Connecting role:Unknown\n"
                + "2025-03-14T10:21:09.982913+01:00 change peer-device name:r0 peer-node-id:1 conn-name:bravo volume:0 replication:Off peer-disk:DUnknown peer-client:no\n"
                + "2025-03-14T10:21:09.982913+01:00 change resource name:r0 role:Secondary suspended:no force-io-failures:no write-ordering:flush may_promote:yes promotion_score:10102\n";
        List<ReplayedCommand> out = replay(stream);
        assertEquals(1, out.size(), out.toString());
        assertEquals(2500, out.get(0).timeMs());
    }

    @Test
    void run_promotableBeforeDumpComplete_decidesOnlyAfterDump() throws IOException {
        String dump = fixture("events2-a-initial-exists.txt")
                .replace("conn-name:bravo connection:Connected role:Primary", "conn-name:bravo connection:Connected role:Secondary")
                .replace("may_promote:no", "may_promote:yes");
        String withoutEnd = dump.replace("exists -\n", "");
        // a promotable partial view and garbage, then a peer takes over before the dump completes
        String stream = withoutEnd + "garbage \u0001 line\n"
                + "change connection name:r0 peer-node-id:1 conn-name:bravo role:Primary\n"
                + "change resource name:r0 may_promote:no promotion_score:10103\nexists -\n";
        assertEquals(List.of(), replay(stream));
        assertTrue(replay(dump).size() == 1, "a complete promotable dump starts");
    }
}
