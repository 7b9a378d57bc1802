package io.opsstack.cli;

import io.opsstack.api.service.ServiceControl;
import io.opsstack.ssh.CommandTemplateServiceControl;
import io.opsstack.ssh.Inventory;
import io.opsstack.ssh.ServiceNodes;
import io.opsstack.ssh.Ssh;
import io.opsstack.ssh.SshExecutor;
import io.opsstack.ssh.SshOptions;
import io.opsstack.ssh.SupervisorServiceControl;
import io.opsstack.ssh.SystemdServiceControl;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Services reached over SSH, for the operations that stop and start processes: the hosts of an
 * inventory role, the service's name on them, and how it is controlled (systemd, supervisor or shell
 * command templates). Described by the {@value #SECTION} part of a request, so apply controls the same
 * hosts the plan was made for. SSH settings: {@code ssh.identity_files}, {@code ssh.known_hosts_file},
 * {@code ssh.host_key_policy}, {@code ssh.use_agent} and the secrets {@code ssh.passphrase},
 * {@code ssh.password}; without identity files the keys of {@code ~/.ssh} are used.
 */
final class SshServices implements AutoCloseable {
    static final String SECTION = "service_control";

    private final SshExecutor executor;
    private final ServiceNodes nodes;
    private final ServiceControl control;

    private SshServices(SshExecutor executor, ServiceNodes nodes, ServiceControl control) {
        this.executor = executor;
        this.nodes = nodes;
        this.control = control;
    }

    /** An operation's own flags followed by the service flags ({@code defaultUnit} null makes {@code --unit} required). */
    static List<CliFlag> withServiceFlags(String defaultUnit, CliFlag... own) {
        List<CliFlag> flags = new ArrayList<>(List.of(own));
        flags.addAll(flags(defaultUnit));
        return flags;
    }

    /** The flags that fill the {@value #SECTION} part of a request. */
    private static List<CliFlag> flags(String defaultUnit) {
        String unit = "service name on the hosts: systemd unit, supervisor program, or {service} in command templates";
        return List.of(
                CliFlag.required("inventory", SECTION + ".inventory", CliFlag.Kind.TEXT,
                        "hosts: a YAML inventory file or a directory of <role>.list files"),
                CliFlag.optional("role", SECTION + ".role", CliFlag.Kind.TEXT,
                        "inventory role whose hosts are the nodes (default " + Inventory.ALL_ROLE + ")"),
                defaultUnit == null ? CliFlag.required("unit", SECTION + ".unit", CliFlag.Kind.TEXT, unit)
                        : CliFlag.optional("unit", SECTION + ".unit", CliFlag.Kind.TEXT, unit + " (default " + defaultUnit + ")"),
                CliFlag.optional("service-manager", SECTION + ".manager", CliFlag.Kind.TEXT,
                        "systemd (default), supervisor or command"),
                CliFlag.optional("start-command", SECTION + ".start_command", CliFlag.Kind.TEXT,
                        "with --service-manager command: start template, {node} and {service} replaced"),
                CliFlag.optional("stop-command", SECTION + ".stop_command", CliFlag.Kind.TEXT, "stop template"),
                CliFlag.optional("status-command", SECTION + ".status_command", CliFlag.Kind.TEXT,
                        "status template; exit 0 = running"),
                CliFlag.optional("restart-command", SECTION + ".restart_command", CliFlag.Kind.TEXT,
                        "restart template (default: stop, then start)"),
                CliFlag.optional("sudo", SECTION + ".sudo", CliFlag.Kind.SWITCH, "run the service commands with sudo"));
    }

    /** The request without its {@value #SECTION} part: the options of the operation itself. */
    static Map<String, Object> withoutSection(Map<String, ?> request) {
        Map<String, Object> options = new LinkedHashMap<>(request);
        options.remove(SECTION);
        return options;
    }

    /** Opens SSH for the {@value #SECTION} part of {@code request}; the caller closes it. */
    static SshServices open(Map<String, ?> request, String defaultUnit, Settings settings) {
        if (!(request.get(SECTION) instanceof Map<?, ?> section)) {
            throw new UsageException("the request has no " + SECTION + " (pass --inventory)");
        }
        Inventory inventory = inventory(text(section, "inventory", null));
        String unit = text(section, "unit", defaultUnit);
        if (unit == null) {
            throw new UsageException("missing --unit");
        }
        ServiceNodes nodes = ServiceNodes.fromInventory(inventory, text(section, "role", Inventory.ALL_ROLE), unit);
        SshExecutor executor = Ssh.executor(sshOptions(settings));
        try {
            return new SshServices(executor, nodes, control(section, executor, nodes));
        } catch (RuntimeException e) {
            executor.close();
            throw e;
        }
    }

    SshExecutor executor() {
        return executor;
    }

    ServiceNodes nodes() {
        return nodes;
    }

    ServiceControl control() {
        return control;
    }

    @Override
    public void close() {
        executor.close();
    }

    private static Inventory inventory(String location) {
        Path path = Paths.get(location);
        if (Files.isDirectory(path)) {
            return Inventory.fromListDirectory(path);
        }
        if (!Files.isRegularFile(path)) {
            throw new UsageException("inventory " + path + " does not exist");
        }
        return Inventory.fromYaml(path);
    }

    private static ServiceControl control(Map<?, ?> section, SshExecutor executor, ServiceNodes nodes) {
        boolean sudo = Boolean.parseBoolean(text(section, "sudo", "false"));
        String manager = text(section, "manager", "systemd");
        return switch (manager) {
            case "systemd" -> SystemdServiceControl.builder(executor, nodes).sudo(sudo).build();
            case "supervisor" -> SupervisorServiceControl.builder(executor, nodes).sudo(sudo).build();
            case "command" -> {
                CommandTemplateServiceControl.Builder commands = CommandTemplateServiceControl.builder(executor, nodes)
                        .startTemplate(text(section, "start_command", null))
                        .stopTemplate(text(section, "stop_command", null))
                        .statusTemplate(text(section, "status_command", null))
                        .sudo(sudo);
                String restart = text(section, "restart_command", null);
                if (restart != null) {
                    commands.restartTemplate(restart);
                }
                yield commands.build();
            }
            default -> throw new UsageException("--service-manager must be systemd, supervisor or command, got '"
                    + manager + "'");
        };
    }

    private static SshOptions sshOptions(Settings settings) {
        Map<String, Object> map = new LinkedHashMap<>();
        RequestMaps.putIfSet(map, "identityFiles", settings.get("ssh.identity_files"));
        RequestMaps.putIfSet(map, "knownHostsFile", settings.get("ssh.known_hosts_file"));
        RequestMaps.putIfSet(map, "hostKeyPolicy", settings.get("ssh.host_key_policy"));
        RequestMaps.putIfSet(map, "useAgent", settings.get("ssh.use_agent"));
        RequestMaps.putIfSet(map, "passphrase", settings.secret("ssh.passphrase"));
        RequestMaps.putIfSet(map, "password", settings.secret("ssh.password"));
        SshOptions options = SshOptions.fromMap(map);
        if (options.identities().isEmpty() && !options.useAgent() && options.password() == null) {
            SshOptions.Builder withDefaultKeys = options.toBuilder();
            SshOptions.defaults().identities().forEach(withDefaultKeys::identity);
            options = withDefaultKeys.build();
        }
        return options;
    }

    private static String text(Map<?, ?> section, String key, String fallback) {
        Object value = section.get(key);
        return value == null ? fallback : value.toString();
    }
}
