package io.reactord.config;

/** A systemd dependency type for {@code dependencies-as} and {@code target-as}. */
public enum DependencyKind {
    WANTS("Wants"),
    REQUIRES("Requires"),
    REQUISITE("Requisite"),
    BINDS_TO("BindsTo");

    private final String key;

    DependencyKind(String key) {
        this.key = key;
    }

    /** The systemd unit-file directive, e.g. {@code Requires}. */
    public String unitKey() {
        return key;
    }

    /** The spelling in TOML (the same as the directive, as in drbd-reactor). */
    public String tomlValue() {
        return key;
    }

    public static DependencyKind parse(String s) {
        return Choices.parse(DependencyKind.class, s, DependencyKind::tomlValue);
    }
}
