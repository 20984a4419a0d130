package io.reactord.agent.promoter;

import java.time.Duration;

/** Everything that can happen to a promoter; the agent delivers these one at a time. */
public sealed interface Input {

    /** A short human-readable description for logs and the journal. */
    String describe();

    /** A new snapshot of the resource (after the initial dump, or buffered before it). */
    record ViewChanged(ResourceView view) implements Input {
        public String describe() {
            return "events2 change";
        }
    }

    /**
     * The initial events2 dump is complete ({@code exists -}); {@code view} is the resource's full
     * state (null when the resource does not exist in DRBD) and {@code target} the target unit's
     * ActiveState read from systemd.
     */
    record DumpComplete(ResourceView view, UnitActiveState target) implements Input {
        public String describe() {
            return "initial state complete (target " + target.name().toLowerCase(java.util.Locale.ROOT) + ")";
        }
    }

    /** The events2 stream ended or emitted garbage; nothing is decided until the next dump completes. */
    record StreamLost(String why) implements Input {
        public String describe() {
            return "events2 stream lost: " + why;
        }
    }

    /** The result of a unit operation the promoter commanded ({@code op} correlates). */
    record JobFinished(long op, JobResult result, UnitActiveState activeState, Boolean conditionResult, String detail)
            implements Input {
        public String describe() {
            return "job " + op + " " + result.name().toLowerCase(java.util.Locale.ROOT)
                    + (detail == null || detail.isEmpty() ? "" : " (" + detail + ")");
        }
    }

    /** A timer the promoter scheduled fired. */
    record TimerFired(TimerId id) implements Input {
        public String describe() {
            return "timer " + id.kind().name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** systemd reports a new ActiveState of the target or one of the service units. */
    record UnitStateChanged(String unit, UnitActiveState state) implements Input {
        public String describe() {
            return unit + " " + state.name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** Operator: release the resource here; with {@code keepMasked} stay released until {@link Enable}. */
    record Evict(boolean keepMasked, Duration duration) implements Input {
        public String describe() {
            return "evict" + (keepMasked ? " --keep-masked" : "");
        }
    }

    /** Operator: prefer {@code node} for {@code duration} (expires by itself). */
    record Move(String node, Duration duration) implements Input {
        public String describe() {
            return "move to " + node;
        }
    }

    /** Operator: hands off; with {@code now} the target is stopped as well. */
    record Disable(boolean now) implements Input {
        public String describe() {
            return "disable" + (now ? " --now" : "");
        }
    }

    /** Operator: manage again (also clears a given-up failure state). */
    record Enable() implements Input {
        public String describe() {
            return "enable";
        }
    }

    /** The host's service manager is reachable again (systemd's bus reconnected): retry what a host fault paused. */
    record ManagerReachable() implements Input {
        public String describe() {
            return "systemd reachable again";
        }
    }

    /** The configuration of this resource was reloaded. */
    record ConfigChanged(PromoterSettings settings) implements Input {
        public String describe() {
            return "configuration reloaded";
        }
    }

    /** The agent exits or the resource was removed from the configuration. */
    record Shutdown(String why) implements Input {
        public String describe() {
            return "shutdown: " + why;
        }
    }
}
