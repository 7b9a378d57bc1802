package io.opsstack.opensearch.internal.ops;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.opsstack.api.guard.GuardResult;
import io.opsstack.opensearch.internal.EndpointTarget;

/** An operation that stops nodes needs an endpoint that reaches the cluster while each group of them is down. */
class EndpointCoverageTest {

    private static final List<List<String>> GROUPS = List.of(List.of("hot-2", "warm-1"), List.of("cold-1"), List.of("hot-1"));

    @Test
    void oneNodeEndpointFailsForTheGroupThatStopsIt() {
        GuardResult result = EndpointCoverage.check(Map.of(URI.create("http://10.0.0.1:9200"), EndpointTarget.node("cold-1")), GROUPS);

        assertFalse(result.passed());
        assertTrue(result.reason().contains("[cold-1]") && result.reason().contains("http://10.0.0.1:9200 = cold-1"),
                result.reason());
    }

    @Test
    void endpointsOfAZoneFailForThatZoneOnly() {
        Map<URI, EndpointTarget> zoneB = new LinkedHashMap<>();
        zoneB.put(URI.create("http://10.0.0.2:9200"), EndpointTarget.node("hot-2"));
        zoneB.put(URI.create("http://10.0.0.3:9200"), EndpointTarget.node("warm-1"));

        GuardResult result = EndpointCoverage.check(zoneB, GROUPS);

        assertFalse(result.passed());
        assertTrue(result.reason().contains("[hot-2+warm-1]"), result.reason());
        assertFalse(result.reason().contains("cold-1]"), result.reason());
    }

    @Test
    void endpointsOnTwoGroupsOrABalancerPass() {
        Map<URI, EndpointTarget> twoNodes = new LinkedHashMap<>();
        twoNodes.put(URI.create("http://10.0.0.4:9200"), EndpointTarget.node("hot-1"));
        twoNodes.put(URI.create("http://10.0.0.1:9200"), EndpointTarget.node("cold-1"));
        assertTrue(EndpointCoverage.check(twoNodes, GROUPS).passed());

        Map<URI, EndpointTarget> balancer = new HashMap<>();
        balancer.put(URI.create("https://search.internal:443"), EndpointTarget.anyNode());
        GuardResult result = EndpointCoverage.check(balancer, GROUPS);
        assertTrue(result.passed(), result.reason());
        assertTrue(result.reason().contains("not a single node"), result.reason());
    }

    @Test
    void anEndpointThatDidNotAnswerNeverCountsAsStayingUp() {
        Map<URI, EndpointTarget> downLocalNodeAndCold = new LinkedHashMap<>();
        downLocalNodeAndCold.put(URI.create("http://127.0.0.1:9200"), EndpointTarget.unreachable());
        downLocalNodeAndCold.put(URI.create("http://10.0.0.1:9200"), EndpointTarget.node("cold-1"));

        GuardResult result = EndpointCoverage.check(downLocalNodeAndCold, GROUPS);

        assertFalse(result.passed());
        assertTrue(result.reason().contains("[cold-1]"), result.reason());
        assertTrue(result.reason().contains("http://127.0.0.1:9200 = did not answer"), result.reason());
    }
}
