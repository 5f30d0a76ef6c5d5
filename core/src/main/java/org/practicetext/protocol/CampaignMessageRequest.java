// SPDX-License-Identifier: Apache-2.0
package org.practicetext.protocol;

import java.util.List;

/**
 * Body of {@code POST /api/v1/campaign-messages}, sent by other systems with an API key. The
 * message is labelled with {@code campaign} (e.g. "Appointment Reminders Campaign").
 * {@code clientId} (or the {@code Idempotency-Key} header) makes a retried post send once.
 */
public record CampaignMessageRequest(String clientId, String to, String body, String campaign, List<String> mediaUrls) {
}
