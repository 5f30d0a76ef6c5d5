// SPDX-License-Identifier: Apache-2.0
package org.practicetext.relay.admin;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The operator API's routes, an operator surface of its own beside {@code protocol.Endpoints}:
 * the desktop never calls them (so they are not the desktop's protocol), a practice is named by
 * its slug in the path (which {@code protocol.Endpoint} does not allow), and the relay registers
 * them only when {@code PT_OPERATOR_TOKEN} is set. The relay's routes and the CLI's client both
 * take their paths from here. docs/API.md, "The operator API", describes each.
 */
public final class AdminEndpoints {
    /** Every operator path starts with this; the token check guards all of it. */
    public static final String ROOT = "/admin/v1";
    /** Set on every answer from under {@link #ROOT} while the operator API is on, so a client tells "off" from "not found". */
    public static final String HEADER = "PT-Operator-API";

    /** One operator route: a method and a template with {@code {slug}} and {@code {id}} where they go. */
    public record Route(String method, String template) {
        /** The concrete path: {@code values} fill the placeholders in order (a slug is percent-encoded). */
        public String path(Object... values) {
            String path = template;
            for (Object value : values) {
                String text = URLEncoder.encode(String.valueOf(value), StandardCharsets.UTF_8).replace("+", "%20");
                int at = path.indexOf('{');
                path = path.substring(0, at) + text + path.substring(path.indexOf('}', at) + 1);
            }
            return path;
        }

        @Override
        public String toString() {
            return method + " " + template;
        }
    }

    private static final String PRACTICE = ROOT + "/practices/{slug}";

    public static final Route PRACTICES = new Route("GET", ROOT + "/practices");
    public static final Route PRACTICE_CREATE = new Route("POST", ROOT + "/practices");
    public static final Route PRACTICE_SHOW = new Route("GET", PRACTICE);
    public static final Route NUMBERS = new Route("GET", PRACTICE + "/numbers");
    public static final Route NUMBER_ADD = new Route("POST", PRACTICE + "/numbers");
    public static final Route NUMBER_REMOVE = new Route("DELETE", PRACTICE + "/numbers/{id}");
    public static final Route USERS = new Route("GET", PRACTICE + "/users");
    public static final Route USER_CREATE = new Route("POST", PRACTICE + "/users");
    public static final Route USER_DEACTIVATE = new Route("POST", PRACTICE + "/users/{id}/deactivate");
    public static final Route USER_PASSWORD = new Route("POST", PRACTICE + "/users/{id}/password");
    public static final Route API_KEYS = new Route("GET", PRACTICE + "/api-keys");
    public static final Route API_KEY_CREATE = new Route("POST", PRACTICE + "/api-keys");
    public static final Route API_KEY_REVOKE = new Route("DELETE", PRACTICE + "/api-keys/{id}");
    public static final Route LINK_SETTINGS = new Route("POST", PRACTICE + "/links");
    public static final Route BACKUPS = new Route("GET", ROOT + "/backups");
    public static final Route BACKUP_CREATE = new Route("POST", ROOT + "/backups");

    private static final List<Route> ALL = List.of(PRACTICES, PRACTICE_CREATE, PRACTICE_SHOW, LINK_SETTINGS, NUMBERS, NUMBER_ADD, NUMBER_REMOVE,
            USERS, USER_CREATE, USER_DEACTIVATE, USER_PASSWORD, API_KEYS, API_KEY_CREATE, API_KEY_REVOKE, BACKUPS, BACKUP_CREATE);

    private AdminEndpoints() {
    }

    /** Every operator route, in the order docs/API.md lists them. */
    public static List<Route> all() {
        return ALL;
    }
}
