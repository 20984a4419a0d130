package io.reactord.agent.metrics;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The DRBD kernel module and drbd-utils versions for {@code drbd_version{kmod,utils}}, as
 * {@code major.minor.patch}. Read once at start from {@code drbdadm --version}
 * ({@code DRBD_KERNEL_VERSION_CODE=0x…} and {@code DRBDADM_VERSION_CODE=0x…}); {@code 0.0.0} when unknown,
 * as drbd-reactor reports it.
 */
public record DrbdVersions(String kmod, String utils) {
    public static final DrbdVersions UNKNOWN = new DrbdVersions("0.0.0", "0.0.0");

    private static final Logger LOG = LoggerFactory.getLogger(DrbdVersions.class);
    private static final Pattern KMOD = Pattern.compile("(?m)^DRBD_KERNEL_VERSION_CODE=0x([0-9A-Fa-f]+)$");
    private static final Pattern UTILS = Pattern.compile("(?m)^DRBDADM_VERSION_CODE=0x([0-9A-Fa-f]+)$");

    /** Parses {@code drbdadm --version} output; a missing or malformed code yields {@code 0.0.0}. */
    public static DrbdVersions parse(String output) {
        return new DrbdVersions(code(KMOD, output), code(UTILS, output));
    }

    /**
     * Runs {@code drbdadm --version} (blocking, at most {@code timeout}); call it once at start, never on the
     * event loop. Failures are logged and give {@link #UNKNOWN}.
     */
    public static DrbdVersions probe(String drbdadm, Duration timeout) {
        Process p = null;
        try {
            p = new ProcessBuilder(List.of(drbdadm, "--version")).redirectErrorStream(true)
                    .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null"))).start();
            if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                LOG.warn("'{} --version' did not finish within {}; drbd_version reports 0.0.0", drbdadm, timeout);
                return UNKNOWN;
            }
            if (p.exitValue() != 0) {
                LOG.warn("'{} --version' exited with status {}; drbd_version reports 0.0.0", drbdadm, p.exitValue());
                return UNKNOWN;
            }
            return parse(readAvailable(p.getInputStream()));
        } catch (IOException e) {
            LOG.warn("cannot run '{} --version': {}; drbd_version reports 0.0.0", drbdadm, e.getMessage());
            return UNKNOWN;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return UNKNOWN;
        } finally {
            if (p != null && p.isAlive()) {
                p.destroyForcibly();
            }
        }
    }

    /** What the exited process left in the pipe (its few lines fit in the pipe buffer). */
    private static String readAvailable(InputStream in) throws IOException {
        return new String(in.readNBytes(Math.min(in.available(), 64 * 1024)), StandardCharsets.UTF_8);
    }

    private static String code(Pattern p, String output) {
        Matcher m = p.matcher(output == null ? "" : output);
        if (!m.find() || m.group(1).length() > 8) {
            return "0.0.0";
        }
        long v = Long.parseLong(m.group(1), 16);
        return ((v >> 16) & 0xff) + "." + ((v >> 8) & 0xff) + "." + (v & 0xff);
    }
}
