package io.opsstack.api.wait;

/** Reads the current state a {@link Waiter} checks; each call should carry its own call timeout. */
public interface Poller<T> {
    T poll() throws Exception;
}
