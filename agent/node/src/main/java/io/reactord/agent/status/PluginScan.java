package io.reactord.agent.status;

import io.reactord.agent.control.status.StatusModel;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.tomlj.Toml;
import org.tomlj.TomlArray;
import org.tomlj.TomlParseResult;
import org.tomlj.TomlTable;

/**
 * The plugin tables other than {@code [[promoter]]} of a configuration file, as drbd-reactorctl's status lists
 * them: {@code [[prometheus]]} with its address, {@code [[debugger]]}, {@code [[umh]]} and {@code [[agentx]]} with
 * its address. The file is read on its own, so a disabled snippet or one with errors elsewhere lists its tables
 * too; a file that is not TOML lists none (the configuration errors say why).
 */
final class PluginScan {
    /** drbd-reactor's defaults for a table without {@code address}. */
    static final String PROMETHEUS_DEFAULT = ":9942";
    static final String AGENTX_DEFAULT = "localhost:705";

    private PluginScan() {}

    /** The plugin tables of {@code file} in drbd-reactorctl's order: prometheus, debugger, umh, agentx. */
    static List<StatusModel.Plugin> of(Path file, boolean disabled) {
        TomlParseResult t;
        try {
            t = Toml.parse(file);
        } catch (IOException | RuntimeException e) {
            return List.of();
        }
        if (t.hasErrors()) {
            return List.of();
        }
        List<StatusModel.Plugin> out = new ArrayList<>();
        add(out, t, StatusModel.PluginKind.PROMETHEUS, file, disabled, PROMETHEUS_DEFAULT);
        add(out, t, StatusModel.PluginKind.DEBUGGER, file, disabled, null);
        add(out, t, StatusModel.PluginKind.UMH, file, disabled, null);
        add(out, t, StatusModel.PluginKind.AGENTX, file, disabled, AGENTX_DEFAULT);
        return out;
    }

    private static void add(List<StatusModel.Plugin> out, TomlParseResult t, StatusModel.PluginKind kind, Path file,
            boolean disabled, String defaultAddress) {
        Object v = t.get(kind.key());
        if (!(v instanceof TomlArray a)) {
            return;
        }
        for (int i = 0; i < a.size(); i++) {
            if (!(a.get(i) instanceof TomlTable table)) {
                continue;
            }
            String address = null;
            if (defaultAddress != null) {
                Object given = table.get("address");
                address = given instanceof String s ? s : defaultAddress;
            }
            out.add(new StatusModel.Plugin(kind, file, disabled, address, "not yet known", List.of()));
        }
    }
}
