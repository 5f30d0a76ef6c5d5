// SPDX-License-Identifier: Apache-2.0
package org.practicetext.relay;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.core.OutputStreamAppender;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.LoggerFactory;

/**
 * Everything logged while it is open, rendered as the relay's console would print it, with every
 * exception's full chain (messages, causes, suppressed). Loggers named in the constructor are
 * lowered to TRACE meanwhile, so a test can say "at no level". Other test classes run in
 * parallel, so the text may hold their lines too: assert on values unique to the test.
 */
public final class LogCapture implements AutoCloseable {
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final OutputStreamAppender<ch.qos.logback.classic.spi.ILoggingEvent> appender = new OutputStreamAppender<>();
    private final Logger root;
    private final Map<Logger, Level> saved = new HashMap<>();

    public LogCapture(String... verboseLoggers) {
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        PatternLayoutEncoder encoder = new PatternLayoutEncoder();
        encoder.setContext(context);
        encoder.setPattern("%-5level %logger - %msg%n%ex{full}");
        encoder.setCharset(StandardCharsets.UTF_8);
        encoder.start();
        appender.setContext(context);
        appender.setEncoder(encoder);
        appender.setOutputStream(bytes);
        appender.setImmediateFlush(true);
        appender.start();
        for (String name : List.of(verboseLoggers)) {
            Logger logger = context.getLogger(name);
            saved.put(logger, logger.getLevel());
            logger.setLevel(Level.TRACE);
        }
        root.addAppender(appender);
    }

    public String text() {
        synchronized (bytes) {
            return bytes.toString(StandardCharsets.UTF_8);
        }
    }

    @Override
    public void close() {
        root.detachAppender(appender);
        appender.stop();
        saved.forEach(Logger::setLevel);
    }
}
