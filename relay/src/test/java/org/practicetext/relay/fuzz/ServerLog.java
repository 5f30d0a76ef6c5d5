// SPDX-License-Identifier: Apache-2.0
package org.practicetext.relay.fuzz;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.StackTraceElementProxy;
import ch.qos.logback.core.AppenderBase;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.slf4j.LoggerFactory;

/**
 * Catches what the relay logs while the fuzz runs: an ERROR names the exception behind a 5xx,
 * and no line at any level may quote a phone number or a text from the request. The fuzz sends
 * one request at a time, so an ERROR that arrives during a request and names its method and
 * path belongs to it.
 *
 * <p>Exception messages are cut before any quoted value: H2, for one, quotes the value that did
 * not fit, which may be a phone number or a message.
 */
final class ServerLog extends AppenderBase<ILoggingEvent> {
    private final ConcurrentLinkedQueue<ILoggingEvent> events = new ConcurrentLinkedQueue<>();

    static ServerLog attach() {
        ServerLog appender = new ServerLog();
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        appender.setContext(root.getLoggerContext());
        appender.start();
        root.addAppender(appender);
        return appender;
    }

    void detach() {
        ((Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).detachAppender(this);
        stop();
    }

    @Override
    protected void append(ILoggingEvent event) {
        events.add(event);
    }

    static boolean isError(ILoggingEvent event) {
        return event.getLevel().isGreaterOrEqual(Level.ERROR);
    }

    /** The line as written, with the messages of its exception chain (where a driver may quote a value). */
    static String fullText(ILoggingEvent event) {
        StringBuilder text = new StringBuilder(event.getFormattedMessage());
        for (IThrowableProxy t = event.getThrowableProxy(); t != null; t = t.getCause()) {
            text.append('\n').append(t.getClassName()).append(": ").append(t.getMessage());
        }
        return text.toString();
    }

    List<ILoggingEvent> drain() {
        List<ILoggingEvent> out = new ArrayList<>();
        for (ILoggingEvent e = events.poll(); e != null; e = events.poll()) {
            out.add(e);
        }
        return out;
    }

    /** "StorageException ← JdbcSQLDataException: Value too long for column "URL CHARACTER VARYING(2000)" at Messages.insert". */
    static String describe(ILoggingEvent event) {
        IThrowableProxy top = event.getThrowableProxy();
        if (top == null) {
            return event.getLoggerName().replaceAll(".*\\.", "") + ": " + redact(event.getFormattedMessage());
        }
        List<String> chain = new ArrayList<>();
        IThrowableProxy cause = top;
        IThrowableProxy last = top;
        for (int depth = 0; cause != null && depth < 6; depth++, cause = cause.getCause()) {
            chain.add(cause.getClassName().replaceAll(".*\\.", ""));
            last = cause;
        }
        return String.join(" ← ", chain) + ": " + redact(last.getMessage()) + where(top);
    }

    /** The first frame in the project's own code: where the failure surfaced. */
    private static String where(IThrowableProxy t) {
        for (IThrowableProxy c = t; c != null; c = c.getCause()) {
            for (StackTraceElementProxy frame : c.getStackTraceElementProxyArray()) {
                StackTraceElement e = frame.getStackTraceElement();
                if (e.getClassName().startsWith("org.practicetext.") && !e.getClassName().contains(".store.")) {
                    return " at " + e.getClassName().replaceAll(".*\\.", "") + "." + e.getMethodName();
                }
            }
        }
        return "";
    }

    /**
     * The part of a description that names the kind of failure, for grouping: the exception chain
     * and where it surfaced, and the message only when it names a column or constraint (a
     * charset's or a value's name in the message would split one failure into many classes).
     */
    static String kind(String description) {
        int colon = description.indexOf(": ");
        int at = description.lastIndexOf(" at ");
        if (colon < 0) {
            return description;
        }
        String message = at > colon ? description.substring(colon + 2, at) : description.substring(colon + 2);
        String site = at > colon ? description.substring(at) : "";
        boolean schema = message.contains("column") || message.contains("constraint") || message.contains("Column");
        return description.substring(0, colon) + (schema ? ": " + message : "") + site;
    }

    static String redact(String message) {
        if (message == null) {
            return "";
        }
        String m = message;
        for (String cut : new String[] {": \"", "; SQL statement", "\n", ": '", " \"'"}) {
            int at = m.indexOf(cut);
            if (at >= 0) {
                m = m.substring(0, at);
            }
        }
        m = m.replaceAll("\\d{5,}", "#");
        return m.length() > 140 ? m.substring(0, 140) + "…" : m;
    }
}
