/**
 * Builds reactord's Debian package in plain Java: {@link io.reactord.packaging.DebWriter} writes the
 * {@code ar}/{@code tar} container with root-owned entries, md5sums and conffiles,
 * {@link io.reactord.packaging.ReactordPackage} decides what goes where (jar, launchers, unit templates,
 * maintainer scripts, configuration, man pages and bash completion generated from the picocli model), and
 * {@link io.reactord.packaging.BuildDeb} is the entry point Maven runs in the {@code package} phase.
 */
package io.reactord.packaging;
