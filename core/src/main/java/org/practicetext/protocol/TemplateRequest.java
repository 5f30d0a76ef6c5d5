// SPDX-License-Identifier: Apache-2.0
package org.practicetext.protocol;

/** Body of {@code POST /api/v1/templates} and {@code PATCH /api/v1/templates/{id}}: a template's name and text. */
public record TemplateRequest(String name, String body) {
}
