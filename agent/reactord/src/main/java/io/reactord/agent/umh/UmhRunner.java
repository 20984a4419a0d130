package io.reactord.agent.umh;

import io.reactord.config.UmhConfig;
import io.reactord.config.UmhRule;
import io.reactord.events2.Event;
import io.reactord.events2.ResourceInfo;
import io.reactord.systemd.TransientRun;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The user-mode-helper plugin. The event loop calls {@link #onEvent} for every events2 line with the
 * line's resource before and after it; matching is done there (pure, cheap) and each matching rule's
 * command is queued to a bounded pool: at most {@code maxConcurrent} helpers run at once, at most
 * {@code queueCapacity} wait, and a run that finds the queue full is dropped with a warning. Every run —
 * dropped ones too — is reported to the listener: on the helper thread that ran it, or for a dropped run
 * on the thread that called {@link #onEvent}.
 *
 * <p>The command runs as {@code /bin/sh -c COMMAND} exactly as configured. The event reaches it only
 * through the environment, which is cleared and then holds the event's {@code DRBD_*} variables, the rule's
 * {@code env} table, and {@code HOME=/ TERM=Linux PATH=/sbin:/usr/sbin:/bin:/usr/bin} (in that order, later
 * ones winning), as in drbd-reactor. A rule's {@code timeout} (else the runner's default, if any) kills the
 * command and its descendants.
 */
public final class UmhRunner implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(UmhRunner.class);
    static final Map<String, String> COMMON_ENV = commonEnv();

    /**
     * Limits: {@code maxConcurrent} helpers at once (default 8), {@code queueCapacity} waiting (default 256),
     * {@code defaultTimeout} for rules without {@code timeout} (default none: such a command may run forever).
     */
    public record Options(int maxConcurrent, int queueCapacity, Duration defaultTimeout) {
        public static final Options DEFAULTS = new Options(8, 256, null);

        public Options {
            if (maxConcurrent < 1 || queueCapacity < 1) {
                throw new IllegalArgumentException("maxConcurrent and queueCapacity must be at least 1");
            }
        }
    }

    private final Options options;
    private final TransientRun viaSystemd;
    private final Consumer<UmhRun> listener;
    private final ThreadPoolExecutor pool;
    private volatile List<UmhRule> rules;

    /**
     * {@code listener} receives every run's report (see the class comment for the thread); it must not
     * block for long — hand the report to the event loop to journal it.
     */
    public UmhRunner(List<UmhConfig> configs, Options options, Consumer<UmhRun> listener) {
        this(configs, options, listener, TransientRun.detect().orElse(null));
    }

    /**
     * Like {@link #UmhRunner(List, Options, Consumer)}; helpers run through {@code viaSystemd} (a transient
     * systemd unit each) when it is not null, else directly.
     */
    public UmhRunner(List<UmhConfig> configs, Options options, Consumer<UmhRun> listener, TransientRun viaSystemd) {
        this.viaSystemd = viaSystemd;
        this.options = options;
        this.listener = listener;
        this.rules = flatten(configs);
        AtomicInteger n = new AtomicInteger();
        this.pool = new ThreadPoolExecutor(options.maxConcurrent(), options.maxConcurrent(), 30, TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(options.queueCapacity()), r -> {
                    Thread t = new Thread(r, "umh-" + n.incrementAndGet());
                    t.setDaemon(true);
                    return t;
                }, new ThreadPoolExecutor.AbortPolicy());
        pool.allowCoreThreadTimeOut(true);
    }

    /** Replaces the rules (configuration reload); runs already started go on. Event loop only. */
    public void reconfigure(List<UmhConfig> configs) {
        this.rules = flatten(configs);
    }

    /** The number of rules in force. */
    public int ruleCount() {
        return rules.size();
    }

    /**
     * One events2 line: {@code before}/{@code after} are its resource before and after
     * {@code ClusterState.apply} (null when absent). Returns how many helper runs were queued.
     */
    public int onEvent(Event e, ResourceInfo before, ResourceInfo after) {
        List<UmhRule> rs = rules;
        if (rs.isEmpty()) {
            return 0;
        }
        Optional<UmhEvent> update = UmhEvents.of(e, before, after);
        if (update.isEmpty()) {
            return 0;
        }
        int queued = 0;
        for (UmhRule rule : rs) {
            if (UmhMatcher.matches(rule, update.get()) && submit(rule, update.get())) {
                queued++;
            }
        }
        return queued;
    }

    /** Queues one run; false when it was dropped. */
    boolean submit(UmhRule rule, UmhEvent ev) {
        String name = ruleName(rule);
        LOG.info("umh: rule '{}' matched {} {} of {}", name, ev.eventType(), rule.kind().tomlKey(),
                printable(ev.resource()));
        Map<String, String> env = new LinkedHashMap<>(ev.env());
        env.putAll(rule.env());
        env.putAll(COMMON_ENV);
        Duration timeout = rule.timeout().orElse(options.defaultTimeout());
        try {
            pool.execute(() -> run(rule, name, ev, env, timeout));
            return true;
        } catch (RejectedExecutionException full) {
            if (pool.isShutdown()) {
                LOG.warn("umh: dropped rule '{}' for {}: the helper runner is closed", name, printable(ev.resource()));
            } else {
                LOG.warn("umh: dropped rule '{}' for {}: {} helpers running and {} queued", name,
                        printable(ev.resource()), options.maxConcurrent(), options.queueCapacity());
            }
            report(new UmhRun(name, rule.kind(), ev.resource(), ev.eventType(), UmhRun.Outcome.DROPPED, null,
                    Duration.ZERO, ""));
            return false;
        }
    }

    private void run(UmhRule rule, String name, UmhEvent ev, Map<String, String> env, Duration timeout) {
        HelperProcess.Result r = HelperProcess.run(rule.command(), env, timeout, viaSystemd);
        UmhRun run = new UmhRun(name, rule.kind(), ev.resource(), ev.eventType(), r.outcome(), r.exitStatus(),
                r.duration(), r.output());
        if (run.succeeded()) {
            LOG.debug("umh: {}", printable(run.summary()));
        } else {
            LOG.warn("umh: {}", printable(run.summary()));
        }
        if (!run.output().isEmpty()) {
            LOG.debug("umh: rule '{}' output: {}", name, printable(run.output()));
        }
        report(run);
    }

    private void report(UmhRun run) {
        try {
            listener.accept(run);
        } catch (RuntimeException e) {
            LOG.warn("umh: reporting a helper run failed: {}", e.toString());
        }
    }

    /** Helpers running now plus queued. */
    public int pending() {
        return pool.getActiveCount() + pool.getQueue().size();
    }

    /** Waits until no helper is running or queued, at most {@code max}; true when idle. */
    public boolean awaitIdle(Duration max) throws InterruptedException {
        long end = System.nanoTime() + max.toNanos();
        while (pool.getActiveCount() + pool.getQueue().size() > 0 || pool.getCompletedTaskCount() < pool.getTaskCount()) {
            if (System.nanoTime() > end) {
                return false;
            }
            Thread.sleep(5);
        }
        return true;
    }

    /** Accepts no more runs; queued and running helpers finish (their timeouts still apply). Non-blocking. */
    @Override
    public void close() {
        pool.shutdown();
    }

    /** Text for one log line: control characters (a newline in a resource name) shown escaped. */
    static String printable(String s) {
        StringBuilder sb = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x20 || c == 0x7f) {
                if (sb == null) {
                    sb = new StringBuilder(s.length() + 8).append(s, 0, i);
                }
                sb.append(c == '\n' ? "\\n" : c == '\t' ? "\\t" : String.format("\\x%02x", (int) c));
            } else if (sb != null) {
                sb.append(c);
            }
        }
        return sb == null ? s : sb.toString();
    }

    static String ruleName(UmhRule rule) {
        if (rule.name() != null && !rule.name().isEmpty()) {
            return rule.name();
        }
        return "umh." + rule.kind().tomlKey() + (rule.source() == null ? "" : " at " + rule.source() + ":" + rule.line());
    }

    private static List<UmhRule> flatten(List<UmhConfig> configs) {
        List<UmhRule> out = new ArrayList<>();
        for (UmhConfig c : configs) {
            for (UmhRule.Kind k : UmhRule.Kind.values()) {
                out.addAll(c.rules(k));
            }
        }
        return List.copyOf(out);
    }

    private static Map<String, String> commonEnv() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("HOME", "/");
        m.put("TERM", "Linux");
        m.put("PATH", "/sbin:/usr/sbin:/bin:/usr/bin");
        return java.util.Collections.unmodifiableMap(m);
    }
}
