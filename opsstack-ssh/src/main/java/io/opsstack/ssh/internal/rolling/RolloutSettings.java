package io.opsstack.ssh.internal.rolling;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import io.opsstack.api.error.OpsValidationException;
import io.opsstack.ssh.ServiceNodes;
import io.opsstack.ssh.rolling.HealthGate;
import io.opsstack.ssh.rolling.HealthGates;

/** Validation and defaults shared by the rolling requests. */
public final class RolloutSettings {
    public static final Duration DEFAULT_SERVICE_TIMEOUT = Duration.ofMinutes(5);

    private RolloutSettings() {
    }

    public static List<HealthGate> requireDistinctNames(List<HealthGate> gates) {
        Set<String> seen = new HashSet<>();
        for (HealthGate gate : gates) {
            if (!seen.add(gate.name())) {
                throw new OpsValidationException("two health gates are named '" + gate.name() + "'");
            }
        }
        return List.copyOf(gates);
    }

    public static Duration requirePositive(Duration value, String what) {
        Objects.requireNonNull(value, what);
        if (value.isNegative() || value.isZero()) {
            throw new OpsValidationException(what + " must be positive, was " + value);
        }
        return value;
    }

    public static Duration requireNotNegative(Duration value, String what) {
        Objects.requireNonNull(value, what);
        if (value.isNegative()) {
            throw new OpsValidationException(what + " must not be negative, was " + value);
        }
        return value;
    }

    public static String requireClusterName(String name) {
        if (name.isBlank() || name.chars().anyMatch(Character::isWhitespace)) {
            throw new OpsValidationException("cluster name must be non-blank without spaces, was '" + name + "'");
        }
        return name;
    }

    /** The distinct service names joined by {@code +}, e.g. {@code kafka} or {@code kafka+zookeeper}. */
    public static String defaultClusterName(ServiceNodes nodes) {
        Set<String> services = new LinkedHashSet<>();
        nodes.nodes().forEach(node -> services.add(node.service().replaceAll("\\s+", "_")));
        return String.join("+", services);
    }

    public static List<String> gateNames(List<HealthGate> gates) {
        return gates.stream().map(HealthGate::name).toList();
    }

    /** The {@code gates} option of a script map: a list of gate maps. */
    @SuppressWarnings("unchecked")
    public static List<HealthGate> gates(Map<String, ?> options) {
        Object raw = options.get("gates");
        if (raw == null) {
            return List.of();
        }
        if (!(raw instanceof List<?> list)) {
            throw new OpsValidationException("'gates' must be a list of maps");
        }
        List<Map<String, ?>> maps = new ArrayList<>();
        for (Object item : list) {
            if (!(item instanceof Map<?, ?> map)) {
                throw new OpsValidationException("every entry of 'gates' must be a map, was " + item);
            }
            maps.add((Map<String, ?>) map);
        }
        return HealthGates.fromMaps(maps);
    }
}
