// SPDX-License-Identifier: Apache-2.0
package org.practicetext.desktop.cache;

import java.util.ArrayList;
import java.util.List;
import org.practicetext.core.ConversationFilter;

/** Scrolls a list to its end the way the conversation list does: each page after the last row shown. */
final class ListPaging {
    private ListPaging() {
    }

    /** The ids of every page of {@code size} rows, in the order they came. */
    static List<Long> paged(ConversationQueries list, ConversationFilter filter, Long meId, int size) {
        List<Long> ids = new ArrayList<>();
        ConversationRow last = null;
        while (true) {
            List<ConversationRow> page = list.list(filter, meId, last, size);
            page.forEach(r -> ids.add(r.id()));
            if (page.size() < size) {
                return ids;
            }
            last = page.getLast();
        }
    }
}
