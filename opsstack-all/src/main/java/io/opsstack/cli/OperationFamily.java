package io.opsstack.cli;

import io.opsstack.api.operation.Operation;
import java.util.List;
import java.util.Map;

/**
 * The operations of one system (OpenSearch, Patroni, ...) as CLI commands: their flags, which
 * {@link CliOperation#request} turns into a request map, and how a connected facade turns that map
 * into the {@link Operation}. The request map is stored in the plan file, so {@code apply} and
 * {@code resume} rebuild exactly the operation that was planned. Add a family by implementing this
 * and listing it in {@link OperationCatalog}.
 */
interface OperationFamily {

    /** The operations of this family with their flags. */
    List<CliOperation> operations();

    /** Connects to the system with the settings; the caller closes the connection. */
    Connection connect(Settings settings);

    /** A connected facade of the family. */
    interface Connection extends AutoCloseable {
        /** The operation for a request made by {@link CliOperation#request}. */
        Operation<?> operation(String operation, Map<String, ?> request);

        @Override
        void close();
    }
}
