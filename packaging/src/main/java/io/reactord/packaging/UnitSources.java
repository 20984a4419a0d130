package io.reactord.packaging;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Reads the systemd unit templates and the shim that the {@code systemd-units} module publishes as
 * classpath resources under {@value #PREFIX}: first from the runnable jar (what nodes will run), then
 * from that module's source directory. A missing one fails the build with its name and both places looked.
 */
public final class UnitSources {

    public static final String PREFIX = "io/reactord/systemd/units/";

    private final Path jar;
    private final Path sourceDir;

    /** @param sourceDir {@code systemd-units/src/main/resources/io/reactord/systemd/units}, may be absent */
    public UnitSources(Path jar, Path sourceDir) {
        this.jar = jar;
        this.sourceDir = sourceDir;
    }

    /** The bytes of resource {@code name}, e.g. {@code reactord.service}. */
    public byte[] read(String name) throws IOException {
        if (Files.isRegularFile(jar)) {
            try (ZipFile zip = new ZipFile(jar.toFile())) {
                ZipEntry e = zip.getEntry(PREFIX + name);
                if (e != null) {
                    try (InputStream in = zip.getInputStream(e)) {
                        return in.readAllBytes();
                    }
                }
            }
        }
        if (sourceDir != null && Files.isRegularFile(sourceDir.resolve(name))) {
            return Files.readAllBytes(sourceDir.resolve(name));
        }
        throw new IOException("unit resource '" + name + "' not found: neither " + PREFIX + name + " in " + jar
                + " nor " + (sourceDir == null ? "a source directory" : sourceDir.resolve(name))
                + " (the systemd-units module publishes it)");
    }
}
