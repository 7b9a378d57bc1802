package io.opsstack.cli;

import static io.opsstack.cli.CliFlag.Kind.ISO_DURATION;
import static io.opsstack.cli.CliFlag.Kind.LIST;
import static io.opsstack.cli.CliFlag.Kind.TEXT;
import static io.opsstack.cli.CliFlag.optional;

import io.opsstack.api.operation.Operation;
import io.opsstack.victoria.VictoriaClusterOps;
import io.opsstack.victoria.ops.VmRollingRestartRequest;
import java.nio.file.Paths;
import java.util.List;
import java.util.Map;

/**
 * VictoriaMetrics cluster operations. Connection setting: {@code victoria.definition}, a JSON or YAML
 * file with the keys of {@code VictoriaClusterOps.fromMap} (the cluster's nodes per component, scheme,
 * credentials, TLS). The services are controlled over SSH (see {@link SshServices}); inventory host
 * names are the node names of the definition.
 */
final class VictoriaFamily implements OperationFamily {
    static final String ROLLING_RESTART = "victoria-rolling-restart";

    private static final List<CliOperation> OPERATIONS = List.of(
            new CliOperation(ROLLING_RESTART, "Restarts the cluster one node at a time, vmstorage then vminsert then "
                    + "vmselect, each behind health guards and followed by a gate on its metrics.", SshServices.withServiceFlags(null,
                    optional("component", "components", LIST, "vmstorage, vminsert, vmselect (default all, in that order)"),
                    optional("node", "nodes", LIST, "only these nodes (default all of the components)"),
                    optional("service-timeout", "service_timeout", ISO_DURATION, "bound of one stop, start or restart"),
                    optional("gate-timeout", "gate_timeout", ISO_DURATION, "how long a restarted node may take to pass its gates"),
                    optional("rerouting-window", "rerouting_window", ISO_DURATION,
                            "how long vminsert rerouting must stay flat before a node goes down"),
                    optional("gate-profile", "gate_profile", TEXT, "cluster (default) or single_node_standin"))));

    @Override
    public List<CliOperation> operations() {
        return OPERATIONS;
    }

    @Override
    public Connection connect(Settings settings) {
        String definition = settings.get("victoria.definition");
        if (definition == null) {
            throw new UsageException("no VictoriaMetrics cluster definition: pass --victoria-definition FILE, set "
                    + Settings.envName("victoria.definition") + " or victoria.definition in the config file");
        }
        if (!(StructuredFiles.read(Paths.get(definition), "victoria.definition") instanceof Map<?, ?> map)) {
            throw new UsageException("victoria.definition: " + definition + " must hold a map");
        }
        @SuppressWarnings("unchecked")
        VictoriaClusterOps victoria = VictoriaClusterOps.fromMap((Map<String, ?>) map);
        return new Connection() {
            private SshServices ssh;

            @Override
            public Operation<?> operation(String operation, Map<String, ?> request) {
                if (!ROLLING_RESTART.equals(operation)) {
                    throw new UsageException("unknown VictoriaMetrics operation " + operation);
                }
                ssh = SshServices.open(request, null, settings);
                return victoria.rollingRestart(VmRollingRestartRequest.fromMap(SshServices.withoutSection(request)),
                        ssh.control());
            }

            @Override
            public void close() {
                try (VictoriaClusterOps closing = victoria) {
                    if (ssh != null) {
                        ssh.close();
                    }
                }
            }
        };
    }
}
