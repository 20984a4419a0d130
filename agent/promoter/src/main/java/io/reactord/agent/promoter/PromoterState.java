package io.reactord.agent.promoter;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * The states of a {@link Promoter} and the table of legal transitions between them (data, not code:
 * {@link Promoter} refuses any transition not listed here).
 */
public enum PromoterState {
    /** Before the initial events2 dump is complete: nothing is decided. */
    UNKNOWN,
    /** Not running here and not about to start. */
    IDLE,
    /** Promotable; the sleep before the start is running. */
    PENDING,
    /** The start job for the target is running. */
    STARTING,
    /** The target is active on this Primary. */
    ACTIVE,
    /** Quorum lost in freeze mode: the services are frozen, waiting for quorum to return. */
    FROZEN,
    /** The stop job for the target is running. */
    STOPPING,
    /** A start failed; waiting for the retry timer. */
    BACKOFF,
    /** Too many failures in the failure window: given up until {@code enable} or a reload. */
    FAILED,
    /** Operator disabled the resource here: hands off. */
    DISABLED,
    /** Operator evicted the resource from this node. */
    EVICTED,
    /** Not managed: its DRBD options make managing it unsafe (quorum off without fencing); hands off. */
    REFUSED,
    /** The agent is exiting or the resource was removed from the configuration. */
    SHUT_DOWN;

    private static final Map<PromoterState, Set<PromoterState>> LEGAL = new EnumMap<>(PromoterState.class);

    static {
        allow(UNKNOWN, IDLE, PENDING, ACTIVE, FROZEN, STOPPING, DISABLED, EVICTED, REFUSED, SHUT_DOWN);
        allow(IDLE, PENDING, ACTIVE, DISABLED, EVICTED, REFUSED, SHUT_DOWN);
        allow(PENDING, IDLE, STARTING, DISABLED, EVICTED, REFUSED, SHUT_DOWN);
        allow(STARTING, ACTIVE, IDLE, BACKOFF, FAILED, STOPPING, DISABLED, EVICTED, REFUSED, SHUT_DOWN);
        allow(ACTIVE, STARTING, STOPPING, FROZEN, IDLE, BACKOFF, FAILED, DISABLED, EVICTED, REFUSED, SHUT_DOWN);
        allow(FROZEN, ACTIVE, STOPPING, DISABLED, EVICTED, REFUSED, SHUT_DOWN);
        allow(STOPPING, IDLE, DISABLED, EVICTED, REFUSED, SHUT_DOWN);
        allow(BACKOFF, IDLE, DISABLED, EVICTED, REFUSED, SHUT_DOWN);
        allow(FAILED, IDLE, ACTIVE, DISABLED, EVICTED, REFUSED, SHUT_DOWN);
        allow(DISABLED, IDLE, ACTIVE, SHUT_DOWN);
        allow(EVICTED, IDLE, ACTIVE, DISABLED, REFUSED, SHUT_DOWN);
        allow(REFUSED, IDLE, DISABLED, SHUT_DOWN);
        allow(SHUT_DOWN);
    }

    private static void allow(PromoterState from, PromoterState... to) {
        Set<PromoterState> s = EnumSet.noneOf(PromoterState.class);
        s.addAll(java.util.Arrays.asList(to));
        LEGAL.put(from, s);
    }

    /** Whether the table allows {@code this -> to}. */
    public boolean canGo(PromoterState to) {
        return LEGAL.get(this).contains(to);
    }

    /** The states reachable from this one in one transition. */
    public Set<PromoterState> next() {
        return EnumSet.copyOf(LEGAL.get(this).isEmpty() ? EnumSet.noneOf(PromoterState.class) : LEGAL.get(this));
    }

    /** Whether the target is (or is being made) active here in this state. */
    public boolean holdsTarget() {
        return this == STARTING || this == ACTIVE || this == FROZEN;
    }
}
