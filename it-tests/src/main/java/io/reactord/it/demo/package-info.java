/**
 * The live demo behind {@code bin/demo}: a simulated three-node DRBD cluster with the LINSTOR controller layout,
 * three agents and three real systemd managers, taken through a tour of failures while its status is printed.
 */
package io.reactord.it.demo;
