package io.reactord.agent.core;

import io.reactord.agent.promoter.PromoterSettings;
import io.reactord.config.PromoterResource;
import io.reactord.systemd.SystemdNames;
import io.reactord.systemd.UnitPlan;

/** Maps the configuration's {@link PromoterResource} onto the promoter's and the unit generator's records. */
public final class SettingsMapper {
    private SettingsMapper() {}

    /**
     * @param localNode this node's name (uname -n)
     * @param fencingConfigured whether DRBD runs in 2-node fencing mode (quorum off, fencing resource-and-stonith;
     *     from {@code drbdsetup show}): only then is fencing-promote-delay added
     */
    public static PromoterSettings toSettings(PromoterResource r, String localNode, boolean fencingConfigured) {
        return new PromoterSettings(
                r.name(),
                localNode,
                SystemdNames.servicesTarget(r.name()),
                r.start(),
                PromoterSettings.Runner.valueOf(r.runner().name()),
                r.sleepBeforePromoteFactor(),
                r.preferredNodes(),
                PromoterSettings.PreferredNodesPolicy.valueOf(r.preferredNodesPolicy().name()),
                PromoterSettings.QuorumLossPolicy.valueOf(r.onQuorumLoss().name()),
                PromoterSettings.DiskDetachPolicy.valueOf(r.onDiskDetach().name()),
                fencingConfigured,
                r.fencingPromoteDelay(),
                r.stopServicesOnExit(),
                r.maxFailures(),
                r.failureWindow(),
                PromoterSettings.DEFAULT_BACKOFF_INITIAL,
                PromoterSettings.DEFAULT_BACKOFF_MAX)
                .withTiming(r.failBackTimeout(), null, r.startTimeout());
    }

    /** The drop-in plan of a systemd-runner resource. */
    public static UnitPlan toPlan(PromoterResource r) {
        return new UnitPlan(r.name(), r.start(), r.dependenciesAs().unitKey(), r.targetAs().unitKey(),
                r.onDrbdDemoteFailure().systemdValue(), r.secondaryForce());
    }
}
