package io.reactord.sim;

/**
 * The DRBD resource options the simulator implements (DRBD option names in the comments).
 *
 * @param quorum                     {@code quorum}
 * @param minimumRedundancy          {@code quorum-minimum-redundancy}
 * @param onNoQuorum                 {@code on-no-quorum}
 * @param onSuspendedPrimaryOutdated {@code on-suspended-primary-outdated}
 * @param autoPromote                {@code auto-promote} (reported by show; the simulator never auto-promotes)
 * @param fencing                    net {@code fencing} (reported by show only)
 */
public record ResourceOptions(QuorumSetting quorum, QuorumSetting minimumRedundancy, OnNoQuorum onNoQuorum,
                              OnSuspendedPrimaryOutdated onSuspendedPrimaryOutdated, boolean autoPromote,
                              String fencing) {

    /** {@code on-no-quorum}. */
    public enum OnNoQuorum {
        IO_ERROR("io-error"), SUSPEND_IO("suspend-io");

        private final String word;

        OnNoQuorum(String word) {
            this.word = word;
        }

        public String word() {
            return word;
        }
    }

    /** {@code on-suspended-primary-outdated}. */
    public enum OnSuspendedPrimaryOutdated {
        DISCONNECT("disconnect"), FORCE_SECONDARY("force-secondary");

        private final String word;

        OnSuspendedPrimaryOutdated(String word) {
            this.word = word;
        }

        public String word() {
            return word;
        }
    }

    /** What LINSTOR and drbd-reactor recommend: quorum majority, io-error, force-secondary, no auto-promote. */
    public static ResourceOptions recommended() {
        return new ResourceOptions(QuorumSetting.MAJORITY, QuorumSetting.OFF, OnNoQuorum.IO_ERROR,
                OnSuspendedPrimaryOutdated.FORCE_SECONDARY, false, "dont-care");
    }

    public ResourceOptions withQuorum(QuorumSetting q) {
        return new ResourceOptions(q, minimumRedundancy, onNoQuorum, onSuspendedPrimaryOutdated, autoPromote, fencing);
    }

    public ResourceOptions withMinimumRedundancy(QuorumSetting m) {
        return new ResourceOptions(quorum, m, onNoQuorum, onSuspendedPrimaryOutdated, autoPromote, fencing);
    }

    public ResourceOptions withOnNoQuorum(OnNoQuorum o) {
        return new ResourceOptions(quorum, minimumRedundancy, o, onSuspendedPrimaryOutdated, autoPromote, fencing);
    }

    public ResourceOptions withOnSuspendedPrimaryOutdated(OnSuspendedPrimaryOutdated o) {
        return new ResourceOptions(quorum, minimumRedundancy, onNoQuorum, o, autoPromote, fencing);
    }

    public ResourceOptions withAutoPromote(boolean on) {
        return new ResourceOptions(quorum, minimumRedundancy, onNoQuorum, onSuspendedPrimaryOutdated, on, fencing);
    }
}
