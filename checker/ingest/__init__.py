"""Inputs in, :class:`~checker.model.Document` out: files, stdin, and (later) URLs."""
