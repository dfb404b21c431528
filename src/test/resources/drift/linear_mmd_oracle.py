"""Reference values for LinearMmdTest, computed once with numpy 2.4 / scipy 1.17 (Python 3.11):

    python3 linear_mmd_oracle.py > linear_mmd_oracle.json

The linear-time MMD of Gretton et al. (JMLR 2012, Lemma 14) over given pairs of pairs
(x1, x2, y1, y2): h = k(x1, x2) + k(y1, y2) - k(x1, y2) - k(x2, y1) with the RBF kernel
exp(-|a-b|^2 / sigma2), MMD^2_l = mean(h), and the one-sided normal-approximation p-value
norm.sf(mean / (std(h, ddof=1) / sqrt(m2))). sigma2 is the median heuristic: the squared median of
the Euclidean distances between all reference and all current vectors. The vectors are written out
in full, so the test needs nothing but this file.
"""
import json

import numpy as np
from scipy.spatial.distance import cdist
from scipy.stats import norm

rng = np.random.RandomState(11)
m2 = 15
x1, x2 = rng.normal(0.0, 1.0, size=(2, m2, 3))
y1, y2 = rng.normal(0.0, 1.0, size=(2, m2, 3)) + np.array([1.5, 0.0, -1.0])

sigma2 = float(np.median(cdist(np.vstack([x1, x2]), np.vstack([y1, y2]))) ** 2)


def k(a, b):
    return np.exp(-np.sum((a - b) ** 2, axis=1) / sigma2)


h = k(x1, x2) + k(y1, y2) - k(x1, y2) - k(x2, y1)
mmd2 = float(h.mean())
sd = float(h.std(ddof=1))
p = float(norm.sf(mmd2 / (sd / np.sqrt(m2))))
print(
    json.dumps(
        {
            "x1": x1.tolist(),
            "x2": x2.tolist(),
            "y1": y1.tolist(),
            "y2": y2.tolist(),
            "sigma2": sigma2,
            "h": h.tolist(),
            "mmd2_linear": mmd2,
            "sd": sd,
            "p_value": p,
        },
        indent=1,
    )
)
