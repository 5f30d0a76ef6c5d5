// SPDX-License-Identifier: Apache-2.0
package org.practicetext.protocol;

/**
 * Answer of {@code GET /health}. {@code status} is "ok", or "attention" while some verified
 * webhook keeps failing to be applied ({@code webhooksFailing} above 0).
 */
public record HealthView(String status, long webhooksWaiting, long webhooksFailing) {
}
