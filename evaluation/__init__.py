"""Evaluation gates: scorers over fixed benchmarks in the shared data, with pinned floors.

Each scorer runs as one command (``python -m evaluation.NAME``) and prints one line of figures;
``tests/test_gates.py`` fails when a figure falls below its floor in ``evaluation/floors.json``.
Raise a floor when a figure improves; never lower one to pass.
"""
