package io.opsstack.cli;

import io.opsstack.api.operation.Operation;
import java.util.Map;

/**
 * The operations of one system (OpenSearch, Patroni, ...) as CLI commands: how the flags of
 * {@code plan <operation>} become a request map, and how a connected facade turns that map into the
 * {@link Operation}. The request map is stored in the plan file, so {@code apply} and {@code resume}
 * rebuild exactly the operation that was planned. Add a family by implementing this and listing it in
 * {@link OperationCatalog}.
 */
interface OperationFamily {

    /** Operation names of this family with their flags, one usage line each, e.g. {@code --index NAME --tier TIER}. */
    Map<String, String> usage();

    /** The request for {@code operation} from its flags (read with {@link CliArgs}); no I/O. */
    Map<String, Object> request(String operation, CliArgs flags);

    /** Connects to the system with the settings; the caller closes the connection. */
    Connection connect(Settings settings);

    /** A connected facade of the family. */
    interface Connection extends AutoCloseable {
        /** The operation for a request made by {@link OperationFamily#request}. */
        Operation<?> operation(String operation, Map<String, ?> request);

        @Override
        void close();
    }
}
