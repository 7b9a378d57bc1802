package io.opsstack.testkit.fault.internal;

import io.opsstack.testkit.fault.ProxiedRequest;

import java.util.ArrayList;
import java.util.List;

/** Every request a proxy handled, in order, with what it did to it. Thread-safe. */
public final class ExchangeLog {
    private final List<ProxiedRequest> requests = new ArrayList<>();

    public synchronized void record(ProxiedRequest request) {
        requests.add(request);
    }

    public synchronized List<ProxiedRequest> snapshot() {
        return List.copyOf(requests);
    }

    /** How many requests with this method and exact path reached the target. */
    public synchronized int forwardedCount(String method, String path) {
        return (int) requests.stream()
                .filter(r -> r.forwarded() && r.method().equalsIgnoreCase(method) && r.path().equals(path))
                .count();
    }

    /** How many faults were injected (into requests and connections). */
    public synchronized int injectedCount() {
        return (int) requests.stream().filter(r -> r.fault() != null).count();
    }
}
