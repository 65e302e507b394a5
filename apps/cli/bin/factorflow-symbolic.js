#!/usr/bin/env node
// Checked in rather than built: npm links bins at install time, before dist/ exists.
import '../dist/factorflow-symbolic.js';
