/**
 * {@code evict} and {@code move}: {@link io.reactord.ctl.evict.Evictor} tells the daemon (when it runs),
 * masks the services target at runtime so nothing restarts it here, stops it, waits for a peer to become
 * Primary (watching DRBD), and unmasks unless told to keep the mask; every step is printed.
 */
package io.reactord.ctl.evict;
