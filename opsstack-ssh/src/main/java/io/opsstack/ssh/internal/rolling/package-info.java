/**
 * Internal: the operation definitions behind {@link io.opsstack.ssh.rolling.RollingOps}, gate
 * evaluation and the per-node steps. Not a supported API; may change without notice.
 */
package io.opsstack.ssh.internal.rolling;
