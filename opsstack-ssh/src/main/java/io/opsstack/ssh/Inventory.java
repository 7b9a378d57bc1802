package io.opsstack.ssh;

import java.io.Serializable;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import io.opsstack.api.error.OpsValidationException;
import io.opsstack.ssh.internal.InventoryFiles;

/**
 * Hosts and the roles they play, loaded from a {@code conf/} directory of {@code <role>.list}
 * files ({@link #fromListDirectory(Path, HostDefaults)}) or from a YAML file
 * ({@link #fromYaml(Path)}). The role {@value #ALL_ROLE} always holds every host (in the
 * {@code cluster.list} order when that file exists).
 */
public record Inventory(List<InventoryHost> hosts, Map<String, List<String>> roles) implements Serializable {
    /** The role holding every host, as {@code cluster.list} did. */
    public static final String ALL_ROLE = "cluster";

    public Inventory {
        hosts = List.copyOf(hosts);
        Map<String, InventoryHost> byName = new LinkedHashMap<>();
        for (InventoryHost host : hosts) {
            if (byName.put(host.name(), host) != null) {
                throw new OpsValidationException("inventory host '" + host.name() + "' is defined twice");
            }
        }
        Map<String, List<String>> copy = new LinkedHashMap<>();
        roles.forEach((role, members) -> {
            for (String member : members) {
                if (!byName.containsKey(member)) {
                    throw new OpsValidationException("role '" + role + "' names unknown host '" + member + "'");
                }
            }
            copy.put(role, List.copyOf(members));
        });
        List<String> all = new ArrayList<>(copy.getOrDefault(ALL_ROLE, List.of()));
        byName.keySet().stream().filter(name -> !all.contains(name)).forEach(all::add);
        copy.put(ALL_ROLE, List.copyOf(all));
        roles = Collections.unmodifiableMap(copy);
    }

    /** Reads {@code *.list} files (one host per line; {@code #} comments and blank lines ignored; role = file name). */
    public static Inventory fromListDirectory(Path confDirectory, HostDefaults defaults) {
        return InventoryFiles.fromListDirectory(confDirectory, defaults);
    }

    /** {@link #fromListDirectory(Path, HostDefaults)} with port 22 and the current OS user. */
    public static Inventory fromListDirectory(Path confDirectory) {
        return fromListDirectory(confDirectory, HostDefaults.standard());
    }

    /**
     * Reads a YAML inventory:
     * <pre>
     * defaults: {port: 22, user: deploy, key: /home/deploy/.ssh/id_ed25519}
     * hosts:
     *   os-1: {address: 10.0.0.11, port: 2222, user: ops, key: ..., services: {opensearch: opensearch-hot}, vars: {zone: a}}
     *   os-2: {}
     * roles:
     *   opensearch_master: [os-1, os-2]
     * </pre>
     */
    public static Inventory fromYaml(Path yamlFile) {
        return InventoryFiles.fromYaml(yamlFile);
    }

    public InventoryHost host(String name) {
        for (InventoryHost host : hosts) {
            if (host.name().equals(name)) {
                return host;
            }
        }
        throw new OpsValidationException("unknown inventory host '" + name + "'; known: "
                + hosts.stream().map(InventoryHost::name).collect(Collectors.joining(", ")));
    }

    /** The hosts of a role, in file order. */
    public List<InventoryHost> hosts(String role) {
        List<String> members = roles.get(role);
        if (members == null) {
            throw new OpsValidationException("unknown inventory role '" + role + "'; known: " + String.join(", ", roles.keySet()));
        }
        return members.stream().map(this::host).collect(Collectors.toUnmodifiableList());
    }

    public List<SshTarget> targets(String role) {
        return hosts(role).stream().map(InventoryHost::target).collect(Collectors.toUnmodifiableList());
    }

    public SshTarget target(String hostName) {
        return host(hostName).target();
    }

    public Map<String, Object> toMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        List<Map<String, Object>> hostMaps = new ArrayList<>();
        hosts.forEach(host -> hostMaps.add(host.toMap()));
        map.put("hosts", hostMaps);
        Map<String, Object> roleMap = new LinkedHashMap<>();
        roles.forEach((role, members) -> roleMap.put(role, new ArrayList<>(members)));
        map.put("roles", roleMap);
        return map;
    }
}
