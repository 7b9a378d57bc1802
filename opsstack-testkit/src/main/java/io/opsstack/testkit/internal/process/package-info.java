/**
 * Internal: process-tree control, port allocation, pid records and the unprivileged system user
 * that lab processes run as. Not a supported API; it may change in any release.
 *
 * <p>Classes here are thread-safe unless stated otherwise.
 */
package io.opsstack.testkit.internal.process;
