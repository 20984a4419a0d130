package io.reactord.ctl;

import io.reactord.agent.files.ConfigFiles;
import io.reactord.agent.files.Snippets;
import io.reactord.ctl.snippets.DaemonReload;
import io.reactord.ctl.snippets.SnippetMoves;
import io.reactord.systemd.Systemctl;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code reactorctl restart}: restarts the daemon, or disables and re-enables snippets. */
@Command(name = "restart", mixinStandardHelpOptions = true,
        description = {"Restart reactord, or disable and re-enable snippets.",
                "Without FILE: restart reactord.service. With FILEs: disable and enable them again (the daemon",
                "releases and re-adopts their resources); --with-targets also stops their targets in between,",
                "so the resources may start on another node."})
public final class RestartCommand extends SnippetCommand {
    @Option(names = "--with-targets", description = "stop the drbd-services@ targets too (they may start elsewhere)")
    boolean withTargets;

    @Parameters(paramLabel = "FILE", arity = "0..*", description = "snippets or promoter resource names")
    List<String> files = new ArrayList<>();

    @Override
    public Integer call() {
        if (files.isEmpty()) {
            try {
                systemctl.must("restart", DaemonReload.SERVICE);
                out.println("restarted " + DaemonReload.SERVICE);
                return ExitCodes.OK;
            } catch (Systemctl.SystemctlException e) {
                err.println("reactorctl restart: " + e.getMessage());
                return ExitCodes.FAILURE;
            }
        }
        return run("restart", files, Snippets.Want.ENABLED, "enabled snippet or resource");
    }

    @Override
    void act(ConfigFiles cfg, Snippets.Expansion ex, int[] failures) {
        List<Path> disabled = SnippetMoves.disable(ex.files(), out, err, failures);
        if (!disabled.isEmpty()) {
            SnippetMoves.reload(systemctl, out, err, failures);
            if (withTargets) {
                SnippetMoves.stopTargets(cfg, disabled, systemctl, out, err, failures);
            }
            if (!SnippetMoves.enable(disabled, out, err, failures).isEmpty()) {
                SnippetMoves.reload(systemctl, out, err, failures);
            }
        }
    }
}
