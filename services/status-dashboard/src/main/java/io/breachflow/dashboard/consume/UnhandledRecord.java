package io.breachflow.dashboard.consume;

import org.apache.kafka.clients.consumer.ConsumerRecord;

/** A record the dashboard cannot apply, and why: it goes to the dead-letter topic with that reason. */
record UnhandledRecord(ConsumerRecord<String, byte[]> record, String reason) {
}
