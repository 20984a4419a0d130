package io.reactord.agent.umh;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.reactord.events2.ClusterState;
import io.reactord.events2.Events2Parser;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

final class DebuggerSinkTest {

    private static List<String> logged(Level level, String... lines) {
        LoggerContext ctx = new LoggerContext();
        Logger log = ctx.getLogger("test.debugger");
        log.setLevel(level);
        ListAppender<ILoggingEvent> app = new ListAppender<>();
        app.setContext(ctx);
        app.start();
        log.addAppender(app);
        DebuggerSink sink = new DebuggerSink(log);
        ClusterState state = new ClusterState();
        for (String l : lines) {
            sink.accept(state.apply(Events2Parser.parse(l)));
        }
        return app.list.stream().map(e -> e.getLevel() + " " + e.getFormattedMessage()).collect(Collectors.toList());
    }

    @Test
    void accept_everyChange_oneDebugLineEach() {
        List<String> got = logged(Level.DEBUG,
                "exists resource name:r0 role:Secondary suspended:no may_promote:no promotion_score:10103",
                "exists peer-device name:r0 peer-node-id:1 conn-name:b volume:0 replication:Established peer-disk:UpToDate",
                "change peer-device name:r0 peer-node-id:1 conn-name:b volume:0 replication:Off peer-disk:DUnknown",
                "change resource name:r0 suspended:user,quorum");
        assertEquals(List.of(
                "DEBUG r0: RESOURCE_CREATED - -> r0",
                "DEBUG r0: ROLE - -> Secondary",
                "DEBUG r0: SUSPENDED - -> no",
                "DEBUG r0: MAY_PROMOTE - -> false",
                "DEBUG r0: PROMOTION_SCORE - -> 10103",
                "DEBUG r0 peer 1: CONNECTION_CREATED",
                "DEBUG r0 volume 0 peer 1: PEER_DEVICE_CREATED",
                "DEBUG r0 volume 0 peer 1: REPLICATION - -> Established",
                "DEBUG r0 volume 0 peer 1: PEER_DISK - -> UpToDate",
                "DEBUG r0 volume 0 peer 1: REPLICATION Established -> Off",
                "DEBUG r0 volume 0 peer 1: PEER_DISK UpToDate -> DUnknown",
                "DEBUG r0: SUSPENDED no -> user,quorum"), got);
    }

    @Test
    void accept_debugOff_logsNothing() {
        assertEquals(List.of(), logged(Level.INFO, "exists resource name:r0 role:Primary"));
    }
}
