/**
 * Service controls for tests: {@link io.opsstack.testkit.service.ForwardingServiceControl}, a base that hands
 * every call to a real control so a test overrides only the call it observes or holds, and
 * {@link io.opsstack.testkit.service.RecordingServiceControl}, which records what it was asked and does nothing,
 * to prove that a refused operation asked nothing.
 *
 * <p>Supported API. Arguments and results are non-null unless documented; both classes are thread-safe when
 * their delegate is.
 */
package io.opsstack.testkit.service;
