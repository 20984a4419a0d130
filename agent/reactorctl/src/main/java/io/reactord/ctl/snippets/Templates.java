package io.reactord.ctl.snippets;

/** Starting points for {@code reactorctl edit} of a new snippet, one per plugin type. */
public final class Templates {
    private Templates() {}

    public static String of(String type, String name) {
        String res = name == null || name.isBlank() ? "RESOURCE" : name;
        return switch (type) {
            case "promoter" -> "[[promoter]]\n[promoter.resources." + res + "]\n"
                    + "# units started in order on the node that wins promotion; the service that uses the data last\n"
                    + "start = [\"mnt-" + res + ".mount\", \"" + res + ".service\"]\n"
                    + "# on-drbd-demote-failure = \"reboot\"\n"
                    + "# preferred-nodes = [\"node-a\", \"node-b\"]\n"
                    + "# on-quorum-loss = \"shutdown\"\n";
            case "prometheus" -> "[[prometheus]]\n# address = \":9942\"\n# enums = false\n";
            case "umh" -> "[[umh]]\n[[umh.resource]]\n"
                    + "command = \"logger -t reactord $DRBD_RES_NAME is now $DRBD_NEW_ROLE\"\n"
                    + "event-type = \"Change\"\nnew.role = \"Primary\"\n";
            case "debugger" -> "[[debugger]]\n# logs every event at level debug; set [[log]] level = \"debug\"\n";
            default -> throw new IllegalArgumentException("unknown plugin type " + type);
        };
    }
}
