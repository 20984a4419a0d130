package io.reactord.systemd;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Installs the unit templates into a directory and the shim with the OCF wrapper beside it, filling in
 * their absolute paths.
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
        Path ocf = UnitTemplates.ocfWrapper(shimPath);
        out.add(new Installed(ocf,
                AtomicFiles.writeIfChanged(ocf, UnitTemplates.raw(UnitTemplates.OCF_WRAPPER), "rwxr-xr-x")));
        for (String unit : UnitTemplates.UNITS) {
            Path file = unitDir.resolve(unit);
            out.add(new Installed(file,
                    AtomicFiles.writeIfChanged(file, UnitTemplates.render(unit, shimPath), "rw-r--r--")));
        }
        return List.copyOf(out);
    }
}
