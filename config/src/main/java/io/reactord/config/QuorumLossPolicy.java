package io.reactord.config;

/** What a Primary does when it loses quorum ({@code on-quorum-loss}). */
public enum QuorumLossPolicy {
    SHUTDOWN("shutdown"),
    FREEZE("freeze");

    private final String toml;

    QuorumLossPolicy(String toml) {
        this.toml = toml;
    }

    public String tomlValue() {
        return toml;
    }

    public static QuorumLossPolicy parse(String s) {
        return Choices.parse(QuorumLossPolicy.class, s, QuorumLossPolicy::tomlValue);
    }
}
