#!/usr/bin/env python3
# SPDX-License-Identifier: Apache-2.0
"""Top frames of a JFR recording's CPU samples, overall and within one frame's share.

Usage: jfr-top.py RECORDING.jfr [FRAME_SUBSTRING] [TOP]
Runs `jfr print --events jdk.ExecutionSample --stack-depth 200`, then prints:
  * the number of samples, and the share whose stack contains FRAME_SUBSTRING (e.g. the filter),
  * within that share: the top frames by inclusive samples (a frame counted once per sample) and by self
    samples (top of stack), as percentages of all samples and of the share.
Without FRAME_SUBSTRING, the whole recording's top frames.
"""
import collections
import re
import subprocess
import sys

path = sys.argv[1]
needle = sys.argv[2] if len(sys.argv) > 2 else None
top = int(sys.argv[3]) if len(sys.argv) > 3 else 25
out = subprocess.run(['jfr', 'print', '--events', 'jdk.ExecutionSample', '--stack-depth', '200', path],
                     capture_output=True, text=True, check=True).stdout
frame = re.compile(r'^\s+([\w$.<>/]+)\(.*\)\s+line:')
stacks = []
current = None
for line in out.splitlines():
    if line.startswith('jdk.ExecutionSample'):
        current = []
        stacks.append(current)
    elif current is not None:
        m = frame.match(line)
        if m:
            current.append(m.group(1))
total = len(stacks)
share = [s for s in stacks if needle is None or any(needle in f for f in s)]
print(f'{path}: {total} CPU samples (jdk.ExecutionSample)')
if needle:
    print(f'stacks containing "{needle}": {len(share)} = {100.0 * len(share) / max(total, 1):.1f}% of all samples')
incl = collections.Counter()
selfc = collections.Counter()
for s in share:
    if not s:
        continue
    selfc[s[0]] += 1
    # inclusive: frames at or below the needle's frame (callees), each counted once per sample
    cut = len(s)
    if needle:
        for i, f in enumerate(s):
            if needle in f:
                cut = i + 1  # s[0] is the top of stack; keep callees up to the outermost needle frame
    for f in set(s[:cut]):
        incl[f] += 1
n = max(len(share), 1)
print(f'\ntop {top} frames by inclusive samples within the share (% of share, % of all):')
for f, c in incl.most_common(top):
    print(f'  {100.0 * c / n:5.1f}%  {100.0 * c / max(total, 1):5.1f}%  {f}')
print(f'\ntop {top} frames by self samples within the share (% of share, % of all):')
for f, c in selfc.most_common(top):
    print(f'  {100.0 * c / n:5.1f}%  {100.0 * c / max(total, 1):5.1f}%  {f}')
