/** Runnable examples of opsstack, starting with the README's demo ({@link io.opsstack.samples.TierMoveDemo}). */
package io.opsstack.samples;
