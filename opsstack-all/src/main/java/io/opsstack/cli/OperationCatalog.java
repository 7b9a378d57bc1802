package io.opsstack.cli;

import java.util.ArrayList;
import java.util.List;

/** Every operation the CLI knows, by name; the one place where operation families are registered. */
final class OperationCatalog {
    private static final List<OperationFamily> FAMILIES = List.of(new OpenSearchFamily(), new PatroniFamily(),
            new SshFamily(), new VictoriaFamily());

    private OperationCatalog() {
    }

    /** The family that offers {@code operation}. */
    static OperationFamily family(String operation) {
        for (OperationFamily family : FAMILIES) {
            if (family.operations().stream().anyMatch(offered -> offered.name().equals(operation))) {
                return family;
            }
        }
        throw unknown(operation);
    }

    /** The operation named {@code name}. */
    static CliOperation operation(String name) {
        return operations().stream().filter(operation -> operation.name().equals(name)).findFirst()
                .orElseThrow(() -> unknown(name));
    }

    /** Every operation, family by family. */
    static List<CliOperation> operations() {
        List<CliOperation> all = new ArrayList<>();
        FAMILIES.forEach(family -> all.addAll(family.operations()));
        return all;
    }

    /** Whether some operation has a value-less flag {@code --name}. */
    static boolean isSwitch(String name) {
        return operations().stream().flatMap(operation -> operation.flags().stream())
                .anyMatch(flag -> flag.kind() == CliFlag.Kind.SWITCH && flag.name().equals(name));
    }

    private static UsageException unknown(String operation) {
        return new UsageException("unknown operation '" + operation + "'; known: "
                + String.join(", ", operations().stream().map(CliOperation::name).toList()));
    }
}
