package io.reactord.systemd;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Installs the unit templates and the shim into a directory, filling in the shim's absolute path.
 * Files already identical are left alone (not rewritten, timestamps kept); others are replaced
 * atomically.
 */
public final class InstallUnits {

    /** One installed file and whether it was (re)written. */
    public record Installed(Path file, boolean written) {}

    private InstallUnits() {}

    /**
     * Writes the templates into {@code unitDir} and the shim to {@code shim}.
     *
     * @param shim absolute path of the shim; the units refer to it
     */
    public static List<Installed> install(Path unitDir, Path shim) {
        Path shimPath = UnitTemplates.requireAbsoluteShim(shim.toAbsolutePath());
        List<Installed> out = new ArrayList<>();
        out.add(new Installed(shimPath,
                AtomicFiles.writeIfChanged(shimPath, UnitTemplates.raw(UnitTemplates.SHIM), "rwxr-xr-x")));
        for (String unit : UnitTemplates.UNITS) {
            Path file = unitDir.resolve(unit);
            out.add(new Installed(file,
                    AtomicFiles.writeIfChanged(file, UnitTemplates.render(unit, shimPath), "rw-r--r--")));
        }
        return List.copyOf(out);
    }
}
