package dev.supportevents.example.integrations;

import dev.supportevents.example.AnalyticsTracker;
import dev.supportevents.example.ErrorEvent;
import dev.supportevents.example.SupportEventType;
import dev.supportevents.example.SupportEvents;
import dev.supportevents.example.WidgetEvent;
import dev.supportevents.runtime.Subscription;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Logs every event of a widget through SLF4J: one {@code INFO} line per event with its wire name
 * and its ids, and a {@code WARN} line with the stack trace for each error.
 *
 * <pre>
 * INFO  support event messageSent {conversationId=c-1, messageId=m-2, hasAttachments=true}
 * WARN  support event error {errorType=java.io.IOException, context=message_send_failed}
 * java.io.IOException: network unreachable ...
 * </pre>
 *
 * <p>The fields are those of {@link AnalyticsTracker#properties}: ids and flags, never what the
 * visitor wrote, so logs hold no message texts.
 *
 * <pre>{@code
 * Subscription logging = Slf4jEventLogger.attach(widget.events());
 * }</pre>
 */
public final class Slf4jEventLogger {

  /** The name of the logger used unless another is given: this class's name. */
  public static final String LOGGER_NAME = Slf4jEventLogger.class.getName();

  private final Logger logger;

  /**
   * Creates an event logger that writes to {@code logger}.
   *
   * @param logger the logger of the events
   */
  public Slf4jEventLogger(Logger logger) {
    this.logger = Objects.requireNonNull(logger, "logger");
  }

  /**
   * Logs every event of {@code events} from now on to the logger named {@value #LOGGER_NAME}.
   *
   * @param events the hub of one widget
   * @return the subscription; close it to stop logging
   */
  public static Subscription attach(SupportEvents events) {
    return attach(events, LoggerFactory.getLogger(LOGGER_NAME));
  }

  /**
   * Logs every event of {@code events} from now on to {@code logger}.
   *
   * @param events the hub of one widget
   * @param logger the logger of the events
   * @return the subscription; close it to stop logging
   */
  public static Subscription attach(SupportEvents events, Logger logger) {
    return events.subscribeAll(new Slf4jEventLogger(logger)::log);
  }

  /**
   * Logs one event.
   *
   * @param type the event's type
   * @param event the event, of that type
   */
  public void log(SupportEventType type, WidgetEvent event) {
    if (event instanceof ErrorEvent error) {
      if (logger.isWarnEnabled()) {
        logger.warn(
            "support event {} {}",
            type.wireName(),
            AnalyticsTracker.properties(type, event),
            error.error());
      }
    } else if (logger.isInfoEnabled()) {
      logger.info("support event {} {}", type.wireName(), AnalyticsTracker.properties(type, event));
    }
  }
}
