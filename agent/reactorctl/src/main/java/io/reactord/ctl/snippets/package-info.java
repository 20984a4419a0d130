/**
 * Snippet files as drbd-reactorctl handles them: {@link io.reactord.agent.files.Snippets} (in {@code agent.files},
 * shared with the status report) turns
 * command-line names (a file, a bare name, or a promoter resource) into paths and enables or disables a
 * snippet by renaming it to or from {@code NAME.toml.disabled}; {@link io.reactord.ctl.snippets.DaemonReload}
 * makes the daemon re-read its configuration through systemd; {@link io.reactord.ctl.snippets.SnippetEditor}
 * is {@code edit}'s validate-and-reopen loop.
 */
package io.reactord.ctl.snippets;
