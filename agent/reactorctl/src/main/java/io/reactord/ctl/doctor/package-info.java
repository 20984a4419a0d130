/**
 * {@code reactorctl doctor}: {@link io.reactord.ctl.doctor.Doctor} checks the daemon, the configuration,
 * the units and DRBD's state and options, and returns {@link io.reactord.ctl.doctor.Finding}s, each
 * explained with the command to run. Pure: the command gathers the inputs.
 */
package io.reactord.ctl.doctor;
