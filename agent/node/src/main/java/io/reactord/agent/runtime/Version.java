package io.reactord.agent.runtime;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import picocli.CommandLine.IVersionProvider;

/** The build's version, filtered into {@code version.properties} by Maven; shared by both commands. */
public final class Version implements IVersionProvider {
    /** The version string, or "unknown" when run from classes without resource filtering. */
    public static String get() {
        try (InputStream in = Version.class.getResourceAsStream("/io/reactord/version.properties")) {
            if (in == null) {
                return "unknown";
            }
            Properties p = new Properties();
            p.load(in);
            String v = p.getProperty("version", "unknown");
            return v.startsWith("${") ? "unknown" : v;
        } catch (IOException e) {
            return "unknown";
        }
    }

    @Override
    public String[] getVersion() {
        return new String[] {"${COMMAND-NAME} " + get(), "Java " + Runtime.version()};
    }
}
