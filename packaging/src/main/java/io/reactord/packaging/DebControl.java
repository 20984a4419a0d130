package io.reactord.packaging;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The fields of a binary package's {@code control} file. {@code Installed-Size} is computed by
 * {@link DebWriter}; {@code description} is the one-line synopsis, {@code longDescription} the extended text
 * (paragraphs separated by blank lines).
 */
public record DebControl(
        String packageName,
        String version,
        String maintainer,
        String depends,
        String section,
        String priority,
        String homepage,
        String description,
        String longDescription) {

    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9+.-]+");
    private static final Pattern VERSION = Pattern.compile("([0-9]+:)?[0-9][A-Za-z0-9.+~-]*");

    public DebControl {
        Objects.requireNonNull(maintainer, "maintainer");
        Objects.requireNonNull(description, "description");
        if (!NAME.matcher(packageName).matches()) {
            throw new IllegalArgumentException("invalid Debian package name: '" + packageName + "'");
        }
        if (!VERSION.matcher(version).matches()) {
            throw new IllegalArgumentException("invalid Debian version: '" + version + "'");
        }
        if (!maintainer.matches(".+ <[^<>@ ]+@[^<>@ ]+>")) {
            throw new IllegalArgumentException("Maintainer must read 'Name <address>': '" + maintainer + "'");
        }
        if (description.isBlank() || description.contains("\n")) {
            throw new IllegalArgumentException("Description synopsis must be one non-empty line");
        }
    }

    /**
     * The Debian form of a Maven version: {@code 1.2.0-SNAPSHOT} becomes {@code 1.2.0~SNAPSHOT}, so that a
     * snapshot sorts before its release.
     */
    public static String debianVersion(String mavenVersion) {
        return mavenVersion.replace('-', '~');
    }

    /** The control file text, fields in the usual order. */
    public String render(long installedSizeKiB) {
        Map<String, String> f = new LinkedHashMap<>();
        f.put("Package", packageName);
        f.put("Version", version);
        f.put("Architecture", "all");
        f.put("Maintainer", maintainer);
        f.put("Installed-Size", Long.toString(installedSizeKiB));
        if (depends != null && !depends.isBlank()) {
            f.put("Depends", depends);
        }
        if (section != null) {
            f.put("Section", section);
        }
        if (priority != null) {
            f.put("Priority", priority);
        }
        if (homepage != null && !homepage.isBlank()) {
            f.put("Homepage", homepage);
        }
        StringBuilder sb = new StringBuilder();
        f.forEach((k, v) -> sb.append(k).append(": ").append(v).append('\n'));
        sb.append("Description: ").append(description).append('\n');
        if (longDescription != null) {
            for (String line : longDescription.strip().split("\n", -1)) {
                sb.append(line.isBlank() ? " ." : " " + line.stripTrailing()).append('\n');
            }
        }
        return sb.toString();
    }
}
