/**
 * Test harness that runs a private, real systemd manager with its own D-Bus bus
 * ({@link io.reactord.systemd.harness.PrivateSystemd}); published in this module's test-jar for the
 * agent and it-tests modules. Tests skip when it cannot run, and fail instead when
 * {@code REACTORD_REQUIRE_SYSTEMD=1}.
 */
package io.reactord.systemd.harness;
