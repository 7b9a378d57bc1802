/**
 * VictoriaMetrics labs for tests: {@link io.opsstack.testkit.victoria.VictoriaLab} runs the real Debian
 * 1.79 single-node server, vmagent and vmauth; {@link io.opsstack.testkit.victoria.VmClusterSimulator}
 * runs a clearly labelled simulator of the cluster components (vminsert, vmselect, vmstorage) that
 * cannot be obtained here. Both start child processes on 127.0.0.1 and are controlled through
 * {@link io.opsstack.api.service.ServiceControl}.
 *
 * <p>Supported test API. Parameters and results are non-null unless documented otherwise. Labs and
 * simulators are thread-safe; builders are not.
 */
package io.opsstack.testkit.victoria;
