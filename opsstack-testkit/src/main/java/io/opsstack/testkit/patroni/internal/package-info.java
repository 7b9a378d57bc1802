/**
 * Internal: process handling, configuration files and probes behind
 * {@link io.opsstack.testkit.patroni.PatroniLab}. Not a supported API; it may change in any release.
 *
 * <p>Classes here are thread-safe unless stated otherwise.
 */
package io.opsstack.testkit.patroni.internal;
