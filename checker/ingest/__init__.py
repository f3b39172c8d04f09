"""Inputs in, :class:`~checker.model.Document` out: files, stdin and URLs, read as plain
text, HTML pages, PDF reports, Word .docx or Markdown drafts."""
