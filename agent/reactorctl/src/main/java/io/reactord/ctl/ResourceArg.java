package io.reactord.ctl;

import io.reactord.config.ResourceName;
import java.io.PrintStream;

/** The RESOURCE argument of why, events and move: a name that could not be a resource is a usage error. */
final class ResourceArg {
    private ResourceArg() {}

    /** True, after "reactorctl COMMAND: why" on {@code err}, when {@code resource} is given and not a valid name. */
    static boolean invalid(String command, String resource, PrintStream err) {
        String bad = resource == null ? null : ResourceName.error(resource);
        if (bad != null) {
            err.println("reactorctl " + command + ": " + bad);
        }
        return bad != null;
    }
}
