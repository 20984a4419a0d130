package io.reactord.agent.umh;

import io.reactord.events2.Change;
import io.reactord.events2.ConnectionState;
import io.reactord.events2.DiskState;
import io.reactord.events2.ReplicationState;
import io.reactord.events2.Role;
import io.reactord.events2.TriState;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code [[debugger]]} plugin: logs every change of the DRBD state at debug level (logger
 * {@code io.reactord.agent.umh.DebuggerSink}), one line each, e.g.
 * {@code r0 volume 0 peer 1: PEER_DISK UpToDate -> DUnknown}. Costs nothing when debug is off.
 */
public final class DebuggerSink {
    private final Logger log;

    public DebuggerSink() {
        this(LoggerFactory.getLogger(DebuggerSink.class));
    }

    DebuggerSink(Logger log) {
        this.log = log;
    }

    /** Logs the changes one events2 line caused. Event loop thread. */
    public void accept(List<Change> changes) {
        if (changes.isEmpty() || !log.isDebugEnabled()) {
            return;
        }
        for (Change c : changes) {
            log.debug(line(c));
        }
    }

    static String line(Change c) {
        StringBuilder sb = new StringBuilder(c.resource());
        if (c.volume() != null) {
            sb.append(" volume ").append(c.volume());
        }
        if (c.peerNodeId() != null) {
            sb.append(" peer ").append(c.peerNodeId());
        }
        sb.append(": ").append(c.field());
        if (c.oldValue() != null || c.newValue() != null) {
            sb.append(' ').append(text(c.oldValue())).append(" -> ").append(text(c.newValue()));
        }
        return sb.toString();
    }

    static String text(Object v) {
        if (v == null) return "-";
        if (v instanceof Role r) return r.drbdName();
        if (v instanceof DiskState d) return d.drbdName();
        if (v instanceof ConnectionState s) return s.drbdName();
        if (v instanceof ReplicationState s) return s.drbdName();
        if (v instanceof TriState t) return t.word();
        if (v instanceof List<?> l) return l.isEmpty() ? "no" : String.join(",", l.stream().map(String::valueOf).toList());
        return String.valueOf(v);
    }
}
