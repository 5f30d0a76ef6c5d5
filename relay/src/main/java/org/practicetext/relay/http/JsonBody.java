// SPDX-License-Identifier: Apache-2.0
package org.practicetext.relay.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.http.Context;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.Map;
import org.practicetext.protocol.Json;

/**
 * Reads a JSON request body; every way it can be wrong is a 400 that says so, never a 500 and
 * never garbage stored:
 * <ul>
 * <li>an empty body, or JSON {@code null}, where an object is needed;</li>
 * <li>bytes that are not text in the declared charset (UTF-8 by default), instead of the
 * replacement characters a lenient decoder would store;</li>
 * <li>a string anywhere in the document that {@link Texts#flaw holds} half of a surrogate pair
 * (a valid JSON escape, {@code "\ud83d"}, that is not Unicode) or a control character other
 * than tab and line breaks; and {@code null} inside an array ({@code "mediaUrls":[null]}).
 * The message names the field, e.g. {@code mediaUrls[0]}.</li>
 * </ul>
 */
public final class JsonBody {
    private static final int MAX_PATH = 100;

    private JsonBody() {
    }

    public static <T> T read(Context ctx, Class<T> type) {
        JsonNode tree = tree(ctx);
        if (tree == null) {
            throw ApiError.badRequest("The request needs a JSON body.");
        }
        if (tree.isNull()) {
            throw ApiError.badRequest("The request needs a JSON object, not null.");
        }
        try {
            return Json.mapper().treeToValue(tree, type);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw malformed(e);
        }
    }

    /** The body as a checked JSON tree; null for an empty or blank body. */
    public static JsonNode tree(Context ctx) {
        String text = text(ctx);
        if (text.isBlank()) {
            return null;
        }
        JsonNode tree;
        try {
            tree = Json.mapper().readTree(text);
        } catch (JsonProcessingException e) {
            throw malformed(e);
        }
        check(tree, "");
        return tree;
    }

    /** The body decoded strictly in its declared charset (ContentTypes has made sure it is one Java knows). */
    public static String text(Context ctx) {
        String name = ctx.characterEncoding();
        Charset charset = name == null ? StandardCharsets.UTF_8 : Charset.forName(name);
        try {
            return charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(ctx.bodyAsBytes())).toString();
        } catch (CharacterCodingException e) {
            throw new ApiError(400, "malformed_json", "The request body is not valid " + charset.name() + " text.");
        }
    }

    private static void check(JsonNode node, String path) {
        if (node.isTextual()) {
            String flaw = Texts.flaw(node.textValue(), false);
            if (flaw != null) {
                throw ApiError.badRequest(name(path) + " " + flaw + ".");
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                if (node.get(i).isNull()) {
                    throw ApiError.badRequest(name(path + "[" + i + "]") + " is null; leave it out of the list instead.");
                }
                check(node.get(i), path + "[" + i + "]");
            }
        } else if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> fields = node.properties().iterator(); fields.hasNext(); ) {
                Map.Entry<String, JsonNode> field = fields.next();
                check(field.getValue(), path.isEmpty() ? field.getKey() : path + "." + field.getKey());
            }
        }
    }

    /** The field's path as a message may quote it: a key is the caller's text, so a very long one is cut. */
    private static String name(String path) {
        if (path.isEmpty()) {
            return "The request body";
        }
        return path.length() <= MAX_PATH ? path : path.substring(0, MAX_PATH) + "…";
    }

    private static ApiError malformed(Exception e) {
        String detail = e instanceof JsonProcessingException json ? json.getOriginalMessage() : e.getMessage();
        return new ApiError(400, "malformed_json", "The request body is not valid JSON for this call: " + detail);
    }
}
