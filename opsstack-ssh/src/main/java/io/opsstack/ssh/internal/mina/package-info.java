/**
 * Internal: the Apache MINA SSHD implementation of {@link io.opsstack.ssh.SshExecutor}. The only
 * package that uses MINA types, so that a move to MINA 3.x stays local. Not a supported API.
 *
 * <p>Classes are thread-safe unless stated otherwise.
 */
package io.opsstack.ssh.internal.mina;
