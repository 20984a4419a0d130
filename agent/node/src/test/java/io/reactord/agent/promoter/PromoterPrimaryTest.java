package io.reactord.agent.promoter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.reactord.config.DiskDetachPolicy;
import io.reactord.config.PreferredNodesPolicy;
import io.reactord.config.QuorumLossPolicy;
import io.reactord.events2.DiskState;
import io.reactord.events2.Role;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Rules that apply while this node runs the target (DESIGN §3.3–§3.5). */
final class PromoterPrimaryTest {

    static PromoterSettings with(QuorumLossPolicy q, DiskDetachPolicy d, List<String> preferred, PreferredNodesPolicy p) {
        PromoterSettings s = Harness.settings();
        return new PromoterSettings(s.resource(), s.localNode(), s.target(), s.units(), s.runner(), 0.0, preferred, p, q, d,
                false, s.fencingPromoteDelay(), false, s.maxFailures(), s.failureWindow(), s.backoffInitial(), s.backoffMax());
    }

    private static Harness active(PromoterSettings s) {
        Harness h = new Harness(s);
        h.dump(Views.primary(), UnitActiveState.ACTIVE);
        assertEquals(PromoterState.ACTIVE, h.state());
        return h;
    }

    private static ResourceView noQuorum(Role r) {
        return Views.of().role(r).quorum(false).peerLost("bravo").peerLost("charlie").build();
    }

    @Test
    void handle_quorumLossShutdown_stopsTargetNow() {
        Harness h = active(Harness.settings());
        h.view(noQuorum(Role.PRIMARY));
        assertEquals(List.of("stop " + Harness.TARGET), h.described());
        assertEquals(PromoterState.STOPPING, h.state());
        h.stopDone();
        assertEquals(PromoterState.IDLE, h.state());
    }

    @Test
    void handle_quorumLossFreeze_freezesEachUnitAndThawsOnReturn() {
        Harness h = active(with(QuorumLossPolicy.FREEZE, DiskDetachPolicy.IGNORE, List.of(), PreferredNodesPolicy.ALWAYS));
        h.view(noQuorum(Role.PRIMARY));
        assertEquals(List.of("freeze var-lib-x.mount", "freeze x.service"), h.described());
        assertEquals(PromoterState.FROZEN, h.state());
        h.job(JobResult.DONE, UnitActiveState.ACTIVE, null);
        h.clearActions();
        h.view(Views.primary());
        assertEquals(List.of("thaw var-lib-x.mount", "thaw x.service"), h.described());
        assertEquals(PromoterState.ACTIVE, h.state());
    }

    @Test
    void handle_frozenAndForcedSecondary_thawsAndStops() {
        Harness h = active(with(QuorumLossPolicy.FREEZE, DiskDetachPolicy.IGNORE, List.of(), PreferredNodesPolicy.ALWAYS));
        h.view(noQuorum(Role.PRIMARY));
        h.clearActions();
        h.view(Views.of().role(Role.SECONDARY).forceIo(true).disk(DiskState.OUTDATED).peerRole("bravo", Role.PRIMARY).build());
        assertEquals(List.of("thaw var-lib-x.mount", "thaw x.service", "stop " + Harness.TARGET), h.described());
        assertEquals(PromoterState.STOPPING, h.state());
    }

    @Test
    void handle_freezeUnsupported_stopsInstead() {
        Harness h = active(with(QuorumLossPolicy.FREEZE, DiskDetachPolicy.IGNORE, List.of(), PreferredNodesPolicy.ALWAYS));
        h.view(noQuorum(Role.PRIMARY));
        h.clearActions();
        h.job(JobResult.UNSUPPORTED, UnitActiveState.ACTIVE, null);
        assertEquals(List.of("stop " + Harness.TARGET), h.described());
    }

    @Test
    void handle_diskDetachFailOverWithUpToDatePeer_stops() {
        Harness h = active(with(QuorumLossPolicy.SHUTDOWN, DiskDetachPolicy.FAIL_OVER, List.of(), PreferredNodesPolicy.ALWAYS));
        h.view(Views.of().role(Role.PRIMARY).disk(DiskState.DISKLESS).build());
        assertEquals(List.of("stop " + Harness.TARGET), h.described());
    }

    @Test
    void handle_diskDetachFailOverWithoutUpToDatePeer_staysUntilOneIs() {
        Harness h = active(with(QuorumLossPolicy.SHUTDOWN, DiskDetachPolicy.FAIL_OVER, List.of(), PreferredNodesPolicy.ALWAYS));
        h.view(Views.of().role(Role.PRIMARY).disk(DiskState.FAILED).peerDisk("bravo", DiskState.INCONSISTENT)
                .peerDisk("charlie", DiskState.OUTDATED).build());
        assertEquals(List.of(), h.actions);
        assertTrue(h.journal.stream().anyMatch(e -> e.reason().contains("no UpToDate peer")));
        h.view(Views.of().role(Role.PRIMARY).disk(DiskState.FAILED).peerDisk("charlie", DiskState.OUTDATED).build());
        assertEquals(List.of("stop " + Harness.TARGET), h.described());
    }

    @Test
    void handle_diskDetachIgnore_staysActive() {
        Harness h = active(Harness.settings());
        h.view(Views.of().role(Role.PRIMARY).disk(DiskState.DISKLESS).build());
        assertEquals(List.of(), h.actions);
        assertEquals(PromoterState.ACTIVE, h.state());
    }

    @Test
    void handle_morePreferredPeerUpToDateWithPolicyAlways_failsBack() {
        Harness h = new Harness(with(QuorumLossPolicy.SHUTDOWN, DiskDetachPolicy.IGNORE, List.of("bravo", "alpha"), PreferredNodesPolicy.ALWAYS));
        h.dump(Views.of().role(Role.PRIMARY).peerLost("bravo").build(), UnitActiveState.ACTIVE);
        assertEquals(List.of(), h.actions);
        h.view(Views.primary());
        assertEquals(List.of("stop " + Harness.TARGET), h.described(), "bravo is UpToDate and preferred");
    }

    @Test
    void handle_morePreferredPeerWithStartOnly_staysActive() {
        Harness h = active(with(QuorumLossPolicy.SHUTDOWN, DiskDetachPolicy.IGNORE, List.of("bravo", "alpha"), PreferredNodesPolicy.START_ONLY));
        h.view(Views.primary());
        assertEquals(List.of(), h.actions);
    }

    @Test
    void handle_preferredPeerNotUpToDate_waitsForUpToDate() {
        PromoterSettings s = with(QuorumLossPolicy.SHUTDOWN, DiskDetachPolicy.IGNORE, List.of("bravo", "alpha"), PreferredNodesPolicy.ALWAYS);
        Harness h = new Harness(s);
        h.dump(Views.of().role(Role.PRIMARY).peerLost("bravo").build(), UnitActiveState.ACTIVE);
        h.view(Views.of().role(Role.PRIMARY).peerDisk("bravo", DiskState.INCONSISTENT).build());
        assertEquals(List.of(), h.actions, "stale data never wins a fail-back");
        h.view(Views.primary());
        assertEquals(List.of("stop " + Harness.TARGET), h.described());
    }

    @Test
    void handle_demotedUnderUs_stopsTarget() {
        Harness h = active(Harness.settings());
        h.view(Views.of().role(Role.SECONDARY).build());
        assertEquals(List.of("stop " + Harness.TARGET), h.described());
    }

    @Test
    void handle_startDoneBeforeRoleEvent_doesNotStop() {
        Harness h = new Harness();
        h.dump(Views.promotable(), UnitActiveState.INACTIVE).startDone();
        h.view(Views.of().build()); // still the old Secondary view, events2 lags
        h.view(Views.primary());
        assertEquals(0, h.count(Command.Stop.class));
        assertEquals(PromoterState.ACTIVE, h.state());
    }

    @Test
    void handle_serviceFailsOnce_restartsTargetAndCounts() {
        Harness h = active(Harness.settings());
        h.send(new Input.UnitStateChanged("x.service", UnitActiveState.FAILED));
        assertEquals(List.of("reset-failed x.service", "reset-failed " + Harness.TARGET, "start " + Harness.TARGET), h.described());
        h.startDone();
        assertEquals(PromoterState.ACTIVE, h.state());
        assertEquals(1, h.promoter.status(h.clock.millis()).failures());
    }

    @Test
    void handle_serviceFailsRepeatedly_releasesResource() {
        Harness h = active(Harness.settings());
        for (int i = 0; i < 4; i++) {
            h.send(new Input.UnitStateChanged("x.service", UnitActiveState.FAILED));
            h.startDone();
            h.advance(PromoterSettings.DEFAULT_START_SETTLE); // past the settle window: restarted in place
        }
        h.clearActions();
        h.send(new Input.UnitStateChanged("x.service", UnitActiveState.FAILED));
        assertEquals(List.of("stop " + Harness.TARGET), h.described());
        assertEquals(PromoterState.FAILED, h.state());
    }

    @Test
    void handle_targetStoppedOutside_goesIdle() {
        Harness h = active(Harness.settings());
        h.send(new Input.UnitStateChanged(Harness.TARGET, UnitActiveState.INACTIVE));
        assertEquals(PromoterState.IDLE, h.state());
        assertEquals(List.of(), h.actions);
    }

    @Test
    void handle_unrelatedUnitFails_ignored() {
        Harness h = active(Harness.settings());
        h.send(new Input.UnitStateChanged("other.service", UnitActiveState.FAILED));
        assertEquals(List.of(), h.actions);
    }
}
