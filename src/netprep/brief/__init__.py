"""The one-page meeting brief: ``build.build_brief`` gathers it, ``render`` prints it.

The command line (``netprep brief``) and the web app share both: the data as a dataclass,
and the Jinja2 templates in ``templates/`` (Markdown, and HTML with a print stylesheet,
which WeasyPrint also turns into the PDF).
"""
