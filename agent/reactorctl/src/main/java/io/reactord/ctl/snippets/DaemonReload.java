package io.reactord.ctl.snippets;

import io.reactord.systemd.Systemctl;
import io.reactord.systemd.UnitState;
import java.util.List;
import java.util.Map;

/**
 * Makes the daemon re-read its configuration after a snippet changed, through systemd: nothing to do
 * when {@value #RELOAD_PATH} watches the snippets (it reloads by itself), {@code systemctl reload
 * reactord.service} when the daemon runs, and only a note when it does not.
 */
public final class DaemonReload {
    public static final String SERVICE = "reactord.service";
    public static final String RELOAD_PATH = "reactord-reload.path";

    private DaemonReload() {}

    /** Reloads if needed and returns what happened, as one line for the operator. */
    public static String reload(Systemctl sc) throws Systemctl.SystemctlException {
        Map<String, UnitState> s = sc.show(List.of(SERVICE, RELOAD_PATH));
        if (s.get(RELOAD_PATH).active()) {
            return RELOAD_PATH + " is active: reactord reloads by itself";
        }
        if (!s.get(SERVICE).active()) {
            return SERVICE + " is not running: the change applies when it starts";
        }
        sc.must("reload", SERVICE);
        return "reloaded " + SERVICE;
    }
}
