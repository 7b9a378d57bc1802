/**
 * The journal SPI: the durable record of applies that makes them resumable after a crash, with a
 * file-based and an in-memory implementation.
 *
 * <p>Supported API. Implementations are thread-safe. Parameters are non-null except saved values,
 * where null means "was unset".
 */
package io.opsstack.api.journal;
