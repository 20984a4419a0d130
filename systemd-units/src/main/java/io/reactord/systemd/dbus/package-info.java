/**
 * The D-Bus declarations of systemd's manager interface, as dbus-java needs them: only the methods and
 * signals reactord uses. Internal to the systemd-units module; everything else uses
 * {@link io.reactord.systemd.SystemdClient}.
 */
package io.reactord.systemd.dbus;
