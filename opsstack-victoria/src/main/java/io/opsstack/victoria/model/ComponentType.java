package io.opsstack.victoria.model;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

import io.opsstack.api.error.OpsValidationException;

/** The VictoriaMetrics processes opsstack talks to, with their default HTTP ports. */
public enum ComponentType {
    VMINSERT(8480),
    VMSELECT(8481),
    VMSTORAGE(8482),
    VMAGENT(8429),
    VMAUTH(8427),
    /** The single-node server, which serves insert, select and storage endpoints itself. */
    SINGLE_NODE(8428);

    private final int defaultHttpPort;

    ComponentType(int defaultHttpPort) {
        this.defaultHttpPort = defaultHttpPort;
    }

    public int defaultHttpPort() {
        return defaultHttpPort;
    }

    /** The lower-case name used in maps, reports and URLs ({@code vminsert}, {@code single_node}). */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * Parses a component name case-insensitively ({@code "vmstorage"}, {@code "VMSELECT"}).
     *
     * @throws OpsValidationException naming the known components if the name is unknown
     */
    public static ComponentType parse(String name) {
        if (name != null) {
            String normalised = name.trim().toUpperCase(Locale.ROOT).replace('-', '_');
            for (ComponentType type : values()) {
                if (type.name().equals(normalised)) {
                    return type;
                }
            }
        }
        throw new OpsValidationException("unknown VictoriaMetrics component '" + name + "'; known: "
                + Arrays.stream(values()).map(ComponentType::id).collect(Collectors.joining(", ")));
    }
}
