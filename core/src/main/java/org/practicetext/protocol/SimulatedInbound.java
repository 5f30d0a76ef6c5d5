// SPDX-License-Identifier: Apache-2.0
package org.practicetext.protocol;

/**
 * Body of {@code POST /api/v1/simulator/inbound} (simulated carrier only): a patient at
 * {@code from} texts {@code body} to the practice number {@code to} (null: its first number).
 */
public record SimulatedInbound(String from, String body, String to) {
    /** The answer: the simulated carrier's message sid. */
    public record Accepted(String sid) {
    }
}
