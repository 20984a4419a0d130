package io.reactord.agent.umh;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.reactord.config.UmhRule;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Real commands for each rule kind: what environment they see, and only that. */
final class UmhRunnerTest {
    private static final String R0 = "exists resource name:r0 role:Secondary suspended:no force-io-failures:no "
            + "write-ordering:flush may_promote:no promotion_score:10103";
    private static final String DEV = "exists device name:r0 volume:0 minor:1000 backing_dev:/dev/vg/r0 disk:UpToDate "
            + "client:no open:no quorum:yes size:1024 read:0 written:0 al-writes:0 bm-writes:0 upper-pending:0 "
            + "lower-pending:0 al-suspended:no blocked:no";
    private static final String CONN = "exists connection name:r0 peer-node-id:1 conn-name:bravo connection:Connected "
            + "role:Primary congested:no ap-in-flight:0 rs-in-flight:0";
    private static final String PEER = "exists peer-device name:r0 peer-node-id:1 conn-name:bravo volume:0 "
            + "replication:Established peer-disk:UpToDate peer-client:no resync-suspended:no received:0 sent:0 "
            + "out-of-sync:0 pending:0 unacked:0";

    @TempDir
    Path dir;

    private UmhFixture fixture(String rule) throws Exception {
        UmhFixture f = new UmhFixture(dir, rule.replace("@OUT@", dir.resolve("env").toString()),
                UmhRunner.Options.DEFAULTS);
        for (String l : new String[] {R0, CONN, DEV, PEER, "exists -"}) {
            f.feed(l);
        }
        return f;
    }

    /** The variables of r0's volume 0 that device and peer-device rules both see. */
    private static final String[] VOLUME_0 = {"DRBD_RES_NAME", "r0", "DRBD_MINOR", "1000", "DRBD_MINOR_0", "1000",
        "DRBD_BACKING_DEV", "/dev/vg/r0", "DRBD_BACKING_DEV_0", "/dev/vg/r0", "DRBD_VOLUME", "0"};

    /** What every command sees (the fixed variables and the rule's OUT), then {@code base} and {@code pairs}: name, value, ... */
    private Map<String, String> expectedEnv(String[] base, String... pairs) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("HOME", "/");
        m.put("TERM", "Linux");
        m.put("PATH", "/sbin:/usr/sbin:/bin:/usr/bin");
        m.put("OUT", dir.resolve("env").toString());
        for (String[] kv : new String[][] {base, pairs}) {
            for (int i = 0; i < kv.length; i += 2) {
                m.put(kv[i], kv[i + 1]);
            }
        }
        return m;
    }

    /** The environment a rule's command wrote to OUT after {@code change}, which runs it once, successfully. */
    private Map<String, String> envAfter(String rule, String change) throws Exception {
        UmhFixture f = fixture(rule);
        assertEquals(1, f.feed(change));
        UmhRun run = f.nextRun();
        assertTrue(run.succeeded(), run.summary());
        return env();
    }

    /** The environment the command wrote to OUT. */
    private Map<String, String> env() throws java.io.IOException {
        return UmhFixture.envFile(dir.resolve("env"));
    }

    @Test
    void resourceRule_secondaryToPrimary_commandSeesExactlyDrbdReactorsVariables() throws Exception {
        UmhFixture f = fixture("[[umh]]\n[[umh.resource]]\nname = \"primary\"\ncommand = \"env > \\\"$OUT\\\"\"\n"
                + "env.OUT = \"@OUT@\"\nresource-name = \"r0\"\nold.role = \"Secondary\"\nnew.role = \"Primary\"\n");
        assertEquals(0, f.runs.size());
        assertEquals(1, f.feed("change resource name:r0 role:Primary may_promote:no promotion_score:10103"));
        UmhRun run = f.nextRun();
        assertEquals("primary", run.rule());
        assertEquals(UmhRule.Kind.RESOURCE, run.kind());
        assertEquals("r0", run.resource());
        assertEquals("Change", run.eventType());
        assertTrue(run.succeeded(), run.summary());
        assertEquals(expectedEnv(new String[] {"DRBD_RES_NAME", "r0"},
                "DRBD_OLD_ROLE", "Secondary", "DRBD_NEW_ROLE", "Primary",
                "DRBD_OLD_MAY_PROMOTE", "false", "DRBD_NEW_MAY_PROMOTE", "false"), env());
    }

    @Test
    void deviceRule_diskFails_minorBackingDevAndStates() throws Exception {
        Map<String, String> env = envAfter("[[umh]]\n[[umh.device]]\ncommand = \"env > \\\"$OUT\\\"\"\nenv.OUT = \"@OUT@\"\n"
                + "volume = 0\nold.disk-state = \"UpToDate\"\nnew.disk-state = { operator = \"NotEquals\", value = \"UpToDate\" }\n",
                "change device name:r0 volume:0 minor:1000 backing_dev:/dev/vg/r0 disk:Failed client:no "
                + "open:no quorum:yes size:1024 read:0 written:0 al-writes:0 bm-writes:0 upper-pending:0 lower-pending:0 "
                + "al-suspended:no");
        assertEquals(expectedEnv(VOLUME_0,
                "DRBD_OLD_DISK_STATE", "UpToDate", "DRBD_NEW_DISK_STATE", "Failed",
                "DRBD_OLD_CLIENT", "false", "DRBD_NEW_CLIENT", "false",
                "DRBD_OLD_QUORUM", "true", "DRBD_NEW_QUORUM", "true",
                "DRBD_OLD_OPEN", "false", "DRBD_NEW_OPEN", "false"), env);
    }

    @Test
    void peerDeviceRule_peerDiskLost_peerVariables() throws Exception {
        Map<String, String> env = envAfter("[[umh]]\n[[umh.peerdevice]]\ncommand = \"env > \\\"$OUT\\\"\"\nenv.OUT = \"@OUT@\"\n"
                + "peer-node-id = 1\nvolume = 0\nnew.peer-disk-state = \"DUnknown\"\n",
                "change peer-device name:r0 peer-node-id:1 conn-name:bravo volume:0 replication:Off "
                + "peer-disk:DUnknown peer-client:no resync-suspended:no received:0 sent:0 out-of-sync:0 pending:0 unacked:0");
        assertEquals(expectedEnv(VOLUME_0, "DRBD_PEER_NODE_ID", "1",
                "DRBD_OLD_PEER_REPLICATION_STATE", "Established", "DRBD_NEW_PEER_REPLICATION_STATE", "Off",
                "DRBD_OLD_PEER_DISK_STATE", "UpToDate", "DRBD_NEW_PEER_DISK_STATE", "DUnknown",
                "DRBD_OLD_PEER_CLIENT", "false", "DRBD_NEW_PEER_CLIENT", "false",
                "DRBD_OLD_PEER_RESYNC_SUSPENDED", "false", "DRBD_NEW_PEER_RESYNC_SUSPENDED", "false"), env);
    }

    @Test
    void connectionRule_connectionLost_connectionVariables() throws Exception {
        Map<String, String> env = envAfter("[[umh]]\n[[umh.connection]]\ncommand = \"env > \\\"$OUT\\\"\"\nenv.OUT = \"@OUT@\"\n"
                + "resource-name = \"r0\"\nold.connection-state = \"Connected\"\n"
                + "new.connection-state.operator = \"NotEquals\"\nnew.connection-state.value = \"Connected\"\n",
                "change connection name:r0 peer-node-id:1 conn-name:bravo connection:NetworkFailure "
                + "role:Unknown congested:no ap-in-flight:0 rs-in-flight:0");
        assertEquals(expectedEnv(new String[] {"DRBD_RES_NAME", "r0", "DRBD_PEER_NODE_ID", "1"},
                "DRBD_CSTATE", "NetworkFailure",
                "DRBD_OLD_CONN_NAME", "bravo", "DRBD_NEW_CONN_NAME", "bravo",
                "DRBD_OLD_CONN_STATE", "Connected", "DRBD_NEW_CONN_STATE", "NetworkFailure",
                "DRBD_OLD_PEER_ROLE", "Primary", "DRBD_NEW_PEER_ROLE", "Unknown",
                "DRBD_OLD_CONGESTED", "false", "DRBD_NEW_CONGESTED", "false"), env);
    }

    @Test
    void rules_filtersNotMet_nothingRuns() throws Exception {
        UmhFixture f = fixture("[[umh]]\n[[umh.resource]]\ncommand = \"exit 0\"\nresource-name = \"other\"\n"
                + "[[umh.resource]]\ncommand = \"exit 0\"\nold.role = \"Primary\"\n"
                + "[[umh.device]]\ncommand = \"exit 0\"\nvolume = 1\n"
                + "[[umh.connection]]\ncommand = \"exit 0\"\npeer-node-id = 2\n"
                + "[[umh.peerdevice]]\ncommand = \"exit 0\"\nevent-type = \"Destroy\"\n");
        assertEquals(0, f.feed("change resource name:r0 role:Primary may_promote:no promotion_score:10103"));
        assertEquals(0, f.feed("change connection name:r0 peer-node-id:1 conn-name:bravo connection:Connecting role:Unknown"));
        f.idle();
        assertEquals(0, f.runs.size());
    }

    @Test
    void eventTypeExists_firesForTheInitialDumpOnly() throws Exception {
        UmhFixture f = new UmhFixture(dir, "[[umh]]\n[[umh.device]]\ncommand = \"exit 0\"\nevent-type = \"Exists\"\n",
                UmhRunner.Options.DEFAULTS);
        assertEquals(0, f.feed(R0));
        assertEquals(1, f.feed(DEV));
        assertEquals("Exists", f.nextRun().eventType());
        f.feed("exists -");
        assertEquals(0, f.feed("change device name:r0 volume:0 disk:Outdated"));
    }

    @Test
    void exitStatus_nonZero_reported() throws Exception {
        UmhFixture f = fixture("[[umh]]\n[[umh.resource]]\nname = \"fails\"\ncommand = \"echo oops >&2; exit 3\"\n"
                + "new.role = \"Primary\"\n");
        f.feed("change resource name:r0 role:Primary");
        UmhRun run = f.nextRun();
        assertEquals(UmhRun.Outcome.EXITED, run.outcome());
        assertEquals(3, run.exitStatus());
        assertEquals("oops\n", run.output());
        assertFalse(run.succeeded());
        assertTrue(run.summary().startsWith("rule 'fails' for r0: exit 3 after "), run.summary());
    }

    @Test
    void userEnv_cannotOverrideThePath() throws Exception {
        UmhFixture f = fixture("[[umh]]\n[[umh.resource]]\ncommand = \"env > \\\"$OUT\\\"\"\nenv.OUT = \"@OUT@\"\n"
                + "env.PATH = \"/evil\"\nenv.DRBD_RES_NAME = \"mine\"\nnew.role = \"Primary\"\n");
        f.feed("change resource name:r0 role:Primary");
        assertTrue(f.nextRun().succeeded());
        Map<String, String> env = env();
        assertEquals("/sbin:/usr/sbin:/bin:/usr/bin", env.get("PATH"));
        assertEquals("mine", env.get("DRBD_RES_NAME"));
        assertNull(env.get("LC_ALL"));
    }
}
