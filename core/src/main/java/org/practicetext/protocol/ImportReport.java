// SPDX-License-Identifier: Apache-2.0
package org.practicetext.protocol;

import java.util.List;

/**
 * Answer of {@code POST /api/v1/contacts/import}: how many patients were created, updated or
 * already up to date, and every row that was refused, by its line in the file and why.
 */
public record ImportReport(int created, int updated, int unchanged, List<Refused> refused) {
    /** An answer without {@code refused} (an older relay) refused nothing. */
    public ImportReport {
        refused = refused == null ? List.of() : List.copyOf(refused);
    }

    /** A refused row: {@code line} is where the row starts in the file (the header is line 1). */
    public record Refused(int line, String reason) {
    }
}
