package io.opsstack.opensearch.internal;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.opsstack.api.error.OpsException;
import io.opsstack.api.http.HttpRequest;
import io.opsstack.opensearch.model.NodeInfo;

/**
 * Which node each of the client's endpoints reaches. An endpoint whose address and port are a node's HTTP publish
 * address is that node; a loopback endpoint is the node that answers {@code GET /} there (opsstack running on a
 * node) or, if nothing answers there, unreachable; any other endpoint (a balancer, a proxy) is taken to reach
 * whichever node is up.
 */
public final class EndpointNodes {

    private EndpointNodes() {
    }

    /** Endpoint → what it reaches, in the client's endpoint order. */
    public static Map<URI, EndpointTarget> identify(RestClient rest, List<NodeInfo> nodes) {
        Map<InetSocketAddress, String> byPublishAddress = publishAddresses(nodes);
        Map<URI, EndpointTarget> reached = new LinkedHashMap<>();
        for (URI endpoint : rest.endpoints()) {
            reached.put(endpoint, target(rest, endpoint, byPublishAddress));
        }
        return reached;
    }

    /** The nodes' HTTP publish addresses ({@code ip:port}, {@code host/ip:port} or {@code [v6]:port}), parsed. */
    static Map<InetSocketAddress, String> publishAddresses(List<NodeInfo> nodes) {
        Map<InetSocketAddress, String> byAddress = new HashMap<>();
        for (NodeInfo node : nodes) {
            String published = node.httpAddress();
            if (published == null) {
                continue;
            }
            String address = published.substring(published.indexOf('/') + 1);
            int colon = address.lastIndexOf(':');
            try {
                String ip = address.substring(0, colon).replace("[", "").replace("]", "");
                // an IP literal: parsed, never looked up
                byAddress.put(new InetSocketAddress(InetAddress.getByName(ip), Integer.parseInt(address.substring(colon + 1))),
                        node.name());
            } catch (UnknownHostException | RuntimeException unreadable) {
                // not an address this check can match; the endpoint then counts as not a single node
            }
        }
        return byAddress;
    }

    private static EndpointTarget target(RestClient rest, URI endpoint, Map<InetSocketAddress, String> byPublishAddress) {
        InetAddress[] addresses;
        try {
            addresses = InetAddress.getAllByName(endpoint.getHost());
        } catch (UnknownHostException e) {
            return EndpointTarget.unreachable();
        }
        int port = endpoint.getPort() != -1 ? endpoint.getPort() : "https".equals(endpoint.getScheme()) ? 443 : 80;
        for (InetAddress address : addresses) {
            String node = byPublishAddress.get(new InetSocketAddress(address, port));
            if (node != null) {
                return EndpointTarget.node(node);
            }
        }
        return addresses.length > 0 && addresses[0].isLoopbackAddress() ? answeringNode(rest, endpoint)
                : EndpointTarget.anyNode();
    }

    private static EndpointTarget answeringNode(RestClient rest, URI endpoint) {
        try {
            String name = Json.text(Json.parse(rest.body(HttpRequest.get("/").endpoint(endpoint).build()), "root"), "name");
            return name == null ? EndpointTarget.anyNode() : EndpointTarget.node(name);
        } catch (OpsException unreachable) {
            return EndpointTarget.unreachable();
        }
    }
}
