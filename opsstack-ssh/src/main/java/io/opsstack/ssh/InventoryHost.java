package io.opsstack.ssh;

import java.io.Serializable;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

import io.opsstack.api.error.OpsValidationException;

/**
 * A host of an {@link Inventory}.
 *
 * @param name the inventory name (as in the {@code .list} files)
 * @param address what to connect to (defaults to the name)
 * @param keyFile the private key for this host, or null for the executor's identities
 * @param services logical service name to the unit/program name on this host (e.g. opensearch -> opensearch-hot)
 * @param variables free-form per-host settings
 */
public record InventoryHost(String name, String address, int port, String user, String keyFile,
                            Map<String, String> services, Map<String, String> variables) implements Serializable {

    public InventoryHost {
        if (name == null || name.isBlank() || name.chars().anyMatch(Character::isWhitespace)) {
            throw new OpsValidationException("inventory host names must be non-blank without spaces, was '" + name + "'");
        }
        address = address == null || address.isBlank() ? name : address;
        Objects.requireNonNull(user, "user");
        services = Collections.unmodifiableMap(new LinkedHashMap<>(services == null ? Map.of() : services));
        variables = Collections.unmodifiableMap(new LinkedHashMap<>(variables == null ? Map.of() : variables));
        new SshTarget(address, port, user);
    }

    /** Where to SSH to. */
    public SshTarget target() {
        return new SshTarget(address, port, user);
    }

    /** The host's name for a logical service, or the logical name itself when the host does not override it. */
    public String serviceName(String service) {
        return services.getOrDefault(service, service);
    }

    public Map<String, Object> toMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("name", name);
        map.put("address", address);
        map.put("port", port);
        map.put("user", user);
        map.put("keyFile", keyFile);
        map.put("services", new LinkedHashMap<>(services));
        map.put("variables", new LinkedHashMap<>(variables));
        return map;
    }
}
