/**
 * The opsstack command line, run from the all-in-one jar: {@code java -jar opsstack-all.jar help}.
 *
 * <p>Supported: {@link io.opsstack.cli.Main} and {@link io.opsstack.cli.ExitCode} (the exit codes, for
 * scripts that want to end the way the CLI does). Everything else is the CLI's own implementation.
 * Arguments are non-null; the types are stateless or used by one thread.
 * Operations are registered per system in {@code OperationCatalog}, one {@code OperationFamily}
 * class each (see docs/cli.md, "Adding an operation").
 */
package io.opsstack.cli;
