package io.reactord.config;

/** When {@code preferred-nodes} matter ({@code preferred-nodes-policy}): always (fail-back) or only at start. */
public enum PreferredNodesPolicy {
    ALWAYS("always"),
    START_ONLY("start-only");

    private final String toml;

    PreferredNodesPolicy(String toml) {
        this.toml = toml;
    }

    public String tomlValue() {
        return toml;
    }

    public static PreferredNodesPolicy parse(String s) {
        return Choices.parse(PreferredNodesPolicy.class, s, PreferredNodesPolicy::tomlValue);
    }
}
