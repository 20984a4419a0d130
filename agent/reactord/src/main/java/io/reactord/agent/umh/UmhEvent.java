package io.reactord.agent.umh;

import io.reactord.config.UmhRule;
import java.util.Map;

/**
 * One drbd-reactor plugin update: a state change of one object, as umh rules see it. {@code eventType} is
 * {@code Exists}, {@code Create}, {@code Change} or {@code Destroy}; {@code old} and {@code neu} hold the
 * object's filterable fields as canonical text keyed like the rules' {@code old.*}/{@code new.*} tables;
 * {@code env} the {@code DRBD_*} variables a matching command gets. {@code volume} and {@code peerNodeId}
 * are null where the kind has none.
 */
public record UmhEvent(UmhRule.Kind kind, String eventType, String resource, Integer volume, Integer peerNodeId,
        Map<String, String> old, Map<String, String> neu, Map<String, String> env) {

    public UmhEvent {
        old = Map.copyOf(old);
        neu = Map.copyOf(neu);
        env = Map.copyOf(env);
    }
}
