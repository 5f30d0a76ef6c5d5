// SPDX-License-Identifier: Apache-2.0
package org.practicetext.desktop.cache;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.roaringbitmap.IntIterator;
import org.roaringbitmap.RoaringBitmap;

/**
 * The message-text search index (ADR 0009): for each folded word of the bodies, the ids of the
 * messages that have it, as compressed posting lists inside the cache database. A list is cut
 * into blocks of 65,536 ids ({@code block = id >> 16}); each row of {@code message_posting}
 * holds one word's block as a serialised {@link RoaringBitmap} of the low 16 bits. A feed page
 * (ids close together) therefore rewrites one small row per word it contains, and a search
 * reads a word's few blocks in one range scan of the primary key, intersects them in memory
 * and fetches only the newest rows. Local bubbles (negative ids) are indexed like any message.
 *
 * <p>The rule that keeps it right: every statement that inserts, rewrites the body of, or
 * deletes a {@code message} row calls {@link #add} or {@link #remove} in the same transaction
 * with the body the row had; a body written again unchanged costs nothing. Writes are
 * serialised by {@link CacheDatabase#write}, so the read-modify-write of a row never races.
 */
final class MessageIndex {
    static final int MIN_WORD = 2;
    private static final int BLOCK_BITS = 16;
    private static final String MERGE = "MERGE INTO message_posting (term, block, ids) KEY (term, block) VALUES (?, ?, ?)";

    private MessageIndex() {
    }

    /** One word's block of ids. */
    private record Key(String term, long block) {
    }

    /** Indexes these messages' bodies (id → body). */
    static void add(Sql sql, Map<Long, String> bodies) throws SQLException {
        change(sql, bodies, true);
    }

    /** Takes these messages out of the index (id → the body they were indexed with). */
    static void remove(Sql sql, Map<Long, String> bodies) throws SQLException {
        change(sql, bodies, false);
    }

    private static void change(Sql sql, Map<Long, String> bodies, boolean add) throws SQLException {
        Map<Key, RoaringBitmap> delta = new HashMap<>();
        for (Map.Entry<Long, String> message : bodies.entrySet()) {
            long id = message.getKey();
            for (String term : TextKey.words(message.getValue(), MIN_WORD)) {
                delta.computeIfAbsent(new Key(term, block(id)), k -> new RoaringBitmap()).add(low(id));
            }
        }
        if (delta.isEmpty()) {
            return;
        }
        Map<Key, RoaringBitmap> stored = stored(sql, delta.keySet());
        List<Object[]> merges = new ArrayList<>();
        List<Object[]> deletes = new ArrayList<>();
        for (Map.Entry<Key, RoaringBitmap> change : delta.entrySet()) {
            RoaringBitmap ids = stored.get(change.getKey());
            if (ids == null && !add) {
                continue;
            }
            if (ids == null) {
                ids = change.getValue();
            } else if (add) {
                ids.or(change.getValue());
            } else {
                ids.andNot(change.getValue());
            }
            Key key = change.getKey();
            if (ids.isEmpty()) {
                deletes.add(new Object[] {key.term(), key.block()});
            } else {
                merges.add(new Object[] {key.term(), key.block(), bytes(ids)});
            }
        }
        sql.batch(MERGE, merges);
        sql.batch("DELETE FROM message_posting WHERE term = ? AND block = ?", deletes);
    }

    /** The stored blocks of these keys, in one statement (terms × blocks, the few extra rows dropped). */
    private static Map<Key, RoaringBitmap> stored(Sql sql, Set<Key> keys) throws SQLException {
        Set<String> terms = new LinkedHashSet<>();
        Set<Long> blocks = new LinkedHashSet<>();
        for (Key key : keys) {
            terms.add(key.term());
            blocks.add(key.block());
        }
        Map<Key, RoaringBitmap> stored = new HashMap<>();
        sql.query("SELECT term, block, ids FROM message_posting WHERE term = ANY(?) AND block = ANY(?)", rs -> {
            Key key = new Key(rs.getString(1), rs.getLong(2));
            if (keys.contains(key)) {
                stored.put(key, bitmap(rs.getBytes(3)));
            }
            return null;
        }, (Object) terms.toArray(String[]::new), (Object) blocks.toArray(Long[]::new));
        return stored;
    }

    /**
     * The ids of the messages that have, for every one of {@code words}, a word starting with it:
     * the {@code limit} highest relay ids (relay ids grow with time, so the newest) and every
     * local bubble that matches (there are few). The blocks are read newest first, in rounds of
     * one, two, four… blocks, and the search stops when a round fills the page: a common word is
     * answered from its newest block alone, however many blocks the cache has. In a round, one
     * range scan per typed word, the longest (usually the rarest) first, later ones only in the
     * blocks still alive; the first round also reads every local block.
     */
    static List<Long> matching(Sql sql, List<String> words, int limit) throws SQLException {
        List<String> longestFirst = words.stream().sorted(Comparator.comparingInt(String::length).reversed()).toList();
        long[] idRange = sql.queryOne("SELECT MIN(id), MAX(id) FROM message", rs -> new long[] {rs.getLong(1), rs.getLong(2)}).orElseThrow();
        List<Long> relayBlocks = new ArrayList<>();
        for (long block = block(idRange[1]); block >= 0 && idRange[1] > 0; block--) {
            relayBlocks.add(block);
        }
        List<Long> localBlocks = new ArrayList<>();
        for (long block = -1; idRange[0] < 0 && block >= block(idRange[0]); block--) {
            localBlocks.add(block);
        }
        List<Long> ids = new ArrayList<>();
        List<Long> locals = new ArrayList<>();
        int next = 0;
        int round = 1;
        boolean first = true;
        while (first || (ids.size() < limit && next < relayBlocks.size())) {
            List<Long> blocks = new ArrayList<>(relayBlocks.subList(next, Math.min(relayBlocks.size(), next + round)));
            if (first) {
                blocks.addAll(localBlocks);
            }
            next += round;
            round *= 2;
            first = false;
            for (Map.Entry<Long, RoaringBitmap> block : intersection(sql, longestFirst, blocks).descendingMap().entrySet()) {
                boolean local = block.getKey() < 0;
                IntIterator lows = block.getValue().getReverseIntIterator();
                while (lows.hasNext() && (local || ids.size() < limit)) {
                    (local ? locals : ids).add(id(block.getKey(), lows.next()));
                }
            }
        }
        ids.addAll(locals);
        return ids;
    }

    /** Per block of {@code blocks}, the ids that have every word (ORed over the terms a word is the prefix of); empty blocks left out. */
    private static TreeMap<Long, RoaringBitmap> intersection(Sql sql, List<String> words, List<Long> blocks) throws SQLException {
        TreeMap<Long, RoaringBitmap> hits = null;
        for (String word : words) {
            TreeMap<Long, RoaringBitmap> found = new TreeMap<>();
            TreeMap<Long, RoaringBitmap> within = hits;
            Long[] alive = (within == null ? blocks : within.keySet()).toArray(Long[]::new);
            if (alive.length == 0) {
                return found;
            }
            sql.query("SELECT block, ids FROM message_posting WHERE term >= ? AND term < ? AND block = ANY(?)", rs -> {
                found.merge(rs.getLong(1), bitmap(rs.getBytes(2)), (a, b) -> {
                    a.or(b);
                    return a;
                });
                return null;
            }, word, TextKey.prefixEnd(word), alive);
            if (within != null) {
                found.entrySet().removeIf(block -> {
                    block.getValue().and(within.get(block.getKey()));
                    return block.getValue().isEmpty();
                });
            }
            if (found.isEmpty()) {
                return found;
            }
            hits = found;
        }
        return hits == null ? new TreeMap<>() : hits;
    }

    /** Builds the whole index again from the message table (the migration that introduced it). */
    static void rebuild(Sql sql) throws SQLException {
        sql.update("DELETE FROM message_posting");
        Map<Long, String> chunk = new HashMap<>();
        long[] last = {Long.MIN_VALUE};
        int page = 5000;
        while (true) {
            chunk.clear();
            sql.query("SELECT id, body FROM message WHERE id > ? ORDER BY id FETCH FIRST ? ROWS ONLY", rs -> {
                last[0] = rs.getLong(1);
                chunk.put(last[0], rs.getString(2));
                return null;
            }, last[0], page);
            if (chunk.isEmpty()) {
                return;
            }
            add(sql, chunk);
        }
    }

    private static long block(long id) {
        return id >> BLOCK_BITS;
    }

    private static int low(long id) {
        return (int) (id & ((1 << BLOCK_BITS) - 1));
    }

    private static long id(long block, int low) {
        return (block << BLOCK_BITS) | low;
    }

    private static byte[] bytes(RoaringBitmap ids) {
        ids.runOptimize();
        ByteBuffer buffer = ByteBuffer.allocate(ids.serializedSizeInBytes());
        ids.serialize(buffer);
        return buffer.array();
    }

    private static RoaringBitmap bitmap(byte[] bytes) {
        RoaringBitmap ids = new RoaringBitmap();
        try {
            ids.deserialize(ByteBuffer.wrap(bytes));
        } catch (IOException e) {
            throw new UncheckedIOException("A search index block is damaged", e);
        }
        return ids;
    }
}
