package io.opsstack.opensearch.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import io.opsstack.opensearch.model.NodeInfo;

/** The HTTP publish addresses OpenSearch reports, read into addresses an endpoint can be matched against. */
class EndpointNodesTest {

    @Test
    void readsPlainNamedAndIpv6PublishAddressesAndSkipsNodesWithoutHttp() throws UnknownHostException {
        Map<InetSocketAddress, String> addresses = EndpointNodes.publishAddresses(List.of(
                node("os-1", "10.0.0.5:9200"),
                node("os-2", "os-2.internal/10.0.0.6:9201"),
                node("os-3", "[::1]:9202"),
                node("os-4", null)));

        assertEquals(Map.of(
                new InetSocketAddress(InetAddress.getByName("10.0.0.5"), 9200), "os-1",
                new InetSocketAddress(InetAddress.getByName("10.0.0.6"), 9201), "os-2",
                new InetSocketAddress(InetAddress.getByName("0:0:0:0:0:0:0:1"), 9202), "os-3"), addresses);
    }

    private static NodeInfo node(String name, String httpAddress) {
        return new NodeInfo(name + "-id", name, name, null, null, httpAddress, "2.19.4", Set.of("data"), Map.of());
    }
}
