package dev.assay.metrics.llm.judge;

/** The judge's three ratings of one record, each an integer from 1 (worst) to 5 (best). */
public record JudgeScores(int groundedness, int relevance, int coherence) {}
