"""Reference values for EmbeddingOracleTest, computed once with numpy/scipy/scikit-learn
(Debian python3-numpy 1.24, python3-scipy 1.10, python3-sklearn 1.2):

    /usr/bin/python3 embedding_oracle.py > embedding_oracle.json

MMD^2_u as Evidently's mmd method computes it (sklearn rbf kernel, gamma = 1 / median(pairwise
reference-current Euclidean distance)^2), and the Euclidean and cosine distances of the mean
vectors (scipy.spatial.distance). The vectors are written out in full, so the test needs nothing
but this file.
"""
import json

import numpy as np
from scipy.spatial.distance import cosine, euclidean
from sklearn.metrics import pairwise_distances, pairwise_kernels

rng = np.random.RandomState(7)
x = rng.normal(0.0, 1.0, size=(12, 4))
y = rng.normal(0.0, 1.0, size=(10, 4)) + np.array([0.8, 0.0, -0.5, 0.0])

m, n = len(x), len(y)
sigma2 = np.median(pairwise_distances(x, y, metric="euclidean")) ** 2
K = pairwise_kernels(np.vstack([x, y]), metric="rbf", gamma=1.0 / sigma2)
Kx, Ky, Kxy = K[:m, :m], K[m:, m:], K[:m, m:]
mmd2u = (
    (Kx.sum() - Kx.diagonal().sum()) / (m * (m - 1.0))
    + (Ky.sum() - Ky.diagonal().sum()) / (n * (n - 1.0))
    - 2.0 * Kxy.sum() / (m * n)
)
print(
    json.dumps(
        {
            "reference": x.tolist(),
            "current": y.tolist(),
            "sigma2": float(sigma2),
            "mmd2u": float(mmd2u),
            "mean_euclidean": float(euclidean(x.mean(axis=0), y.mean(axis=0))),
            "mean_cosine": float(cosine(x.mean(axis=0), y.mean(axis=0))),
        },
        indent=1,
    )
)
