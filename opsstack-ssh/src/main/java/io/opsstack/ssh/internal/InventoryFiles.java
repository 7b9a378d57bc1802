package io.opsstack.ssh.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import io.opsstack.api.error.OpsValidationException;
import io.opsstack.ssh.HostDefaults;
import io.opsstack.ssh.Inventory;
import io.opsstack.ssh.InventoryHost;

/** Loads {@link Inventory} instances from {@code *.list} directories and YAML files. */
public final class InventoryFiles {
    private static final String LIST_SUFFIX = ".list";
    private static final Set<String> TOP_KEYS = Set.of("defaults", "hosts", "roles");
    private static final Set<String> HOST_KEYS = Set.of("address", "port", "user", "key", "services", "vars");
    private static final Set<String> DEFAULT_KEYS = Set.of("port", "user", "key");

    private InventoryFiles() {
    }

    public static Inventory fromListDirectory(Path directory, HostDefaults defaults) {
        if (!Files.isDirectory(directory)) {
            throw new OpsValidationException("inventory directory " + directory + " does not exist");
        }
        List<Path> lists;
        try (Stream<Path> files = Files.list(directory)) {
            lists = files.filter(f -> f.getFileName().toString().endsWith(LIST_SUFFIX) && Files.isRegularFile(f))
                    .sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + directory, e);
        }
        Map<String, List<String>> roles = new LinkedHashMap<>();
        Set<String> hostNames = new LinkedHashSet<>();
        for (Path list : lists) {
            String file = list.getFileName().toString();
            List<String> members = readList(list);
            roles.put(file.substring(0, file.length() - LIST_SUFFIX.length()), members);
        }
        hostNames.addAll(roles.getOrDefault(Inventory.ALL_ROLE, List.of()));
        roles.values().forEach(hostNames::addAll);
        List<InventoryHost> hosts = new ArrayList<>();
        for (String name : hostNames) {
            hosts.add(new InventoryHost(name, name, defaults.port(), defaults.user(), defaults.keyFile(), Map.of(), Map.of()));
        }
        return new Inventory(hosts, roles);
    }

    public static Inventory fromYaml(Path file) {
        JsonNode root;
        try {
            root = new ObjectMapper(new YAMLFactory()).readTree(file.toFile());
        } catch (IOException e) {
            throw new OpsValidationException("cannot read YAML inventory " + file + ": " + e.getMessage());
        }
        if (root == null || !root.isObject()) {
            throw new OpsValidationException("YAML inventory " + file + " must be a map with 'hosts' and 'roles'");
        }
        requireKnown(root, TOP_KEYS, "inventory");
        JsonNode defaultsNode = root.path("defaults");
        requireKnown(defaultsNode, DEFAULT_KEYS, "defaults");
        HostDefaults standard = HostDefaults.standard();
        HostDefaults defaults = new HostDefaults(defaultsNode.path("port").asInt(standard.port()),
                text(defaultsNode, "user", standard.user()), text(defaultsNode, "key", null));
        List<InventoryHost> hosts = new ArrayList<>();
        for (Map.Entry<String, JsonNode> entry : root.path("hosts").properties()) {
            JsonNode host = entry.getValue();
            requireKnown(host, HOST_KEYS, "host '" + entry.getKey() + "'");
            hosts.add(new InventoryHost(entry.getKey(), text(host, "address", entry.getKey()),
                    host.path("port").asInt(defaults.port()), text(host, "user", defaults.user()),
                    text(host, "key", defaults.keyFile()), stringMap(host.path("services")), stringMap(host.path("vars"))));
        }
        Map<String, List<String>> roles = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> entry : root.path("roles").properties()) {
            if (!entry.getValue().isArray()) {
                throw new OpsValidationException("role '" + entry.getKey() + "' must be a list of host names");
            }
            List<String> members = new ArrayList<>();
            entry.getValue().forEach(member -> members.add(member.asText()));
            roles.put(entry.getKey(), members);
        }
        return new Inventory(hosts, roles);
    }

    private static List<String> readList(Path list) {
        List<String> members = new ArrayList<>();
        try {
            for (String raw : Files.readAllLines(list, StandardCharsets.UTF_8)) {
                int comment = raw.indexOf('#');
                String line = (comment >= 0 ? raw.substring(0, comment) : raw).trim();
                if (line.isEmpty()) {
                    continue;
                }
                if (line.chars().anyMatch(Character::isWhitespace)) {
                    throw new OpsValidationException(list + ": one host name per line expected, got '" + line + "'");
                }
                if (!members.contains(line)) {
                    members.add(line);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + list, e);
        }
        return members;
    }

    private static void requireKnown(JsonNode node, Set<String> known, String what) {
        if (node.isMissingNode() || node.isNull()) {
            return;
        }
        if (!node.isObject()) {
            throw new OpsValidationException(what + " must be a map");
        }
        node.fieldNames().forEachRemaining(key -> {
            if (!known.contains(key)) {
                throw new OpsValidationException("unknown key '" + key + "' in " + what + "; known: " + known);
            }
        });
    }

    private static String text(JsonNode node, String key, String fallback) {
        JsonNode value = node.path(key);
        return value.isMissingNode() || value.isNull() ? fallback : value.asText();
    }

    private static Map<String, String> stringMap(JsonNode node) {
        Map<String, String> map = new LinkedHashMap<>();
        if (node.isObject()) {
            node.properties().forEach(e -> map.put(e.getKey(), e.getValue().asText()));
        } else if (!node.isMissingNode() && !node.isNull()) {
            throw new OpsValidationException("'services' and 'vars' must be maps");
        }
        return map;
    }
}
