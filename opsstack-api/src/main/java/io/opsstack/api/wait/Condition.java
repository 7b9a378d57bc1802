package io.opsstack.api.wait;

/** A test on a polled value, used by a {@link Waiter}'s acceptors. */
public interface Condition<T> {
    boolean test(T value);

    /**
     * Names the condition in messages. Default: the simple name of an implementing class, or
     * "condition" for lambdas and anonymous classes; see {@link Conditions#named}.
     */
    default String description() {
        Class<?> type = getClass();
        return type.isSynthetic() || type.isAnonymousClass() ? "condition" : type.getSimpleName();
    }
}
