package io.reactord.ctl;

/** The exit codes of {@code reactorctl}, in one place (STYLE habit 11). */
public final class ExitCodes {
    public static final int OK = io.reactord.agent.status.StatusRun.EXIT_OK;
    public static final int FAILURE = 1;
    public static final int USAGE = 2;
    public static final int NOT_FOUND = io.reactord.agent.status.StatusRun.EXIT_NOT_FOUND;
    public static final int DAEMON_UNREACHABLE = 4;

    private ExitCodes() {}
}
