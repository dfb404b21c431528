"""Reference p-values of McNemar's test for McNemarTestTest (dev.assay.metrics.fairness).

Run: python3 src/test/resources/oracles/mcnemar_scipy.py > src/test/resources/oracles/mcnemar_scipy.out
Needs scipy (made with scipy 1.17.1). The exact test is scipy.stats.binomtest(min(b, c), b + c, 0.5)
two-sided (which for p = 1/2 is 2 * P(X <= min(b, c)), capped at 1); the asymptotic test is the
chi-square statistic with Edwards' continuity correction, (|b - c| - 1)^2 / (b + c), on one degree
of freedom, as R's mcnemar.test computes it.
"""
from scipy.stats import binomtest, chi2

TABLES = [(1, 9), (3, 5), (0, 7), (12, 12), (10, 30), (25, 40), (59, 6), (121, 97), (0, 25)]

for b, c in TABLES:
    if b + c < 25:
        p = binomtest(min(b, c), b + c, 0.5).pvalue
        method = "exact"
    else:
        p = chi2.sf((abs(b - c) - 1) ** 2 / (b + c), 1)
        method = "chi2cc"
    print(f"{b} {c} {method} {float(p)!r}")
