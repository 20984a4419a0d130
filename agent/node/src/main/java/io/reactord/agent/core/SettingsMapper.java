package io.reactord.agent.core;

import io.reactord.agent.promoter.PromoterSettings;
import io.reactord.config.OcfEntry;
import io.reactord.config.PromoterResource;
import io.reactord.config.Runner;
import io.reactord.systemd.OcfAgent;
import io.reactord.systemd.SystemdNames;
import io.reactord.systemd.UnitPlan;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

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
                r.runner() == Runner.SHELL ? r.start() : r.startUnits(),
                r.runner(),
                r.sleepBeforePromoteFactor(),
                r.preferredNodes(),
                r.preferredNodesPolicy(),
                r.onQuorumLoss(),
                r.onDiskDetach(),
                fencingConfigured,
                r.fencingPromoteDelay(),
                r.stopServicesOnExit(),
                r.maxFailures(),
                r.failureWindow(),
                PromoterSettings.DEFAULT_BACKOFF_INITIAL,
                PromoterSettings.DEFAULT_BACKOFF_MAX)
                .withTiming(r.failBackTimeout(), r.startSettle(), r.startTimeout());
    }

    /**
     * The drop-in plan of a systemd-runner resource: OCF start entries become their {@code ocf.rs@INSTANCE_RES}
     * units with an {@link OcfAgent} each.
     *
     * @throws IllegalArgumentException the plan cannot be realised (an invalid entry or unit name)
     */
    public static UnitPlan toPlan(PromoterResource r) {
        Map<String, OcfAgent> agents = new LinkedHashMap<>();
        for (String entry : r.start()) {
            OcfEntry e = PromoterResource.ocf(entry);
            if (e != null) {
                agents.put(e.unitName(r.name()), new OcfAgent(e.vendor(), e.agent(), e.instance(), e.params()));
            }
        }
        return new UnitPlan(r.name(), r.startUnits(), r.dependenciesAs().unitKey(), r.targetAs().unitKey(),
                r.onDrbdDemoteFailure().systemdValue(), r.secondaryForce(), agents);
    }

    /**
     * Why the plan of {@code r} cannot be realised on this host, or null: an OCF agent that is not installed
     * under {@code ocfRoot} (the units would fail at every start).
     */
    public static String planProblem(PromoterResource r, Path ocfRoot) {
        for (String entry : r.start()) {
            OcfEntry e = PromoterResource.ocf(entry);
            String why = e == null ? null : e.installProblem(ocfRoot);
            if (why != null) {
                return why;
            }
        }
        return null;
    }
}
