/**
 * Supported test kit: real OpenSSH servers ({@code /usr/sbin/sshd} from Debian's
 * {@code openssh-server}) on loopback ports, each with a throwaway host key and client key, standing
 * in for fleet hosts in tests.
 *
 * <p>Parameters and return values are non-null unless documented. {@link io.opsstack.testkit.ssh.SshdLab}
 * instances are thread-safe once started; {@link io.opsstack.testkit.ssh.SshKeys} is stateless.
 */
package io.opsstack.testkit.ssh;
