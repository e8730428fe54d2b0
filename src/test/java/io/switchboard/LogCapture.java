package io.switchboard;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.util.List;
import java.util.function.Predicate;
import org.slf4j.LoggerFactory;

/**
 * Captures what the hub logs while a test runs (a Logback {@link ListAppender} on the root logger),
 * so a test can assert what an operator would read. Close it to detach.
 */
public final class LogCapture implements AutoCloseable {

    private final Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    private final ListAppender<ILoggingEvent> appender = new ListAppender<>();

    private LogCapture() {
        appender.setName("test-log-capture");
        appender.start();
        root.addAppender(appender);
    }

    public static LogCapture start() {
        return new LogCapture();
    }

    /** Every event captured so far, oldest first. */
    public List<ILoggingEvent> events() {
        synchronized (appender.list) {
            return List.copyOf(appender.list);
        }
    }

    /** Events at WARN or above. */
    public List<ILoggingEvent> warningsAndErrors() {
        return matching(e -> e.getLevel().isGreaterOrEqual(Level.WARN));
    }

    public List<ILoggingEvent> matching(Predicate<ILoggingEvent> test) {
        return events().stream().filter(test).toList();
    }

    /** The formatted messages of events from the logger {@code loggerName} at {@code level}. */
    public List<String> messages(String loggerName, Level level) {
        return matching(e -> e.getLoggerName().equals(loggerName) && e.getLevel() == level).stream()
                .map(ILoggingEvent::getFormattedMessage)
                .toList();
    }

    @Override
    public void close() {
        root.detachAppender(appender);
        appender.stop();
    }
}
