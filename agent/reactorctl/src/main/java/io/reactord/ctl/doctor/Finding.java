package io.reactord.ctl.doctor;

/**
 * Something that needs attention.
 *
 * @param resource the promoter resource, or null for the node as a whole
 * @param problem  what is wrong, one line
 * @param fix      the command to run (or what to do), one line
 */
public record Finding(String resource, String problem, String fix) {}
