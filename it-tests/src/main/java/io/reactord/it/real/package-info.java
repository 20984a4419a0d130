/**
 * The real-systemd backend: per simulated node a private real systemd manager (the systemd-units harness), the
 * real unit templates and shim installed into it, the fake DRBD tools of the simulator, two test units of the
 * LINSTOR controller layout (a mount-like unit and a writing controller), and a real {@code bin/reactord} process
 * in its own UTS namespace so that {@code uname -n} is the node's name.
 */
package io.reactord.it.real;
