package io.reactord.systemd;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

/**
 * The unit files and the shim reactord ships, read from the classpath
 * ({@code io/reactord/systemd/units/}). Units refer to the shim by the placeholder {@link #SHIM_TOKEN},
 * replaced by the shim's absolute path when they are installed (the Debian package and
 * {@code reactorctl install-units} do the same), and to the OCF wrapper by {@link #OCF_TOKEN}, which
 * always lives beside the shim.
 */
public final class UnitTemplates {

    /** Placeholder for the shim's absolute path in the unit templates. */
    public static final String SHIM_TOKEN = "@SHIM@";

    /** Where the Debian package installs the shim. */
    public static final Path DEFAULT_SHIM = Path.of("/usr/lib/reactord/reactord-shim");

    /** The shim's resource and file name. */
    public static final String SHIM = "reactord-shim";

    /** Placeholder for the OCF wrapper's absolute path in {@code ocf.rs@.service}. */
    public static final String OCF_TOKEN = "@OCF@";

    /** The OCF wrapper's resource and file name; installed beside the shim. */
    public static final String OCF_WRAPPER = "reactord-ocf";

    /** The unit files, in install order. */
    public static final List<String> UNITS = List.of(
            "drbd-services@.target",
            "drbd-promote@.service",
            "drbd-demote-or-escalate@.service",
            "ocf.rs@.service",
            "reactord.service",
            "reactord-reload.path",
            "reactord-reload.service");

    private static final String BASE = "/io/reactord/systemd/units/";

    private UnitTemplates() {}

    /** The raw text of a unit template or of the shim. */
    public static String raw(String name) {
        if (!UNITS.contains(name) && !SHIM.equals(name) && !OCF_WRAPPER.equals(name)) {
            throw new IllegalArgumentException("no such template: " + name);
        }
        try (InputStream in = UnitTemplates.class.getResourceAsStream(BASE + name)) {
            if (in == null) {
                throw new IllegalStateException("template missing from the classpath: " + BASE + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A unit template with the shim placeholder replaced by {@code shim}, which must be absolute, and
     * the OCF wrapper's by {@link #ocfWrapper(Path) its path beside the shim}.
     */
    public static String render(String unit, Path shim) {
        Path s = requireAbsoluteShim(shim);
        return raw(unit).replace(SHIM_TOKEN, s.toString()).replace(OCF_TOKEN, ocfWrapper(s).toString());
    }

    /** Where the OCF wrapper is installed for the shim at {@code shim}: the same directory. */
    public static Path ocfWrapper(Path shim) {
        return requireAbsoluteShim(shim).resolveSibling(OCF_WRAPPER);
    }

    static Path requireAbsoluteShim(Path shim) {
        String s = shim.toString();
        if (!shim.isAbsolute() || s.chars().anyMatch(c -> c <= ' ' || c == '"' || c == '\\' || c == '%' || c == '$')) {
            throw new IllegalArgumentException("shim path must be absolute, without spaces, quotes, "
                    + "backslashes, % or $: " + SystemdNames.printable(s));
        }
        return shim.normalize();
    }
}
