package dev.assay.metrics.llm.judge;

import java.io.Serializable;

/** One message of a chat-completions request: {@code system}, {@code user} or {@code assistant}. */
public record ChatMessage(String role, String content) implements Serializable {}
