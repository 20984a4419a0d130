/**
 * The configuration files as they are now, for reactorctl and the status report:
 * {@link io.reactord.agent.files.ConfigFiles} (a lenient read in which a broken snippet does not hide the others)
 * and {@link io.reactord.agent.files.Snippets} (snippet names, enabled and disabled files).
 */
package io.reactord.agent.files;
