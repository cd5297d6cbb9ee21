#!/usr/bin/env python3
"""Median [min-max] of the measured iterations of each JMH benchmark in a JMH console log.

JMH's own summary is the mean with a 99.9% interval, which one noisy moment on a shared machine ruins;
the README quotes medians and the range instead. Usage: summarize-jmh.py results/sign-verify.log
"""
import re
import statistics
import sys

value = re.compile(r'(?:^|:\s+)([0-9][0-9.,]*)\s+(us/op|ns/op|ops/s)\s*$')
rows = []
bench = params = None
state = None
values = []
unit = None


def flush():
    if bench and values:
        rows.append((bench, params, statistics.median(values), min(values), max(values), unit, len(values)))


for line in open(sys.argv[1], encoding='utf-8', errors='replace'):
    line = line.rstrip('\n')
    if line.startswith('# Benchmark: '):
        flush()
        bench, params, values, state = line.split('.')[-1], '', [], None
    elif line.startswith('# Parameters: '):
        params = line[len('# Parameters: '):]
    elif line.startswith('# Warmup Iteration'):
        state = 'warmup'
    elif line.startswith('Iteration '):
        state = 'measure'
    m = value.search(line)
    if m and state == 'measure':
        values.append(float(m.group(1).replace(',', '')))
        unit = m.group(2)
        state = None
    elif m and state == 'warmup':
        state = None
flush()
for b, p, med, lo, hi, u, n in rows:
    print(f'{b:24s} {p:45s} median {med:12.3f} [{lo:.3f}-{hi:.3f}] {u} (n={n})')
