// SPDX-License-Identifier: Apache-2.0
package org.practicetext.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class EndpointTest {
    @Test
    void anIdFillsThePathTemplate() {
        Endpoint.Target close = Endpoints.CONVERSATION_CLOSE.at(42);

        assertThat(close.path()).isEqualTo("/api/v1/conversations/42/close");
        assertThat(close.endpoint().method()).isEqualTo(Endpoint.Method.POST);
    }

    @Test
    void queryParametersKeepTheirOrder() {
        Endpoint.Target page = Endpoints.EVENTS.at().query(Endpoints.AFTER, 7L).query(Endpoints.WAIT, 30);

        assertThat(page.path()).isEqualTo("/api/v1/events");
        assertThat(page.query()).containsExactly(new Endpoint.Query("after", "7"), new Endpoint.Query("wait", "30"));
    }

    @Test
    void anEndpointIsCalledWithAnIdExactlyWhenItsTemplateHasOne() {
        assertThatThrownBy(() -> Endpoints.INBOX_RENAME.at()).isInstanceOf(IllegalStateException.class).hasMessageContaining("needs an id");
        assertThatThrownBy(() -> Endpoints.INBOX_CREATE.at(3)).isInstanceOf(IllegalStateException.class).hasMessageContaining("takes no id");
    }

    @Test
    void aPartOfAnEntityIsNamedByItsIdAndPosition() {
        assertThat(Endpoints.MEDIA_PREVIEW.at(42, 0).path()).isEqualTo("/api/v1/messages/42/media/0/preview");
        assertThatThrownBy(() -> Endpoints.MEDIA_FILE.at(42)).isInstanceOf(IllegalStateException.class).hasMessageContaining("needs a position");
        assertThatThrownBy(() -> Endpoints.MEDIA_FILE.at(42, -1)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> Endpoints.MESSAGE_RETRY.at(42, 1)).isInstanceOf(IllegalStateException.class).hasMessageContaining("takes no position");
        assertThatThrownBy(() -> new Endpoint(Endpoint.Method.GET, "/api/v1/x/{position}/y/{id}")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aTemplateIsAPlainPath() {
        assertThatThrownBy(() -> new Endpoint(Endpoint.Method.GET, "/api/v1/events?after=0")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Endpoint(Endpoint.Method.GET, "/api/v1/inboxes/")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Endpoint(Endpoint.Method.GET, "/api/v1/inboxes/{inboxId}")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void endpointsReadAsTheApiDocWritesThem() {
        assertThat(Endpoints.SIGN_OUT).hasToString("DELETE /api/v1/session");
        assertThat(Endpoints.INBOX_DELETE).isEqualTo(new Endpoint(Endpoint.Method.DELETE, "/api/v1/inboxes/{id}"));
    }
}
