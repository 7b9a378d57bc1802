// Drains one node: plan, show, confirm, apply. Exits with the CLI's exit codes.
//   OPSSTACK_OPENSEARCH_URL=http://127.0.0.1:9200 DRAIN_NODE=opensearch-cold-1 OPSSTACK_YES=true \
//     samples/jshell/opsstack-shell samples/jshell/drain-node.jsh
int rc = Ops.run(() -> {
    try (OpenSearchOps os = opensearch()) {
        Operation<Void> drain = os.drain(DrainRequest.builder(env("DRAIN_NODE", "opensearch-cold-1")).build());
        Plan plan = drain.plan();
        if (!confirm(plan)) {
            System.out.println("not confirmed; nothing changed");
            return 2;
        }
        return apply(drain, plan).status() == OperationStatus.FAILED ? 1 : 0;
    }
});
/exit rc
