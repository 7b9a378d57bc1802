/**
 * Supported API: remote commands, fan-out, file transfer and directory sync over SSH, service
 * control through systemd, supervisor or command templates, and host inventories.
 *
 * <p>Start with {@link io.opsstack.ssh.Ssh#executor(io.opsstack.ssh.SshOptions)}. Every call blocks
 * and is bounded by a timeout. Host keys are always verified unless
 * {@link io.opsstack.ssh.HostKeyPolicy#INSECURE_ACCEPT_ALL} is chosen by name.
 *
 * <p>Parameters and return values are non-null unless documented. Values (records) are immutable
 * and thread-safe; {@link io.opsstack.ssh.SshExecutor}, {@link io.opsstack.ssh.FanOut},
 * {@link io.opsstack.ssh.FileSync} and the service controls are thread-safe; builders are not.
 * Secrets (passphrases, passwords, masked strings) never appear in logs, {@code toString()},
 * exceptions or maps.
 */
package io.opsstack.ssh;
