package io.reactord.config;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * What the configuration checks need to know about this machine: its node name (as {@code uname -n}
 * prints it; {@code preferred-nodes} are compared with it) and whether the process runs as root (then
 * configuration files must be owned by root), and where OCF resource agents are installed
 * ({@code OCF_ROOT}, default {@code /usr/lib/ocf}). A null hostname skips the preferred-nodes check.
 */
public record HostInfo(String hostname, boolean asRoot, Path ocfRoot) {

    public HostInfo {
        ocfRoot = ocfRoot == null ? detectOcfRoot() : ocfRoot;
    }

    /** With the OCF root from the environment. */
    public HostInfo(String hostname, boolean asRoot) {
        this(hostname, asRoot, null);
    }

    /** This machine and process. */
    public static HostInfo detect() {
        return new HostInfo(detectHostname(), detectRoot());
    }

    /** {@code OCF_ROOT} from the environment, else {@link OcfEntry#DEFAULT_OCF_ROOT}. */
    static Path detectOcfRoot() {
        String env = System.getenv("OCF_ROOT");
        return env == null || env.isBlank() ? OcfEntry.DEFAULT_OCF_ROOT : Path.of(env);
    }

    static String detectHostname() {
        try {
            String h = Files.readString(Path.of("/proc/sys/kernel/hostname"), StandardCharsets.UTF_8).strip();
            if (!h.isEmpty()) return h;
        } catch (IOException | RuntimeException e) {
            // fall through to the resolver
        }
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    static boolean detectRoot() {
        try {
            // "Uid:\treal\teffective\tsaved\tfs"; plain string operations (a regex costs a short-lived CLI milliseconds)
            String status = "\n" + new String(Files.readAllBytes(Path.of("/proc/self/status")), StandardCharsets.US_ASCII);
            int at = status.indexOf("\nUid:");
            if (at >= 0) {
                int end = status.indexOf('\n', at + 1);
                java.util.StringTokenizer f = new java.util.StringTokenizer(status.substring(at + 5, end < 0 ? status.length() : end));
                if (f.countTokens() > 1) {
                    f.nextToken(); // real
                    return f.nextToken().equals("0"); // effective
                }
            }
        } catch (IOException | RuntimeException e) {
            // not Linux: fall back to the user name
        }
        return "root".equals(System.getProperty("user.name"));
    }
}
