// SPDX-License-Identifier: Apache-2.0
package org.practicetext.desktop.ui.sms;

import java.util.List;

/**
 * The few emoji a front desk actually sends (greetings, thanks, teeth, dates and times,
 * confirmations), so the picker is a glance rather than a search. Each one switches a text to
 * Unicode; the composer's counter says so when one is inserted.
 */
public final class FrontDeskEmoji {
    public static final List<String> ALL = List.of(
            "😀", "🙂", "😊", "👍", "🙏", "👋", "🦷", "🪥",
            "📅", "⏰", "✅", "❤️", "📞", "🎉", "⭐", "😷");

    private FrontDeskEmoji() {
    }
}
