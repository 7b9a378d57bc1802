/**
 * Internal: quoting, output capture, file trees, inventory loading and polling used by
 * {@code io.opsstack.ssh}. Not a supported API; it may change in any release.
 *
 * <p>Classes are thread-safe unless stated otherwise.
 */
package io.opsstack.ssh.internal;
