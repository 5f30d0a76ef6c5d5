// SPDX-License-Identifier: Apache-2.0
package org.practicetext.relay.send;

/**
 * What the {@link Dispatcher} tells the relay's metrics: each attempt's outcome (a word from a
 * fixed set: {@code handed}, {@code rejected}, {@code not_sent}, {@code uncertain}, {@code found},
 * {@code not_found}, {@code check_failed}, {@code attention}, {@code withheld}, {@code error}) and each
 * carrier error code. Never a message, a number or a practice.
 */
public interface DispatchMeter {
    DispatchMeter NONE = new DispatchMeter() {
        @Override
        public void attempt(String outcome) {
        }

        @Override
        public void carrierError(Integer code) {
        }
    };

    void attempt(String outcome);

    void carrierError(Integer code);
}
