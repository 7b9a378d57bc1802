package io.opsstack.api.wait;

/**
 * One acceptor of a waiter: a value condition or an exception type, and what a match means.
 * Exactly one of {@code condition} and {@code exceptionType} is set.
 */
record Acceptor<T>(Action action, Condition<T> condition, Class<? extends Exception> exceptionType, String reason) {
    enum Action { SUCCESS, RETRY, FAIL }

    boolean matchesValue(T value) {
        return condition != null && condition.test(value);
    }

    boolean matchesException(Exception exception) {
        return exceptionType != null && exceptionType.isInstance(exception);
    }

    /** How messages name this acceptor, e.g. {@code failWhen(cluster is red)}. */
    String describe() {
        String verb = switch (action) {
            case SUCCESS -> "success";
            case RETRY -> "retry";
            case FAIL -> "fail";
        };
        return condition != null
                ? verb + "When(" + condition.description() + ")"
                : verb + "OnException(" + exceptionType.getSimpleName() + ")";
    }
}
