package io.opsstack.api.wait;

import java.util.Objects;

/** Factories for common {@link Condition}s. */
public final class Conditions {
    private Conditions() {
    }

    /** {@code condition} with a description for messages: {@code named("cluster is green", h -> h.isGreen())}. */
    public static <T> Condition<T> named(String description, Condition<T> condition) {
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(condition, "condition");
        return new Condition<>() {
            @Override
            public boolean test(T value) {
                return condition.test(value);
            }

            @Override
            public String description() {
                return description;
            }
        };
    }

    /** The polled value equals {@code expected} ({@link Objects#equals}). */
    public static <T> Condition<T> equalTo(Object expected) {
        return named("equal to " + expected, value -> Objects.equals(value, expected));
    }
}
