package io.reactord.ctl;

import io.reactord.agent.control.ControlClient;
import io.reactord.agent.status.DrbdSnapshot;
import io.reactord.agent.files.ConfigFiles;
import io.reactord.agent.files.Snippets;
import io.reactord.config.ConfigLoader;
import io.reactord.config.FailureAction;
import io.reactord.config.LoadResult;
import io.reactord.config.PromoterResource;
import io.reactord.ctl.evict.Evictor;
import io.reactord.ctl.support.ConfigOption;
import io.reactord.systemd.Systemctl;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code reactorctl evict}: moves promoter resources away from this node. */
@Command(name = "evict", mixinStandardHelpOptions = true,
        description = {"Move promoter resources away from this node.",
                "Masks the drbd-services@ target at runtime, stops it, waits for a peer to take over, and",
                "unmasks it again unless --keep-masked. --unmask only clears what a --keep-masked eviction left."})
public final class EvictCommand implements Callable<Integer> {
    @Mixin
    ConfigOption config = new ConfigOption();

    @Option(names = {"-d", "--delay"}, paramLabel = "SECS", description = "seconds to wait for a peer to take over (default ${DEFAULT-VALUE})")
    int delay = 20;

    @Option(names = {"-k", "--keep-masked"}, description = "leave the target masked (runtime): it cannot start here until unmasked")
    boolean keepMasked;

    @Option(names = {"-u", "--unmask"}, description = "only remove the masks of earlier --keep-masked evictions")
    boolean unmask;

    @Option(names = {"-f", "--force"}, description = "allow snippets with several resources or other plugins")
    boolean force;

    @Parameters(paramLabel = "FILE", arity = "0..*", description = "snippets or promoter resource names; default: all")
    List<String> files = new ArrayList<>();

    Systemctl systemctl = Systemctl.fromEnvironment();
    Evictor.Sleeper sleeper = Thread::sleep;
    PrintStream out = System.out;
    PrintStream err = System.err;

    @Override
    public Integer call() {
        if (delay <= 0) {
            err.println("reactorctl evict: --delay must be a positive number of seconds");
            return ExitCodes.USAGE;
        }
        ConfigFiles cfg = config.load();
        Snippets.Expansion ex = Snippets.expand(cfg, files, Snippets.Want.ENABLED);
        ex.unknown().forEach(u -> err.println("reactorctl evict: no such snippet or resource: " + u));
        if (!ex.unknown().isEmpty()) {
            return ExitCodes.NOT_FOUND;
        }
        List<PromoterResource> todo = new ArrayList<>();
        for (Path f : ex.files()) {
            List<PromoterResource> rs = cfg.resourcesOf(f);
            if (rs.isEmpty()) {
                continue;
            }
            if (!force) {
                if (rs.size() > 1) {
                    err.println("reactorctl evict: " + f + " defines several resources; evict them all with --force");
                    return ExitCodes.FAILURE;
                }
                LoadResult lr = ConfigLoader.loadSnippets(List.of(f));
                if (lr.ok() && (!lr.config().umh().isEmpty() || !lr.config().prometheus().isEmpty() || !lr.config().debugger().isEmpty())) {
                    err.println("reactorctl evict: " + f + " also holds other plugins; use --force");
                    return ExitCodes.FAILURE;
                }
            }
            for (PromoterResource r : rs) {
                // resources whose failed demote cannot reboot the node go first
                if (r.onDrbdDemoteFailure() == FailureAction.NONE) {
                    todo.add(0, r);
                } else {
                    todo.add(r);
                }
            }
        }
        ControlClient daemon = new ControlClient(cfg.socket(), Duration.ofSeconds(5));
        Evictor ev = new Evictor(systemctl, () -> DrbdSnapshot.take(cfg.drbdsetup(), 3000), daemon, cfg.hostname(), out, sleeper);
        boolean ok = true;
        for (PromoterResource r : todo) {
            if (unmask) {
                out.println("Unmasking " + r.name());
                ok &= ev.unmask(r.name());
                continue;
            }
            Evictor.Outcome o = ev.evict(r.name(), delay, keepMasked, null);
            ok &= o == Evictor.Outcome.TOOK_OVER || o == Evictor.Outcome.NOT_HERE;
        }
        out.flush();
        return ok ? ExitCodes.OK : ExitCodes.FAILURE;
    }
}
