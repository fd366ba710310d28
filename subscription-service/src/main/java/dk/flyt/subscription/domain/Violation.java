package dk.flyt.subscription.domain;

/** One broken rule about one field of a request; {@code field} is the JSON path the client sent. */
public record Violation(String field, String message) {}
