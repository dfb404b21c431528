"""Oracle for the RAG demo's embedding drift: numpy over datasets/rag-demo/{reference,answers}.jsonl.

Run from the project root: python3 src/test/resources/oracles/rag_demo_drift.py > \
    src/test/resources/oracles/rag_demo_drift.out
The drift family's sample holds every row here (200 a side, below drift.classifier_sample), so the
sampled metrics are over all vectors. Prints, per embedding column: embedding_mean_euclidean and
embedding_mean_cosine (the distances between the two sides' mean vectors; cosine distance = 1 -
cosine similarity) and embedding_mmd (unbiased MMD^2, Gretton et al. JMLR 2012 eq. 3, RBF kernel
exp(-|a-b|^2 / s^2), s = median Euclidean distance between reference and current vectors).
"""
import json
import numpy as np

def load(path, column):
    return np.array([json.loads(line)[column] for line in open(path)], dtype=float)

def dist(a, b):
    return np.sqrt(((a[:, None, :] - b[None, :, :]) ** 2).sum(-1))

for column in ["prompt_embedding", "response_embedding"]:
    x = load("datasets/rag-demo/reference.jsonl", column)
    y = load("datasets/rag-demo/answers.jsonl", column)
    mx, my = x.mean(0), y.mean(0)
    euclidean = np.linalg.norm(mx - my)
    cosine = 1 - mx @ my / (np.linalg.norm(mx) * np.linalg.norm(my))
    s = np.median(dist(x, y))
    kxx, kyy, kxy = (np.exp(-dist(a, b) ** 2 / s**2) for a, b in [(x, x), (y, y), (x, y)])
    n, m = len(x), len(y)
    mmd = ((kxx.sum() - np.trace(kxx)) / (n * (n - 1)) + (kyy.sum() - np.trace(kyy)) / (m * (m - 1))
           - 2 * kxy.mean())
    for name, value in [("embedding_mean_euclidean", euclidean), ("embedding_mean_cosine", cosine),
                        ("embedding_mmd", mmd)]:
        print(column, name, repr(float(value)))
