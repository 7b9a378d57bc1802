package io.opsstack.cli;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Every operation the CLI knows, by name; the one place where operation families are registered. */
final class OperationCatalog {
    private static final List<OperationFamily> FAMILIES = List.of(new OpenSearchFamily(), new PatroniFamily());

    private OperationCatalog() {
    }

    /** The family that offers {@code operation}. */
    static OperationFamily family(String operation) {
        for (OperationFamily family : FAMILIES) {
            if (family.usage().containsKey(operation)) {
                return family;
            }
        }
        throw new UsageException("unknown operation '" + operation + "'; known: " + String.join(", ", usage().keySet()));
    }

    /** Usage line of every operation, by name. */
    static Map<String, String> usage() {
        Map<String, String> all = new LinkedHashMap<>();
        FAMILIES.forEach(family -> all.putAll(family.usage()));
        return all;
    }
}
