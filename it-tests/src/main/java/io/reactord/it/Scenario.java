package io.reactord.it;

import java.util.Set;

/** One FAULTS.md scenario, written once against {@link Backend} and run by every backend that can. */
public interface Scenario {

    /** The scenario's number in FAULTS.md. */
    int number();

    /** Short title for reports. */
    String title();

    /** The cluster this scenario needs, derived from the standard one. */
    default ClusterConfig configure(ClusterConfig base) {
        return base;
    }

    /** Capabilities beyond the basics; a backend without them reports the scenario as not run, naming why. */
    default Set<Capability> needs() {
        return Set.of();
    }

    /**
     * Why this scenario cannot run on {@code backend} at all (a simulator or agent feature it needs does not exist
     * yet), or null. Such a scenario is reported as not run with this reason, never as passed.
     */
    default String unsupported(Backend backend) {
        return null;
    }

    /** Drives the cluster; throws {@link ScenarioFailure} when an expectation does not hold. */
    void run(ScenarioContext ctx) throws Exception;

    /** {@code 01 hard crash of the active node}. */
    default String label() {
        return String.format("%02d %s", number(), title());
    }
}
