// SPDX-License-Identifier: Apache-2.0
package org.practicetext.core;

import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * Reads the words of {@link WireWord} enums, one way for all of them: exact words (as the
 * relay writes them), with surrounding whitespace ignored.
 */
public final class WireWords {
    private static final Map<Class<?>, Words<?>> WORDS = new ConcurrentHashMap<>();

    private WireWords() {
    }

    /** The constant whose word is {@code word}; an unknown or missing word is an {@link IllegalArgumentException} naming the words there are. */
    public static <E extends Enum<E> & WireWord> E fromWire(Class<E> type, String word) {
        return find(type, word).orElseThrow(() -> new IllegalArgumentException(
                "\"" + word + "\" is not a " + type.getSimpleName() + "; expected one of " + String.join(", ", words(type).byWord.keySet()) + "."));
    }

    /** As {@link #fromWire}, for a column or field that may be empty: null reads as null. */
    public static <E extends Enum<E> & WireWord> E fromWireOrNull(Class<E> type, String word) {
        return word == null ? null : fromWire(type, word);
    }

    /** The constant whose word is {@code word}, if there is one. */
    public static <E extends Enum<E> & WireWord> Optional<E> find(Class<E> type, String word) {
        return word == null ? Optional.empty() : Optional.ofNullable(words(type).byWord.get(word.strip()));
    }

    /**
     * As {@link #fromWire}, but a word this version does not know reads as the enum's
     * {@link WireWord.Fallback} constant, when it has one.
     */
    public static <E extends Enum<E> & WireWord> E fromWireOrFallback(Class<E> type, String word) {
        Words<E> words = words(type);
        Optional<E> known = find(type, word);
        if (known.isPresent() || words.fallback == null) {
            return known.orElseGet(() -> fromWire(type, word));
        }
        return words.fallback;
    }

    /** The {@link WireWord.Fallback} constant of {@code type}, if it has one. */
    public static <E extends Enum<E> & WireWord> Optional<E> fallback(Class<E> type) {
        return Optional.ofNullable(words(type).fallback);
    }

    @SuppressWarnings("unchecked") // the map holds Words<E> for each Class<E>
    private static <E extends Enum<E> & WireWord> Words<E> words(Class<E> type) {
        return (Words<E>) WORDS.computeIfAbsent(type, t -> Words.of(type));
    }

    /** An enum's words in declaration order, and its fallback. */
    private record Words<E extends Enum<E> & WireWord>(Map<String, E> byWord, E fallback) {
        static <E extends Enum<E> & WireWord> Words<E> of(Class<E> type) {
            Map<String, E> byWord = Arrays.stream(type.getEnumConstants())
                    .collect(Collectors.toMap(WireWord::wire, e -> e, (a, b) -> {
                        throw new IllegalStateException(type.getSimpleName() + " has the word " + a.wire() + " twice");
                    }, LinkedHashMap::new));
            E fallback = null;
            for (E constant : type.getEnumConstants()) {
                try {
                    if (type.getField(constant.name()).isAnnotationPresent(WireWord.Fallback.class)) {
                        if (fallback != null) {
                            throw new IllegalStateException(type.getSimpleName() + " has two fallbacks");
                        }
                        fallback = constant;
                    }
                } catch (NoSuchFieldException e) {
                    throw new IllegalStateException(e);
                }
            }
            return new Words<>(Collections.unmodifiableMap(byWord), fallback);
        }
    }
}
