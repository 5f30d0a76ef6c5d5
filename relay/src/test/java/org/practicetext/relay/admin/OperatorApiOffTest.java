// SPDX-License-Identifier: Apache-2.0
package org.practicetext.relay.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.practicetext.relay.RelayExtension;

/** Without {@code PT_OPERATOR_TOKEN} the operator API does not exist: 404 everywhere under it, whatever is sent. */
class OperatorApiOffTest {
    @RegisterExtension
    static final RelayExtension relay = RelayExtension.create();

    @Test
    void everyOperatorPathIsNotFoundAndNoneIsRouted() {
        for (String method : new String[] {"GET", "POST", "DELETE"}) {
            for (String token : new String[] {null, "", OperatorApiTest.TOKEN}) {
                HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(relay.uri("/admin/v1/practices")))
                        .method(method, HttpRequest.BodyPublishers.noBody());
                if (token != null) {
                    b.header("Authorization", "Bearer " + token);
                }
                HttpResponse<String> r = relay.send(b.build());

                assertThat(r.statusCode()).as(method + " with " + token).isEqualTo(404);
                assertThat(r.headers().firstValue(AdminEndpoints.HEADER)).isEmpty();
            }
        }
        assertThat(relay.server.routes()).noneMatch(route -> route.path().startsWith(AdminEndpoints.ROOT));
    }
}
