package io.reactord.agent.promoter;

import io.reactord.config.QuorumLossPolicy;
import java.time.Duration;

/**
 * The start side of one {@link Promoter}'s bookkeeping: start failures in the failure window (retry
 * backoff, {@code max-failures}), involuntary releases in the same window (damping), and the promote
 * sleep of DESIGN §3.1 with damping added. Pure: the caller passes the time.
 */
final class StartAccounting {
    /** Base of the extra promote delay after involuntary releases (network flapping damping). */
    static final Duration DAMPING_BASE = Duration.ofSeconds(2);
    /** Extra promote sleep of a Secondary in freeze mode (DESIGN §3.1). */
    static final Duration FREEZE_SECONDARY_DELAY = Duration.ofSeconds(2);

    private final FailureWindow failures = new FailureWindow();
    private final FailureWindow flaps = new FailureWindow();

    /** Records a start failure (or a failed service unit) at {@code now}. */
    void failure(long now) {
        failures.add(now);
    }

    /** Records an involuntary release (quorum loss, demotion, fail-over, unit failure, lost race). */
    void release(long now) {
        flaps.add(now);
    }

    /** Failures within the window before {@code now}. */
    int failures(long now, PromoterSettings s) {
        return failures.count(now, s.failureWindow());
    }

    void clearFailures() {
        failures.clear();
    }

    /** Forgets failures and releases ({@code enable}). */
    void clear() {
        failures.clear();
        flaps.clear();
    }

    /** The retry delay after the {@code n}-th failure in the window. */
    static Duration backoff(int n, PromoterSettings s) {
        return FailureWindow.backoff(n, s.backoffInitial(), s.backoffMax());
    }

    /** The promote sleep: (disk + preferred [+ fencing] [+ freeze]) × factor, plus damping. */
    Duration promoteSleep(PromoterSettings s, ResourceView view, String moveNode, long now) {
        long ms = Math.round(baseSleepSeconds(s, view, moveNode) * 1000.0 * s.sleepBeforePromoteFactor());
        int k = flaps.count(now, s.failureWindow());
        ms += k >= 2 ? FailureWindow.backoff(k - 1, DAMPING_BASE, s.backoffMax()).toMillis() : 0;
        return Duration.ofMillis(ms);
    }

    private static double baseSleepSeconds(PromoterSettings s, ResourceView view, String moveNode) {
        double sec = view == null ? 6 : view.diskPenaltySeconds();
        sec += s.localNode().equals(moveNode) ? 0 : s.preferredIndex(s.localNode());
        if (s.fencingConfigured()) { // 2-node fencing mode only (quorum off, resource-and-stonith)
            sec += s.fencingPromoteDelay().toMillis() / 1000.0;
        }
        if (s.onQuorumLoss() == QuorumLossPolicy.FREEZE && view != null && !view.isPrimary()) {
            sec += FREEZE_SECONDARY_DELAY.toSeconds();
        }
        return sec;
    }

    /** The terms of {@link #promoteSleep}, for the journal's guard. */
    String sleepExplain(PromoterSettings s, ResourceView view, String moveNode, long now) {
        StringBuilder b = new StringBuilder("sleep = (disk ").append(view.diskPenaltySeconds())
                .append(" + preferred ").append(s.localNode().equals(moveNode) ? 0 : s.preferredIndex(s.localNode()));
        if (s.fencingConfigured()) {
            b.append(" + fencing ").append(DecisionJournal.human(s.fencingPromoteDelay()));
        }
        if (s.onQuorumLoss() == QuorumLossPolicy.FREEZE && !view.isPrimary()) {
            b.append(" + freeze 2");
        }
        b.append(") x ").append(s.sleepBeforePromoteFactor());
        int k = flaps.count(now, s.failureWindow());
        if (k >= 2) {
            b.append(" + damping (").append(k).append(" releases)");
        }
        return b.toString();
    }
}
