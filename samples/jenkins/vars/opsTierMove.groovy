// Jenkins shared library step (trusted global library, with the opsstack-all jar on its class path,
// e.g. via @Grab). Every SDK call happens inside one @NonCPS method that creates the client, does the
// work, closes it in `finally` and returns plain maps: nothing but maps crosses a pipeline step.
//
//   def plan = opsTierMove.plan([endpoints: env.OS_URL, user: 'ops', password: OS_PASSWORD], [indices: 'logs-2026.01.04', tier: 'warm'])
//   echo opsTierMove.render(plan)
//   input message: 'Apply?'
//   def result = opsTierMove.apply([endpoints: env.OS_URL, user: 'ops', password: OS_PASSWORD], [indices: 'logs-2026.01.04', tier: 'warm'], plan)
//   echo "tier move ${result.status}"
import com.cloudbees.groovy.cps.NonCPS
import io.opsstack.api.operation.ApplyOptions
import io.opsstack.api.plan.Plan
import io.opsstack.opensearch.OpenSearchOps

/** Plans the tier move and returns the plan as a map (a pipeline can keep it across `input`). */
@NonCPS
Map plan(Map connection, Map request) {
    def os = OpenSearchOps.fromMap(connection)
    try {
        return os.tierMove(request).plan().toMap()
    } finally {
        os.close()
    }
}

/** The plan map as text, for `echo`. */
@NonCPS
String render(Map plan) {
    return Plan.fromMap(plan).render()
}

/**
 * Applies a plan made by {@code plan} with the same request; a plan the cluster has moved away from is
 * refused (PlanStaleException). {@code options} are ApplyOptions.fromMap keys, e.g. [journalDir: "${env.WORKSPACE}/journal"].
 */
@NonCPS
Map apply(Map connection, Map request, Map plan, Map options = [:]) {
    def os = OpenSearchOps.fromMap(connection)
    try {
        return os.tierMove(request).apply(Plan.fromMap(plan), ApplyOptions.fromMap(options)).toMap()
    } finally {
        os.close()
    }
}
