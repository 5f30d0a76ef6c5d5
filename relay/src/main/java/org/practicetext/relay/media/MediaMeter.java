// SPDX-License-Identifier: Apache-2.0
package org.practicetext.relay.media;

import java.util.function.LongSupplier;

/**
 * What the {@link MediaFetcher} tells the relay's metrics: each download's outcome ({@code kept},
 * {@code retry}, or the {@code MediaProblem} word of a file given up, such as {@code not_found})
 * and how many files wait to be fetched (read at each scrape). Never a message, a number or a URL.
 */
public interface MediaMeter {
    MediaMeter NONE = new MediaMeter() {
        @Override
        public void fetched(String outcome) {
        }

        @Override
        public void pending(LongSupplier count) {
        }
    };

    void fetched(String outcome);

    /** Where the count of files still to fetch is read (a query, at each scrape). */
    void pending(LongSupplier count);
}
