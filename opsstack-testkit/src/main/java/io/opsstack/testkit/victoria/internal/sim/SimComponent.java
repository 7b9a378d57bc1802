package io.opsstack.testkit.victoria.internal.sim;

import java.io.IOException;

/** One simulated component's HTTP surface beyond {@code /health} and {@code /flags}. */
interface SimComponent {

    /** Answers a request (the path is neither {@code /health} nor {@code /flags}). */
    void handle(SimHttp http) throws IOException;

    /** The flags the component was started with. */
    SimFlags flags();
}
