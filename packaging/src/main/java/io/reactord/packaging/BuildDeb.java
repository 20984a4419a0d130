package io.reactord.packaging;

import java.nio.file.Path;

/**
 * Entry point run by Maven in the {@code package} phase:
 * {@code BuildDeb <checkout> <jar> <maven-version> <output-dir>}. The time stamp of every entry is
 * {@code SOURCE_DATE_EPOCH} when set, otherwise the jar's modification time, so rebuilding from the same
 * jar gives the same package. Failures are thrown (exec:java reports them and fails the build).
 */
public final class BuildDeb {

    private BuildDeb() {}

    public static void main(String[] args) throws Exception {
        if (args.length != 4) {
            throw new IllegalArgumentException("usage: BuildDeb <checkout> <jar> <maven-version> <output-dir>");
        }
        Path checkout = Path.of(args[0]).toAbsolutePath().normalize();
        Path jar = Path.of(args[1]).toAbsolutePath().normalize();
        String epoch = System.getenv("SOURCE_DATE_EPOCH");
        long mtime = epoch != null && !epoch.isBlank()
                ? Long.parseLong(epoch.strip())
                : (jar.toFile().isFile() ? jar.toFile().lastModified() / 1000 : System.currentTimeMillis() / 1000);
        new ReactordPackage(checkout, jar, args[2], mtime).writeTo(Path.of(args[3]));
    }
}
