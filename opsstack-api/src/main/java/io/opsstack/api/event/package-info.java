/**
 * Progress events of an apply ({@link io.opsstack.api.event.StepEvent}), the
 * {@link io.opsstack.api.event.ProgressListener} callback and ready-made listeners.
 *
 * <p>Supported API. Events are immutable, {@code Serializable} records; fields are non-null unless
 * documented otherwise. Listeners receive one event at a time per apply; the built-in listeners are
 * thread-safe.
 */
package io.opsstack.api.event;
