import { add, div, dt, mul, pow, runCheck, sym } from '@factorflow/symbolic';

// u = e^{2 s t}, so du/dt = 2 s u: is d/dt (u / (1 + u)) = 2 s u / (1 + u)^2 ?
const [s, u] = [sym('s'), sym('u')];
const rates = { u: mul(2, s, u) };
const right = runCheck({ kind: 'identity', lhs: dt(div(u, add(1, u))), rhs: div(mul(2, s, u), pow(add(1, u), 2)), rates }, 1);
const wrong = runCheck({ kind: 'identity', lhs: dt(div(u, add(1, u))), rhs: div(mul(s, u), pow(add(1, u), 2)), rates }, 1);
console.log(`with the factor 2: ${right.verdict}; without it: ${wrong.verdict}`);
