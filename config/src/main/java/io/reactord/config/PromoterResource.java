package io.reactord.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * One resource of a {@code [[promoter]]} table ({@code [promoter.resources.NAME]}), with every
 * setting resolved to its value or default. {@code source} and {@code line} say where it was defined.
 * Keys, defaults and validation are listed side by side in {@code PromoterBinder}.
 */
public record PromoterResource(
        String name,
        Path source,
        int line,
        List<String> start,
        List<String> stop,
        Runner runner,
        DependencyKind dependenciesAs,
        DependencyKind targetAs,
        FailureAction onDrbdDemoteFailure,
        boolean secondaryForce,
        boolean stopServicesOnExit,
        double sleepBeforePromoteFactor,
        List<String> preferredNodes,
        PreferredNodesPolicy preferredNodesPolicy,
        QuorumLossPolicy onQuorumLoss,
        DiskDetachPolicy onDiskDetach,
        Duration fencingPromoteDelay,
        boolean adjustResourceOnStart,
        int maxFailures,
        Duration failureWindow,
        Duration startTimeout,
        Duration failBackTimeout,
        Duration startSettle) {

    /** {@code start-timeout}'s default: a start still running after this long is a failed start. */
    public static final Duration DEFAULT_START_TIMEOUT = Duration.ofMinutes(5);
    /** {@code fail-back-timeout}'s default: how long a fail-back release waits for the preferred peer. */
    public static final Duration DEFAULT_FAIL_BACK_TIMEOUT = Duration.ofSeconds(30);
    /** {@code start-settle}'s default: a start unit failing this soon after the start makes it a failed start. */
    public static final Duration DEFAULT_START_SETTLE = Duration.ofSeconds(10);

    public PromoterResource {
        start = List.copyOf(start);
        stop = List.copyOf(stop);
        preferredNodes = List.copyOf(preferredNodes);
        startTimeout = startTimeout == null ? DEFAULT_START_TIMEOUT : startTimeout;
        failBackTimeout = failBackTimeout == null ? DEFAULT_FAIL_BACK_TIMEOUT : failBackTimeout;
        startSettle = startSettle == null ? DEFAULT_START_SETTLE : startSettle;
    }

    /** The settings with {@code start-timeout}, {@code fail-back-timeout} and {@code start-settle} at their defaults. */
    public PromoterResource(String name, Path source, int line, List<String> start, List<String> stop, Runner runner,
            DependencyKind dependenciesAs, DependencyKind targetAs, FailureAction onDrbdDemoteFailure, boolean secondaryForce,
            boolean stopServicesOnExit, double sleepBeforePromoteFactor, List<String> preferredNodes,
            PreferredNodesPolicy preferredNodesPolicy, QuorumLossPolicy onQuorumLoss, DiskDetachPolicy onDiskDetach,
            Duration fencingPromoteDelay, boolean adjustResourceOnStart, int maxFailures, Duration failureWindow) {
        this(name, source, line, start, stop, runner, dependenciesAs, targetAs, onDrbdDemoteFailure, secondaryForce,
                stopServicesOnExit, sleepBeforePromoteFactor, preferredNodes, preferredNodesPolicy, onQuorumLoss, onDiskDetach,
                fencingPromoteDelay, adjustResourceOnStart, maxFailures, failureWindow, null, null, null);
    }

    /** The same settings with another origin; used to compare settings regardless of where they were written. */
    public PromoterResource withOrigin(Path newSource, int newLine) {
        return new PromoterResource(name, newSource, newLine, start, stop, runner, dependenciesAs, targetAs,
                onDrbdDemoteFailure, secondaryForce, stopServicesOnExit, sleepBeforePromoteFactor, preferredNodes,
                preferredNodesPolicy, onQuorumLoss, onDiskDetach, fencingPromoteDelay, adjustResourceOnStart,
                maxFailures, failureWindow, startTimeout, failBackTimeout, startSettle);
    }

    /** True when every setting except {@code source} and {@code line} is equal. */
    public boolean sameSettings(PromoterResource other) {
        return other != null && withOrigin(null, 0).equals(other.withOrigin(null, 0));
    }

    /**
     * The systemd units of the {@code start} list in order, OCF entries as their
     * {@code ocf.rs@INSTANCE_RES.service} units; empty for the shell runner, whose entries are commands.
     */
    public List<String> startUnits() {
        if (runner == Runner.SHELL) return List.of();
        List<String> out = new java.util.ArrayList<>(start.size());
        for (String entry : start) {
            OcfEntry ocf = ocf(entry);
            out.add(ocf == null ? entry : ocf.unitName(name));
        }
        return List.copyOf(out);
    }

    /**
     * The OCF agent of one {@code start} entry, or null when the entry is a unit name. Entries of a
     * loaded configuration are valid, so this does not fail for them.
     */
    public static OcfEntry ocf(String entry) {
        if (!OcfEntry.isOcf(entry)) return null;
        try {
            return OcfEntry.parse(entry);
        } catch (OcfEntry.Invalid e) {
            throw new IllegalArgumentException("start entry \"" + entry + "\" " + e.getMessage(), e);
        }
    }

    /** The units to stop, in order: {@code stop} when given, otherwise {@code start} reversed (drbd-reactor's rule). */
    public List<String> effectiveStop() {
        if (!stop.isEmpty()) return stop;
        List<String> reversed = new java.util.ArrayList<>(start);
        java.util.Collections.reverse(reversed);
        return List.copyOf(reversed);
    }
}
