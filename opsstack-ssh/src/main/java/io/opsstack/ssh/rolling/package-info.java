/**
 * Supported API: rolling operations on any service over SSH — a rolling restart behind per-node
 * health gates, and the {@code sync.sh} flow (verify a reference node, then stop, sync, start and
 * gate every other node one at a time) — as planned, guarded, journaled and leased operations.
 *
 * <p>Start with {@link io.opsstack.ssh.rolling.RollingOps#create}. Health gates:
 * {@link io.opsstack.ssh.rolling.HttpHealthGate}, {@link io.opsstack.ssh.rolling.TcpHealthGate},
 * {@link io.opsstack.ssh.rolling.CommandHealthGate}, or any {@link io.opsstack.ssh.rolling.HealthGate}
 * implementation; {@link io.opsstack.ssh.rolling.HealthGates#fromMap} for scripts.
 *
 * <p>Parameters and return values are non-null unless documented. Gates, requests and
 * {@code RollingOps} are immutable and thread-safe; builders are not.
 */
package io.opsstack.ssh.rolling;
