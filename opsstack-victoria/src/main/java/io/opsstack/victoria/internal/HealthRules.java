package io.opsstack.victoria.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;

import io.opsstack.api.metrics.MetricsPage;
import io.opsstack.api.metrics.Sample;
import io.opsstack.victoria.VmAgentClient;
import io.opsstack.victoria.model.ClusterDefinition;
import io.opsstack.victoria.model.ComponentHealth;
import io.opsstack.victoria.model.ComponentType;
import io.opsstack.victoria.model.StorageLink;
import io.opsstack.victoria.model.StorageNode;
import io.opsstack.victoria.model.VmAgentQueueStatus;

/**
 * Turns readings into verdicts with the gates of the VictoriaMetrics cluster docs: vminsert needs
 * {@code vm_rpc_vmstorage_is_reachable=1} <em>and</em> {@code vm_tcpdialer_conns>0} per address (the
 * reachability gauge starts at 1 before the first dial) and {@code vm_rpc_vmstorage_is_read_only=0};
 * vmselect needs {@code vm_tcpdialer_addr_available=1} (it has no is_reachable gauge); vmstorage needs
 * to be writable with free disk above its limit and as many vminsert connections as vminserts list it.
 * Labels are matched tolerantly: only {@code addr} is required, newer labels are ignored.
 */
public final class HealthRules {
    private static final List<String> VMINSERT_DETAILS = List.of("vm_rpc_rows_rerouted_from_here_total",
            "vm_rpc_rows_rerouted_to_here_total", "vm_rpc_reroutes_total", "vm_rpc_rerouted_rows_processed_total",
            "vm_rpc_rows_pending", "vm_rpc_buf_pending_bytes", "vm_rpc_rows_sent_total",
            "vm_rpc_rows_dropped_on_overload_total", "vm_rpc_rows_incompletely_replicated_total");
    private static final List<String> VMSELECT_DETAILS = List.of("vm_partial_results_total");
    private static final List<String> VMSTORAGE_DETAILS = List.of("vm_vminsert_conns", "vm_vmselect_conns",
            "vm_storage_is_read_only", "vm_free_disk_space_bytes", "vm_free_disk_space_limit_bytes", "vm_active_merges",
            "vm_active_force_merges");
    private static final List<String> VMAUTH_DETAILS = List.of("vmauth_http_request_errors_total", "vmauth_http_requests_total");

    private HealthRules() {
    }

    public static ComponentHealth vminsert(String node, String address, NodeReading reading, ClusterDefinition definition) {
        Verdict verdict = new Verdict(reading);
        if (reading.readable()) {
            MetricsPage page = reading.metrics();
            for (String storage : StorageLists.vminsert(reading.flags(), definition)) {
                verdict.link(insertLink(page, storage, definition));
            }
            verdict.details(page, VMINSERT_DETAILS);
        }
        return verdict.toHealth(ComponentType.VMINSERT, node, address);
    }

    public static ComponentHealth vmselect(String node, String address, NodeReading reading, ClusterDefinition definition) {
        Verdict verdict = new Verdict(reading);
        if (reading.readable()) {
            MetricsPage page = reading.metrics();
            for (String storage : StorageLists.vmselect(reading.flags(), definition)) {
                OptionalDouble available = page.value("vm_tcpdialer_addr_available", "addr", storage);
                String reason = available.isEmpty() ? "no vm_tcpdialer_addr_available for " + storage + " on /metrics"
                        : available.getAsDouble() < 1 ? "not available to vmselect (vm_tcpdialer_addr_available=0)" : "";
                verdict.link(new StorageLink(storage, storageName(definition, storage), reason.isEmpty(), reason));
            }
            verdict.details(page, VMSELECT_DETAILS);
        }
        return verdict.toHealth(ComponentType.VMSELECT, node, address);
    }

    /**
     * @param expectedInsertConns how many vminserts list this node (each keeps one connection)
     */
    public static ComponentHealth vmstorage(StorageNode node, NodeReading reading, int expectedInsertConns) {
        Verdict verdict = new Verdict(reading);
        if (reading.readable()) {
            MetricsPage page = reading.metrics();
            if (page.sum("vm_storage_is_read_only") > 0) {
                verdict.problem("read-only (vm_storage_is_read_only=1): free disk below -storage.minFreeDiskSpaceBytes");
            }
            for (Sample free : page.samples("vm_free_disk_space_bytes")) {
                String path = free.labels().getOrDefault("path", "");
                OptionalDouble limit = page.value("vm_free_disk_space_limit_bytes", "path", path);
                if (limit.isPresent() && free.value() <= limit.getAsDouble()) {
                    verdict.problem("free disk " + (long) free.value() + " bytes at " + path + " is at or below the limit "
                            + (long) limit.getAsDouble());
                }
            }
            OptionalDouble insertConns = page.value("vm_vminsert_conns");
            if (insertConns.isPresent() && insertConns.getAsDouble() < expectedInsertConns) {
                verdict.problem((long) insertConns.getAsDouble() + " of " + expectedInsertConns
                        + " vminsert nodes connected (vm_vminsert_conns)");
            }
            verdict.details(page, VMSTORAGE_DETAILS);
        }
        return verdict.toHealth(ComponentType.VMSTORAGE, node.name(), node.httpAddress());
    }

    public static ComponentHealth vmagent(String node, String address, NodeReading reading) {
        Verdict verdict = new Verdict(reading);
        if (reading.readable()) {
            VmAgentQueueStatus queue = VmAgentClient.queueStatus(reading.metrics());
            if (queue.droppedData()) {
                verdict.problem("dropped remote-write data since start: " + (long) queue.packetsDropped() + " packets, "
                        + (long) queue.persistentQueueBytesDropped() + " queued bytes");
            }
            verdict.detail("vmagent_remotewrite_pending_data_bytes", queue.pendingBytes());
            verdict.detail("vmagent_remotewrite_packets_dropped_total", queue.packetsDropped());
            verdict.detail("vm_persistentqueue_bytes_dropped_total", queue.persistentQueueBytesDropped());
            verdict.detail("vmagent_remotewrite_retries_count_total", queue.retries());
        }
        return verdict.toHealth(ComponentType.VMAGENT, node, address);
    }

    public static ComponentHealth vmauth(String node, String address, NodeReading reading) {
        Verdict verdict = new Verdict(reading);
        if (reading.readable()) {
            verdict.details(reading.metrics(), VMAUTH_DETAILS);
        }
        return verdict.toHealth(ComponentType.VMAUTH, node, address);
    }

    private static StorageLink insertLink(MetricsPage page, String storage, ClusterDefinition definition) {
        OptionalDouble reachable = page.value("vm_rpc_vmstorage_is_reachable", "addr", storage);
        double conns = page.sum("vm_tcpdialer_conns", "addr", storage);
        OptionalDouble readOnly = page.value("vm_rpc_vmstorage_is_read_only", "addr", storage);
        String reason;
        if (reachable.isEmpty()) {
            reason = "no vm_rpc_vmstorage_is_reachable for " + storage + " on /metrics";
        } else if (reachable.getAsDouble() < 1) {
            reason = "unreachable (vm_rpc_vmstorage_is_reachable=0)";
        } else if (conns <= 0) {
            reason = "not connected yet: vm_rpc_vmstorage_is_reachable=1 but vm_tcpdialer_conns=0 "
                    + "(the gauge reads 1 before the first connection attempt)";
        } else if (readOnly.isPresent() && readOnly.getAsDouble() > 0) {
            reason = "read-only (vm_rpc_vmstorage_is_read_only=1): its data is rerouted to other nodes";
        } else {
            reason = "";
        }
        return new StorageLink(storage, storageName(definition, storage), reason.isEmpty(), reason);
    }

    private static String storageName(ClusterDefinition definition, String address) {
        for (StorageNode node : definition.vmstorage()) {
            if (node.vminsertAddress().equals(address) || node.vmselectAddress().equals(address)) {
                return node.name();
            }
        }
        return "";
    }

    /** Collects problems, links and details for one component. */
    private static final class Verdict {
        private final List<String> problems = new ArrayList<>();
        private final List<StorageLink> links = new ArrayList<>();
        private final Map<String, Double> details = new LinkedHashMap<>();

        Verdict(NodeReading reading) {
            if (!reading.readable()) {
                problems.add("unreachable: " + reading.error());
            } else if (!reading.health().ok()) {
                problems.add("/health returned " + reading.health().statusCode()
                        + (reading.health().draining() ? " (draining: -http.shutdownDelay in progress)" : ""));
            }
        }

        void problem(String problem) {
            problems.add(problem);
        }

        void link(StorageLink link) {
            links.add(link);
            if (!link.healthy()) {
                problems.add("vmstorage " + link.address()
                        + (link.storageNode().isEmpty() ? " (not in the definition)" : " (" + link.storageNode() + ")")
                        + ": " + link.reason());
            }
        }

        void detail(String name, double value) {
            details.put(name, value);
        }

        void details(MetricsPage page, List<String> names) {
            for (String name : names) {
                if (!page.samples(name).isEmpty()) {
                    details.put(name, page.sum(name));
                }
            }
        }

        ComponentHealth toHealth(ComponentType type, String node, String address) {
            return new ComponentHealth(type, node, address, problems.isEmpty(), problems, links, details);
        }
    }
}
