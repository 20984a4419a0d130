package io.reactord.config;

/** What a Primary does when its local disk detaches ({@code on-disk-detach}). */
public enum DiskDetachPolicy {
    IGNORE("ignore"),
    FAIL_OVER("fail-over");

    private final String toml;

    DiskDetachPolicy(String toml) {
        this.toml = toml;
    }

    public String tomlValue() {
        return toml;
    }

    public static DiskDetachPolicy parse(String s) {
        return Choices.parse(DiskDetachPolicy.class, s, DiskDetachPolicy::tomlValue);
    }
}
