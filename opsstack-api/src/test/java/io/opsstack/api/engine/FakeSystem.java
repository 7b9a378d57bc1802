package io.opsstack.api.engine;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/** In-memory stand-in for a cluster: the engine is under test here, not a server. */
final class FakeSystem {

    /** The state facts a plan depends on (fingerprinted). */
    final Map<String, String> facts = new ConcurrentHashMap<>();
    /** Live conditions guards read (not fingerprinted). */
    final Map<String, String> conditions = new ConcurrentHashMap<>();
    /** Ids of executed steps, in execution order. */
    final List<String> executed = Collections.synchronizedList(new ArrayList<>());

    FakeSystem() {
        facts.put("cluster.health", "green");
        facts.put("nodes", "n1,n2,n3");
        conditions.put("health", "green");
        conditions.put("n1.reachable", "true");
    }

    Map<String, String> factsSnapshot() {
        return new TreeMap<>(facts);
    }

    List<String> executedSnapshot() {
        synchronized (executed) {
            return List.copyOf(executed);
        }
    }
}
