package io.reactord.packaging;

import java.util.ArrayList;
import java.util.List;

/**
 * Turns a checked-in launcher ({@code bin/reactord}, {@code bin/reactorctl}), which sources
 * {@code launcher.sh} from its own directory, into one self-contained script for {@code /usr/sbin}: the
 * sourcing line is replaced by the text of {@code launcher.sh}. The functions there find the jar at
 * {@code $here/../share/reactord/reactord.jar}, which from {@code /usr/sbin} is the packaged jar, also
 * under a {@code dpkg --root} tree.
 */
public final class LauncherScript {

    private LauncherScript() {}

    /**
     * @param name launcher name for error messages
     * @param launcher text of the launcher
     * @param library text of launcher.sh
     * @throws IllegalArgumentException when the launcher does not source launcher.sh exactly once
     */
    public static String inline(String name, String launcher, String library) {
        List<String> out = new ArrayList<>();
        int replaced = 0;
        for (String line : launcher.split("\n", -1)) {
            String t = line.strip();
            if ((t.startsWith(". ") || t.startsWith("source ")) && t.contains("launcher.sh")) {
                out.add("# --- launcher.sh, inlined at package time ---");
                out.add(library.stripTrailing());
                out.add("# --- end of launcher.sh ---");
                replaced++;
            } else {
                out.add(line);
            }
        }
        if (replaced != 1) {
            throw new IllegalArgumentException(name + ": expected exactly one line sourcing launcher.sh, found " + replaced);
        }
        if (!launcher.startsWith("#!")) {
            throw new IllegalArgumentException(name + ": launcher has no #! line");
        }
        return String.join("\n", out);
    }
}
