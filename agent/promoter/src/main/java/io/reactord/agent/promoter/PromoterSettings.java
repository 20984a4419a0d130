package io.reactord.agent.promoter;

import io.reactord.config.DiskDetachPolicy;
import io.reactord.config.PreferredNodesPolicy;
import io.reactord.config.QuorumLossPolicy;
import io.reactord.config.Runner;
import java.time.Duration;
import java.util.List;

/**
 * The promoter's own settings for one resource, mapped from the configuration by the agent.
 *
 * @param resource DRBD resource name
 * @param localNode this node's name (uname -n), compared with {@code preferredNodes} and peer names
 * @param target the systemd target that promotes DRBD and starts the services ({@code drbd-services@RES.target})
 * @param units the service units in start order (frozen/thawed in freeze mode, watched for failures)
 * @param runner how units are run
 * @param sleepBeforePromoteFactor multiplier of the promote sleep (0 = no sleep)
 * @param preferredNodes node names, most preferred first
 * @param preferredNodesPolicy when preference applies
 * @param onQuorumLoss what to do when a Primary loses quorum
 * @param onDiskDetach what to do when a Primary's local disk detaches
 * @param fencingConfigured whether DRBD runs in 2-node fencing mode (quorum off, fencing resource-and-stonith):
 *     only then is the fencing delay added, as drbd-reactor does
 * @param fencingPromoteDelay added to the promote sleep in 2-node fencing mode
 * @param stopServicesOnExit stop the target when the agent exits or the resource is removed
 * @param maxFailures start failures per {@code failureWindow} before giving up
 * @param failureWindow the sliding window failures are counted in
 * @param backoffInitial first retry delay after a failure (at most 20 s)
 * @param backoffMax retry delay cap
 * @param failBackTimeout how long, after a fail-back release, this node holds back for the preferred peer to
 *     take over before it promotes again (and stops failing back to that peer until its state changes)
 * @param startSettle how long after a start job a failing start unit still counts as a start failure
 * @param startTimeout how long a start may stay in {@code STARTING} before it counts as a failed start
 *     ({@code start-timeout}); a warning is journaled every {@link #START_WARN_EVERY} while waiting
 * @param refused why this resource must not be managed (e.g. DRBD quorum off without fencing), null to manage it
 */
public record PromoterSettings(
        String resource,
        String localNode,
        String target,
        List<String> units,
        Runner runner,
        double sleepBeforePromoteFactor,
        List<String> preferredNodes,
        PreferredNodesPolicy preferredNodesPolicy,
        QuorumLossPolicy onQuorumLoss,
        DiskDetachPolicy onDiskDetach,
        boolean fencingConfigured,
        Duration fencingPromoteDelay,
        boolean stopServicesOnExit,
        int maxFailures,
        Duration failureWindow,
        Duration backoffInitial,
        Duration backoffMax,
        Duration failBackTimeout,
        Duration startSettle,
        Duration startTimeout,
        String refused) {

    public static final Duration DEFAULT_FENCING_PROMOTE_DELAY = Duration.ofSeconds(5);
    public static final int DEFAULT_MAX_FAILURES = 5;
    public static final Duration DEFAULT_FAILURE_WINDOW = Duration.ofMinutes(10);
    public static final Duration DEFAULT_BACKOFF_INITIAL = Duration.ofSeconds(10);
    public static final Duration MAX_BACKOFF_INITIAL = Duration.ofSeconds(20);
    public static final Duration DEFAULT_BACKOFF_MAX = Duration.ofMinutes(5);
    public static final Duration DEFAULT_FAIL_BACK_TIMEOUT = Duration.ofSeconds(30);
    public static final Duration DEFAULT_START_SETTLE = Duration.ofSeconds(10);
    public static final Duration DEFAULT_START_TIMEOUT = Duration.ofMinutes(5);
    /** How often a start that is still running is warned about. */
    public static final Duration START_WARN_EVERY = Duration.ofSeconds(30);

    public PromoterSettings {
        if (resource == null || resource.isEmpty()) {
            throw new IllegalArgumentException("resource must not be empty");
        }
        if (target == null || target.isEmpty()) {
            throw new IllegalArgumentException("target must not be empty");
        }
        localNode = localNode == null ? "" : localNode;
        units = List.copyOf(units == null ? List.of() : units);
        runner = runner == null ? Runner.SYSTEMD : runner;
        if (!(sleepBeforePromoteFactor >= 0) || Double.isInfinite(sleepBeforePromoteFactor)) {
            throw new IllegalArgumentException("sleep-before-promote-factor must be >= 0, got " + sleepBeforePromoteFactor);
        }
        preferredNodes = List.copyOf(preferredNodes == null ? List.of() : preferredNodes);
        preferredNodesPolicy = preferredNodesPolicy == null ? PreferredNodesPolicy.ALWAYS : preferredNodesPolicy;
        onQuorumLoss = onQuorumLoss == null ? QuorumLossPolicy.SHUTDOWN : onQuorumLoss;
        onDiskDetach = onDiskDetach == null ? DiskDetachPolicy.IGNORE : onDiskDetach;
        fencingPromoteDelay = nonNegative(fencingPromoteDelay, DEFAULT_FENCING_PROMOTE_DELAY, "fencing-promote-delay");
        if (maxFailures < 1) {
            throw new IllegalArgumentException("max-failures must be >= 1, got " + maxFailures);
        }
        failureWindow = positive(failureWindow, DEFAULT_FAILURE_WINDOW, "failure-window");
        backoffInitial = positive(backoffInitial, DEFAULT_BACKOFF_INITIAL, "backoff-initial");
        if (backoffInitial.compareTo(MAX_BACKOFF_INITIAL) > 0) {
            throw new IllegalArgumentException("first retry must be <= 20 s, got " + backoffInitial);
        }
        backoffMax = positive(backoffMax, DEFAULT_BACKOFF_MAX, "backoff-max");
        if (backoffMax.compareTo(backoffInitial) < 0) {
            backoffMax = backoffInitial;
        }
        failBackTimeout = positive(failBackTimeout, DEFAULT_FAIL_BACK_TIMEOUT, "fail-back-timeout");
        startSettle = nonNegative(startSettle, DEFAULT_START_SETTLE, "start-settle");
        startTimeout = positive(startTimeout, DEFAULT_START_TIMEOUT, "start-timeout");
        refused = refused == null || refused.isEmpty() ? null : refused;
    }

    /** The settings without the newer tunables (their defaults; the resource is managed). */
    public PromoterSettings(String resource, String localNode, String target, List<String> units, Runner runner,
            double sleepBeforePromoteFactor, List<String> preferredNodes, PreferredNodesPolicy preferredNodesPolicy,
            QuorumLossPolicy onQuorumLoss, DiskDetachPolicy onDiskDetach, boolean fencingConfigured,
            Duration fencingPromoteDelay, boolean stopServicesOnExit, int maxFailures, Duration failureWindow,
            Duration backoffInitial, Duration backoffMax) {
        this(resource, localNode, target, units, runner, sleepBeforePromoteFactor, preferredNodes, preferredNodesPolicy,
                onQuorumLoss, onDiskDetach, fencingConfigured, fencingPromoteDelay, stopServicesOnExit, maxFailures,
                failureWindow, backoffInitial, backoffMax, null, null, null, null);
    }

    /** These settings with other start/fail-back timing. */
    public PromoterSettings withTiming(Duration failBack, Duration settle, Duration startTimeout) {
        return new PromoterSettings(resource, localNode, target, units, runner, sleepBeforePromoteFactor, preferredNodes,
                preferredNodesPolicy, onQuorumLoss, onDiskDetach, fencingConfigured, fencingPromoteDelay, stopServicesOnExit,
                maxFailures, failureWindow, backoffInitial, backoffMax, failBack, settle, startTimeout, refused);
    }

    /** These settings, refused with {@code why} (null: managed). */
    public PromoterSettings withRefused(String why) {
        return new PromoterSettings(resource, localNode, target, units, runner, sleepBeforePromoteFactor, preferredNodes,
                preferredNodesPolicy, onQuorumLoss, onDiskDetach, fencingConfigured, fencingPromoteDelay, stopServicesOnExit,
                maxFailures, failureWindow, backoffInitial, backoffMax, failBackTimeout, startSettle, startTimeout, why);
    }

    /** Defaults for everything but the names (drbd-reactor's defaults plus ours). */
    public static PromoterSettings defaults(String resource, String localNode, String target, List<String> units) {
        return new PromoterSettings(resource, localNode, target, units, Runner.SYSTEMD, 1.0, List.of(),
                PreferredNodesPolicy.ALWAYS, QuorumLossPolicy.SHUTDOWN, DiskDetachPolicy.IGNORE, false,
                DEFAULT_FENCING_PROMOTE_DELAY, false, DEFAULT_MAX_FAILURES, DEFAULT_FAILURE_WINDOW,
                DEFAULT_BACKOFF_INITIAL, DEFAULT_BACKOFF_MAX);
    }

    /** Index of {@code node} in {@code preferredNodes}; the list size when absent; 0 when the list is empty. */
    public int preferredIndex(String node) {
        int i = preferredNodes.indexOf(node);
        return i >= 0 ? i : preferredNodes.size();
    }

    private static Duration nonNegative(Duration d, Duration dflt, String key) {
        Duration v = d == null ? dflt : d;
        if (v.isNegative()) {
            throw new IllegalArgumentException(key + " must not be negative, got " + v);
        }
        return v;
    }

    private static Duration positive(Duration d, Duration dflt, String key) {
        Duration v = d == null ? dflt : d;
        if (v.isNegative() || v.isZero()) {
            throw new IllegalArgumentException(key + " must be positive, got " + v);
        }
        return v;
    }
}
