#!/usr/bin/env python3
"""High-precision reference values for the closed-form solution of the matrix
Riccati ODE of symmetric matrix factorisation (Min & Vidal 2025, Prop. 1).

    W' = W Y + Y W - 2 W^2,   W(0) = W0 = U0 U0^T  (PSD),   Y = Y^T.

Closed form (literal eq. (5)-(6), extended to every real eigenvalue):

    W(t) = Phi S(t) Wt0 (I + G(t) Wt0)^{-1} S(t) Phi^T,     Wt0 = Phi^T W0 Phi,
    S = diag(exp(lambda_i t)),  G = diag(g_i),  g_i = expm1(2 lambda_i t)/lambda_i
    (g_i = 2t if lambda_i == 0 exactly).

Every double written to the fixture as an input (Y, U0/W0, alpha, t) is treated
as an exact binary rational; the formula is evaluated with mpmath at a working
precision large enough to absorb its catastrophic cancellation, and the result
is rounded (correctly) to binary64.

This file is deliberately independent of the TypeScript implementation: it
uses only the Python standard library and mpmath (no numpy, no repo code).

Run:   python3 packages/core/scripts/closed_form_reference.py
       (writes packages/core/fixtures/closed-form-reference.json; pass
        --out PATH to write elsewhere, --quick to skip the ODE-residual check)
"""

import json
import math
import os
import sys
import time

import mpmath
from mpmath import mp, mpf

from reference_exact import DEFAULT_OUT, GENERATOR, ReferenceError_, fail
from reference_closed_form import run_case
from reference_cases import case_specs, scalar_cases

# ---------------------------------------------------------------------------
# JSON output (compact, readable, shortest round-trip doubles)
# ---------------------------------------------------------------------------

def jnum(x):
    if isinstance(x, bool) or x is None:
        return json.dumps(x)
    if isinstance(x, int):
        return str(x)
    x = float(x)
    if not math.isfinite(x):
        fail("non-finite number in output")
    return repr(x)


def jvec(v):
    return "[" + ", ".join(jnum(x) for x in v) + "]"


def jmat(M, ind):
    pad = " " * ind
    return "[\n" + ",\n".join(pad + "  " + jvec(r) for r in M) + "\n" + pad + "]"


def render(doc):
    L = []
    L.append("{")
    L.append('  "generator": %s,' % json.dumps(doc["generator"]))
    L.append('  "mpmath": %s,' % json.dumps(doc["mpmath"]))
    L.append('  "python": %s,' % json.dumps(doc["python"]))
    L.append('  "cases": [')
    cs = []
    for c in doc["cases"]:
        p = "      "
        f = []
        f.append(p + '"name": %s' % json.dumps(c["name"]))
        f.append(p + '"description": %s' % json.dumps(c["description"]))
        f.append(p + '"Y": %s' % jmat(c["Y"], 6))
        key = "U0" if "U0" in c["init"] else "W0"
        f.append(p + '"init": { "%s": %s }' % (key, jmat(c["init"][key], 6)))
        f.append(p + '"alpha": %s' % jnum(c["alpha"]))
        f.append(p + '"eigenvaluesY": %s' % jvec(c["eigenvaluesY"]))
        f.append(p + '"times": %s' % jvec(c["times"]))
        f.append(p + '"W": [\n' + ",\n".join(p + "  " + jmat(W, 8) for W in c["W"])
                 + "\n" + p + "]")
        f.append(p + '"eigenvaluesW": [\n' + ",\n".join(p + "  " + jvec(e) for e in c["eigenvaluesW"])
                 + "\n" + p + "]")
        f.append(p + '"dps": %s' % jvec(c["dps"]))
        f.append(p + '"selfCheckRelDiff": %s' % jnum(c["selfCheckRelDiff"]))
        f.append(p + '"selfCheckLog10RelDiff": %s' % jnum(c["selfCheckLog10RelDiff"]))
        cs.append("    {\n" + ",\n".join(f) + "\n    }")
    L.append(",\n".join(cs))
    L.append("  ],")
    L.append('  "scalar": [')
    L.append(",\n".join(
        '    { "sigmaY": %s, "sigma0": %s, "alpha": %s, "t": %s, "sigmaW": %s }'
        % (jnum(r["sigmaY"]), jnum(r["sigma0"]), jnum(r["alpha"]), jnum(r["t"]), jnum(r["sigmaW"]))
        for r in doc["scalar"]))
    L.append("  ]")
    L.append("}")
    return "\n".join(L) + "\n"


def main(argv):
    out = DEFAULT_OUT
    ode_check = True
    only = None
    args = list(argv)
    while args:
        a = args.pop(0)
        if a == "--out":
            out = args.pop(0)
        elif a == "--quick":
            ode_check = False
        elif a == "--only":
            only = args.pop(0)
        else:
            fail("unknown argument %r" % a)
    T0 = time.time()
    cases = []
    worst = dict(rel=mpf(0), sym=mpf(0), ode=mpf(0), w0=mpf(0), phi_res=mpf(0))
    max_dps = 0
    for spec in case_specs():
        if only and only not in spec["name"]:
            continue
        case, st = run_case(spec, ode_check=ode_check)
        cases.append(case)
        for k in worst:
            if st[k] is not None:
                worst[k] = max(worst[k], st[k])
        max_dps = max(max_dps, max(case["dps"]))
        print("%-38s n=%d times=%2d maxdps=%6d selfcheck=%-9s sym=%-9s ode=%-9s W(0)=%-9s "
              "phi=%-9s %6.1fs" % (
                  case["name"], len(case["Y"]), len(case["times"]), max(case["dps"]),
                  mp.nstr(st["rel"], 2), mp.nstr(st["sym"], 2), mp.nstr(st["ode"], 2),
                  mp.nstr(st["w0"], 2), mp.nstr(st["phi_res"], 2), st["seconds"]),
              flush=True)
    t1 = time.time()
    scal = scalar_cases()
    print("scalar rows: %d (%.1fs)" % (len(scal), time.time() - t1))
    doc = {
        "generator": GENERATOR,
        "mpmath": mpmath.__version__,
        "python": sys.version.split()[0],
        "cases": cases,
        "scalar": scal,
    }
    text = render(doc)
    json.loads(text)  # must be valid JSON
    os.makedirs(os.path.dirname(os.path.abspath(out)), exist_ok=True)
    with open(out, "w") as fh:
        fh.write(text)
    print("max self-check rel diff %s, max asymmetry %s, max ODE residual %s, "
          "max |W(0)-W0| %s, max dps %d" % (
              mp.nstr(worst["rel"], 3), mp.nstr(worst["sym"], 3), mp.nstr(worst["ode"], 3),
              mp.nstr(worst["w0"], 3), max_dps))
    print("wrote %s (%d cases, %d scalar rows) in %.1fs" % (
        os.path.relpath(out), len(cases), len(scal), time.time() - T0))


if __name__ == "__main__":
    try:
        main(sys.argv[1:])
    except ReferenceError_ as e:
        sys.stderr.write("SELF-CHECK FAILURE: %s\n" % e)
        sys.exit(1)
