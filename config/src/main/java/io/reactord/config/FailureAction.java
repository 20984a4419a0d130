package io.reactord.config;

/** What systemd does when demoting DRBD fails ({@code on-drbd-demote-failure}): a {@code FailureAction=}. */
public enum FailureAction {
    NONE("none"),
    REBOOT("reboot"),
    REBOOT_FORCE("reboot-force"),
    REBOOT_IMMEDIATE("reboot-immediate"),
    POWEROFF("poweroff"),
    POWEROFF_FORCE("poweroff-force"),
    POWEROFF_IMMEDIATE("poweroff-immediate"),
    EXIT("exit"),
    EXIT_FORCE("exit-force");

    private final String value;

    FailureAction(String value) {
        this.value = value;
    }

    /** The value for systemd's {@code FailureAction=}, e.g. {@code reboot-force}. */
    public String systemdValue() {
        return value;
    }

    public String tomlValue() {
        return value;
    }

    public static FailureAction parse(String s) {
        return Choices.parse(FailureAction.class, s, FailureAction::tomlValue);
    }
}
