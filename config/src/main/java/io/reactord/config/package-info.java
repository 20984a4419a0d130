/**
 * reactord's configuration: loads the main file ({@code /etc/reactord.toml}) and every {@code *.toml}
 * snippet beside it, parses each with tomlj (TOML 1.0) into a tree that keeps every key's line, binds
 * each table to immutable records ({@link io.reactord.config.ReactordConfig},
 * {@link io.reactord.config.PromoterResource}, ...) with every key's name, default and validation side
 * by side, and reports all mistakes of a run as {@code path:line: message}
 * {@link io.reactord.config.Diagnostic}s instead of throwing. Any drbd-reactor snippet loads unchanged;
 * {@link io.reactord.config.ConfigDiff} compares two configurations per resource for reload. A snippet
 * with an error is left out whole ({@link io.reactord.config.LoadResult#usable()}), and
 * {@link io.reactord.config.PartialReload} keeps such a file's previous settings on reload.
 * {@link io.reactord.config.ResourceName} is the one resource-name rule, {@link io.reactord.config.OcfEntry}
 * the typed form of an {@code ocf:VENDOR:AGENT} start entry. It knows nothing about D-Bus or processes.
 */
package io.reactord.config;
