package io.reactord.agent.umh;

import io.reactord.config.Filter;
import io.reactord.config.UmhRule;
import java.util.Map;

/**
 * drbd-reactor's rule semantics: a rule of the update's kind matches when every filter it sets matches;
 * filters it does not set do not restrict ("don't care"). Event-level filters are {@code event-type},
 * {@code resource-name}, {@code volume} and {@code peer-node-id}; state filters compare the {@code old.*} and
 * {@code new.*} tables with the object's state before and after the line.
 */
public final class UmhMatcher {
    private UmhMatcher() {}

    public static boolean matches(UmhRule rule, UmhEvent ev) {
        if (rule.kind() != ev.kind()) {
            return false;
        }
        for (Map.Entry<String, Filter> f : rule.filters().entrySet()) {
            if (!f.getValue().matches(eventField(ev, f.getKey()))) {
                return false;
            }
        }
        return state(rule.old(), ev.old()) && state(rule.neu(), ev.neu());
    }

    private static boolean state(Map<String, Filter> filters, Map<String, String> values) {
        for (Map.Entry<String, Filter> f : filters.entrySet()) {
            String actual = values.get(f.getKey());
            if (actual == null || !f.getValue().matches(actual)) {
                return false;
            }
        }
        return true;
    }

    private static String eventField(UmhEvent ev, String key) {
        switch (key) {
            case "event-type": return ev.eventType();
            case "resource-name": return ev.resource();
            case "volume": return ev.volume() == null ? null : ev.volume().toString();
            case "peer-node-id": return ev.peerNodeId() == null ? null : ev.peerNodeId().toString();
            default: return null;
        }
    }
}
