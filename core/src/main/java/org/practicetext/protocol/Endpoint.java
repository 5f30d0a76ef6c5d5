// SPDX-License-Identifier: Apache-2.0
package org.practicetext.protocol;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One route of the relay's API: an HTTP method and a path template such as
 * {@code /api/v1/conversations/{id}/close}. Only {@link Endpoints} makes them (the constructor
 * is package-private), so a client that calls through endpoints can only call a route the
 * protocol names, and a relay-side test checks that the relay serves each one with the same
 * method. The path parameters are {@code {id}}, a positive whole number, and after it, for a
 * part of that entity (an attachment of a message), {@code {position}}, a whole number from 0.
 */
public final class Endpoint {
    /** The HTTP methods the API uses. */
    public enum Method { GET, POST, PATCH, DELETE }

    private static final String ID = "{id}";
    private static final String POSITION = "{position}";

    private final Method method;
    private final String template;

    Endpoint(Method method, String template) {
        if (!template.startsWith("/") || template.endsWith("/") || template.replace(ID, "").replace(POSITION, "").matches(".*[{}?#].*")
                || (template.contains(POSITION) && template.indexOf(POSITION) < template.indexOf(ID))) {
            throw new IllegalArgumentException("not a path template: " + template);
        }
        this.method = Objects.requireNonNull(method);
        this.template = template;
    }

    public Method method() {
        return method;
    }

    /** The path as a router registers it, with {@code {id}} where the id goes. */
    public String template() {
        return template;
    }

    /** The call to an endpoint without an id. */
    public Target at() {
        if (template.contains(ID)) {
            throw new IllegalStateException(this + " needs an id");
        }
        return new Target(this, template, List.of());
    }

    /** The call to an endpoint about entity {@code id}. */
    public Target at(long id) {
        if (!template.contains(ID) || template.contains(POSITION)) {
            throw new IllegalStateException(this + (template.contains(POSITION) ? " needs a position too" : " takes no id"));
        }
        return new Target(this, template.replace(ID, Long.toString(id)), List.of());
    }

    /** The call to an endpoint about part {@code position} (from 0) of entity {@code id}. */
    public Target at(long id, int position) {
        if (!template.contains(POSITION) || position < 0) {
            throw new IllegalStateException(this + (template.contains(POSITION) ? " needs a position of 0 or more" : " takes no position"));
        }
        return new Target(this, template.replace(ID, Long.toString(id)).replace(POSITION, Integer.toString(position)), List.of());
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Endpoint e && e.method == method && e.template.equals(template);
    }

    @Override
    public int hashCode() {
        return Objects.hash(method, template);
    }

    /** {@code "POST /api/v1/session"}, as docs/API.md writes it. */
    @Override
    public String toString() {
        return method + " " + template;
    }

    /**
     * A call ready to make: the endpoint, its concrete path and its query parameters in order
     * (names and values unencoded; the HTTP client encodes them).
     */
    public record Target(Endpoint endpoint, String path, List<Query> query) {
        public Target {
            query = List.copyOf(query);
        }

        /** This call with one more query parameter. */
        public Target query(String name, Object value) {
            List<Query> more = new ArrayList<>(query);
            more.add(new Query(name, String.valueOf(value)));
            return new Target(endpoint, path, more);
        }
    }

    /** One query parameter. */
    public record Query(String name, String value) {
    }
}
