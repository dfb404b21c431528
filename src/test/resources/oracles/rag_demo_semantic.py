"""Oracle for the RAG demo's semantic_* metrics: numpy cosines over datasets/rag-demo/answers.jsonl.

Run from the project root: python3 src/test/resources/oracles/rag_demo_semantic.py
Prints mean and 95% normal interval (mean +- 1.959963984540054 * s / sqrt(n), s with ddof=1).
"""
import json
import numpy as np

def cos(a, b):
    a, b = np.asarray(a, float), np.asarray(b, float)
    return float(a @ b / (np.linalg.norm(a) * np.linalg.norm(b)))

sim, sup, rel = [], [], []
for line in open("datasets/rag-demo/answers.jsonl"):
    r = json.loads(line)
    sim.append(cos(r["response_embedding"], r["expected_embedding"]))
    sup.append(max(cos(r["response_embedding"], c) for c in r["context_embeddings"]))
    rel.append(np.mean([cos(r["prompt_embedding"], c) for c in r["context_embeddings"]]))
for name, xs in [("semantic_answer_similarity", sim), ("semantic_context_support", sup),
                 ("semantic_context_relevance", rel)]:
    x = np.array(xs)
    half = 1.959963984540054 * x.std(ddof=1) / np.sqrt(len(x))
    print(name, repr(x.mean()), repr(x.mean() - half), repr(x.mean() + half))
