package io.reactord.ctl;

import io.reactord.agent.files.ConfigFiles;
import io.reactord.agent.files.Snippets;
import io.reactord.ctl.support.ConfigOption;
import io.reactord.systemd.Systemctl;
import java.io.PrintStream;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Mixin;

/**
 * What disable, enable, restart and rm share: the configuration, the systemctl they reload through, the snippets
 * or resources named on the command line (reported when unknown), and the exit code they end with.
 */
abstract class SnippetCommand implements Callable<Integer> {
    @Mixin
    ConfigOption config = new ConfigOption();

    Systemctl systemctl = Systemctl.fromEnvironment();
    PrintStream out = System.out;
    PrintStream err = System.err;

    /** Acts on the expanded FILE arguments; problems are printed and counted in {@code failures[0]}. */
    abstract void act(ConfigFiles cfg, Snippets.Expansion ex, int[] failures);

    /**
     * Expands {@code files} (each command declares its FILE arguments, with its own arity and description) as
     * {@code want} says, reports each unknown one as "reactorctl NAME: no such WHAT: ...", runs {@link #act}, and
     * returns NOT_FOUND for an unknown one, else FAILURE for a counted failure, else OK.
     */
    final int run(String name, List<String> files, Snippets.Want want, String what) {
        ConfigFiles cfg = config.load();
        Snippets.Expansion ex = Snippets.expand(cfg, files, want);
        int[] failures = {0};
        ex.unknown().forEach(u -> err.println("reactorctl " + name + ": no such " + what + ": " + u));
        act(cfg, ex, failures);
        out.flush();
        return !ex.unknown().isEmpty() ? ExitCodes.NOT_FOUND : failures[0] > 0 ? ExitCodes.FAILURE : ExitCodes.OK;
    }
}
