package io.reactord.sim;

/**
 * What a simulated {@code drbdsetup}/{@code drbdadm}/helper call prints and returns.
 *
 * @param exitCode process exit code
 * @param stdout   standard output (may be empty)
 * @param stderr   standard error (may be empty)
 */
public record ToolResult(int exitCode, String stdout, String stderr) {

    /** Exit code of drbdsetup for a kernel "Failure: (NNN)" reply, e.g. an unknown resource. */
    public static final int EXIT_FAILURE_REPLY = 10;
    /** Exit code of drbdsetup for most refused state changes (SS_* errors). */
    public static final int EXIT_STATE_CHANGE_FAILED = 11;
    /** Exit code of drbdsetup for SS_NO_UP_TO_DATE_DISK. */
    public static final int EXIT_NO_UP_TO_DATE_DISK = 17;
    /** Exit code the simulator's tools use when the simulated node is down or unreachable. */
    public static final int EXIT_NODE_DOWN = 20;

    public static ToolResult ok() {
        return new ToolResult(0, "", "");
    }

    public static ToolResult ok(String stdout) {
        return new ToolResult(0, stdout, "");
    }

    /** A refused state change, worded like drbdsetup: {@code RES: State change failed: (N) TEXT}. */
    public static ToolResult stateChangeFailed(String resource, int ssCode, String text) {
        int exit = ssCode == -2 ? EXIT_NO_UP_TO_DATE_DISK : EXIT_STATE_CHANGE_FAILED;
        return new ToolResult(exit, "", resource + ": State change failed: (" + ssCode + ") " + text + "\n");
    }

    /** drbdsetup's answer for a resource the kernel does not know. */
    public static ToolResult unknownResource(String resource) {
        return new ToolResult(EXIT_FAILURE_REPLY, "", resource + ": Failure: (158) Unknown resource\n"
                + "additional info from kernel:\nunknown resource\n");
    }

    public boolean success() {
        return exitCode == 0;
    }
}
